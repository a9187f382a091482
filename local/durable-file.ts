import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The local stack's own files in its data directory (keys, a table rebuild's backup): a crash
 * must leave either the old file or the whole new one, never a truncated key. So `path` is
 * written whole or not at all: a temporary file, fsynced, renamed, the directory fsynced; mode 0600.
 */
export function writeDurably(path: string, text: string): void {
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

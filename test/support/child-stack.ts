/**
 * The local stack exactly as `npm start` runs it: a child `node local/start.ts`
 * with its state in a fresh data directory and every log line captured (DEBUG),
 * for the tests that scan what the stack persists or logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually } from './api.ts';

export interface ChildStack {
  readonly dataDir: string;
  /** Everything the child wrote to stdout and stderr so far. */
  output(): string;
  /** The API's URL, once the stack has printed it. */
  url(timeoutMs?: number): Promise<string>;
  /** SIGTERM, as Ctrl-C would: the stack flushes its state and logs, then exits. */
  terminate(): Promise<void>;
  /** Kills the child if still running and removes its data directory. */
  stop(): Promise<void>;
}

/** `dataDir`: start on an existing data directory (a restart), which `stop()` then leaves in place. */
export function startChildStack(prefix: string, options: { dataDir?: string } = {}): ChildStack {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), prefix));
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [resolve(import.meta.dirname, '../../local/start.ts')], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: { ...process.env, PORT: '0', TIPLINE_DATA_DIR: dataDir, POWERTOOLS_LOG_LEVEL: 'DEBUG', TIPLINE_VISIBILITY_TIMEOUT: '1', TIPLINE_RATE_LIMIT_PER_MINUTE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return {
    dataDir,
    output: () => output,
    url: (timeoutMs = 60_000) => eventually(async () => /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(output)?.[1], timeoutMs),
    async terminate() {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGKILL');
        await new Promise((done) => child.once('exit', done));
      }
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

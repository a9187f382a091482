import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** The CLI as `npm run token` runs it (the repository's node, in a throwaway data dir). */
async function token(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, TIPLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tipline-token-')) };
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'scripts/token.ts'), ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run token', () => {
  it('prints its usage, with --username, for --help', async () => {
    // Act
    const result = await token(['--help']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: npm run --silent token -- --groups/);
    expect(result.stdout).toContain('--username');
  });

  it('refuses to mint a token without --groups, printing the usage', async () => {
    // Act
    const result = await token([]);

    // Assess
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Usage: npm run --silent token -- --groups/);
  });

  it('still prints only a token with --groups', async () => {
    // Act
    const result = await token(['--groups', 'NL,BE', '--username', 'ines']);

    // Assess
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('.')).toHaveLength(3);
  });
});

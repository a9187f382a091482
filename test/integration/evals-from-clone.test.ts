/**
 * `npm run eval:geo` and `npm run eval:dedupe` on a copy of the repository's
 * tracked files with no `../shared` beside it (what a fresh clone has): both
 * read their development data from test/fixtures/ and print the figures the
 * README quotes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '#infra/bundling.ts';

const parent = mkdtempSync(join(tmpdir(), 'tipline-clone-'));
const clone = join(parent, 'tipline');

/** Runs an npm script's command (`node scripts/…`) in `cwd` with no TIPLINE_DEV_DATA override. */
function runScript(cwd: string, script: string): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env['TIPLINE_DEV_DATA'];
  const r = spawnSync(process.execPath, [join('scripts', script)], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    if (!existsSync(join(REPO_ROOT, file))) continue;
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(join(REPO_ROOT, file), join(clone, file));
  }
  // Installed packages are not the point here; the clone shares them.
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
});

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('evals on a fresh clone (no ../shared)', () => {
  it('eval:dedupe prints the same figures as in the repository', () => {
    // Prepare
    expect(existsSync(join(parent, 'shared'))).toBe(false);

    // Act
    const fresh = runScript(clone, 'eval-dedupe.ts');
    const here = runScript(REPO_ROOT, 'eval-dedupe.ts');

    // Assess
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain('dedupe-dev.jsonl');
    expect(fresh.stdout).toBe(here.stdout);
  });

  it('eval:geo cross-validates every training set from test/fixtures/', () => {
    // Act
    const fresh = runScript(clone, 'eval-geo.ts');

    // Assess
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stdout).toContain(`data from ${join(clone, 'test', 'fixtures')}`);
    for (const set of ['geo-tips-dev', 'geo-news-trnews', 'geo-news-lgl-train', 'geo-news-geowebnews-train', 'geo-challenge']) {
      expect(fresh.stdout).toMatch(new RegExp(`^${set} +\\d+\\.\\d%`, 'm'));
    }
  }, 180_000);
});

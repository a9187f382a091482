/**
 * The hostile-input suite (test/integration/fuzz.test.ts) with many more runs
 * than `npm test` allows: node scripts/fuzz-long.ts [--runs 2000] [--seed N].
 * Same properties, same local stack; fast-check prints the seed and the
 * shrunk counterexample of any failure so it can be replayed with --seed.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: node scripts/fuzz-long.ts [--runs N] [--seed N]');
  process.exit(64);
}
const root = resolve(import.meta.dirname, '..');
const vitest = resolve(root, 'node_modules/vitest/vitest.mjs');
// About 10 ms per request on a slow machine, seven properties: give each test room.
const timeoutMs = Math.max(60_000, runs * 50);
const result = spawnSync(process.execPath, [vitest, 'run', 'test/integration/fuzz.test.ts', `--testTimeout=${timeoutMs}`], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), ...(values.seed === undefined ? {} : { FUZZ_SEED: values.seed }) },
});
process.exit(result.status ?? 1);

/**
 * Export at scale: seeds 100,000 classified tips into one country queue of a
 * local stack, exports them as CSV and JSON Lines through the API, and checks
 * that every tip is in each file exactly once. Prints time and peak memory.
 *   node bench/export.ts [--tips 100000]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { mintToken } from '#local/jwt.ts';
import { startLocalStack } from '#local/stack.ts';
import { seedClassifiedTips } from '../test/support/seed-tips.ts';

const { values } = parseArgs({ options: { tips: { type: 'string', default: '100000' } } });
const TIPS = Number(values.tips);
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const dataDir = mkdtempSync(join(tmpdir(), 'tipline-bench-export-'));
const stack = await startLocalStack({ dataDir, persist: false, port: 0, startPollers: false });
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
try {
  let started = performance.now();
  const ids = await seedClassifiedTips(TIPS, 'SE', 'obj-towel');
  const seedSeconds = (performance.now() - started) / 1000;
  const token = await mintToken(stack.keys, { groups: ['SE'] });
  const results: Record<string, unknown>[] = [];
  for (const format of ['csv', 'jsonl'] as const) {
    const rssBefore = process.memoryUsage().rss;
    peakRss = rssBefore;
    started = performance.now();
    const response = await fetch(`${stack.url}/investigator/exports?country=SE&format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
      redirect: 'manual',
    });
    const body = (await response.json()) as { count: number };
    const exportSeconds = (performance.now() - started) / 1000;
    const file = await (await fetch(response.headers.get('location')!)).text();
    const lines = file.split(format === 'csv' ? '\r\n' : '\n').filter((line) => line !== '');
    const rows = format === 'csv' ? lines.slice(1) : lines;
    const seen = new Set(rows.map((row) => (format === 'csv' ? row.slice(1, 27) : (JSON.parse(row) as { tipId: string }).tipId)));
    const complete = body.count === TIPS && rows.length === TIPS && seen.size === TIPS && ids.every((id) => seen.has(id));
    results.push({ format, status: response.status, count: body.count, rows: rows.length, distinct: seen.size, complete, seconds: exportSeconds, bytes: Buffer.byteLength(file), peakRssGrowthMb: (peakRss - rssBefore) / 2 ** 20 });
  }
  console.log(`seeded ${TIPS} tips in ${seedSeconds.toFixed(1)} s`);
  console.log('format  status  count    rows     distinct  complete  export s  file MB  peak RSS growth MB');
  for (const r of results) {
    console.log(
      `${String(r.format).padEnd(7)} ${String(r.status).padEnd(7)} ${String(r.count).padEnd(8)} ${String(r.rows).padEnd(8)} ${String(r.distinct).padEnd(9)} ${String(r.complete).padEnd(9)} ${(r.seconds as number).toFixed(1).padEnd(9)} ${((r.bytes as number) / 2 ** 20).toFixed(1).padEnd(8)} ${(r.peakRssGrowthMb as number).toFixed(0)}`,
    );
  }
  const out = resolve(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'export.json'), `${JSON.stringify({ date: new Date().toISOString(), tips: TIPS, seedSeconds, results }, null, 2)}\n`);
  if (results.some((r) => r.complete !== true)) process.exitCode = 1;
} finally {
  clearInterval(sampler);
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

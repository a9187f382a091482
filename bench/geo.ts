/**
 * Geo classifier benchmark (standalone, no args):
 *  (a) cold import time + heap in fresh processes, median of N runs, interleaved:
 *      the classifier bundled the way Lambda loads it (esbuild with the settings of
 *      infra/bundling.ts, gazetteer included) against an empty bundled module, and
 *      the TypeScript sources (Node's type stripping) against an empty .ts module;
 *      the ≤ 150 ms check applies to the bundle, the sources are informational;
 *  (b) single-core throughput on ~200-character tips.
 * Prints figures and PASS/FAIL lines; writes bench/results/geo.json.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { esbuildOptions } from '#infra/bundling.ts';
import { inFreshProcess } from './lib/fresh.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 15;
const TARGET_IMPORT_MS = 150;
const TARGET_HEAP_MB = 40;
const TARGET_TIPS_PER_S = 5000;

function measure(modulePath: string): { ms: number; heapMb: number } {
  const url = pathToFileURL(modulePath).href;
  const code = `const t=performance.now();await import(${JSON.stringify(url)});const ms=performance.now()-t;` +
    `globalThis.gc?.();console.log(JSON.stringify({ms,heap:process.memoryUsage().heapUsed}))`;
  const o = inFreshProcess<{ ms: number; heap: number }>(code, { what: `import of ${modulePath}`, cwd: root, flags: ['--expose-gc'] });
  return { ms: o.ms, heapMb: o.heap / 1e6 };
}
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

const geoPath = join(root, 'shared/geo/index.ts');
const work = mkdtempSync(join(tmpdir(), 'geo-bench-'));
const emptyPath = join(work, 'empty.ts');
writeFileSync(emptyPath, 'export const empty = true;\n');
const emptyBundleSource = join(work, 'empty-entry.ts');
writeFileSync(emptyBundleSource, 'export const empty = true;\n');
const geoBundle = join(work, 'geo', 'index.mjs');
const emptyBundle = join(work, 'empty', 'index.mjs');
await esbuild.build(esbuildOptions(geoPath, geoBundle));
await esbuild.build(esbuildOptions(emptyBundleSource, emptyBundle));
const geoBundleBytes = readFileSync(geoBundle).length;
const geo: Array<{ ms: number; heapMb: number }> = [];
const base: Array<{ ms: number; heapMb: number }> = [];
const bundled: Array<{ ms: number; heapMb: number }> = [];
const bundledBase: Array<{ ms: number; heapMb: number }> = [];
for (let i = 0; i < RUNS; i++) {
  bundledBase.push(measure(emptyBundle));
  bundled.push(measure(geoBundle));
  base.push(measure(emptyPath));
  geo.push(measure(geoPath));
}
const geoMs = median(geo.map((x) => x.ms));
const baseMs = median(base.map((x) => x.ms));
const geoHeap = median(geo.map((x) => x.heapMb));
const baseHeap = median(base.map((x) => x.heapMb));
const bundleMs = median(bundled.map((x) => x.ms));
const bundleBaseMs = median(bundledBase.map((x) => x.ms));
const bundleHeap = median(bundled.map((x) => x.heapMb));

// (b) throughput
const { classify } = await import('#shared/geo/index.ts');
const dataDir = process.env.TIPLINE_DEV_DATA ?? resolve(root, '../shared/data');
// The dev tips, from ../shared or else their copy in test/fixtures: a clone or a worktree without
// ../shared measures the same tips (three fixed English sentences made such runs incomparable).
const devTips = [join(dataDir, 'geo-tips-dev.jsonl'), join(root, 'test/fixtures/geo-tips-dev.jsonl')].find((f) => existsSync(f))!;
const seeds = readFileSync(devTips, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
const tips: string[] = [];
for (let i = 0; i < 500; i++) {
  let t = '';
  for (let k = 0; t.length < 200; k++) t += (t ? ' ' : '') + seeds[(i * 7 + k * 13) % seeds.length];
  tips.push(t.slice(0, 200));
}
for (const t of tips) classify(t); // warm-up
const t0 = performance.now();
let n = 0;
while (performance.now() - t0 < 3000) {
  classify(tips[n % tips.length]!);
  n++;
}
const tipsPerS = n / ((performance.now() - t0) / 1000);

const results = {
  node: process.version,
  runs: RUNS,
  bundle: { bytes: geoBundleBytes, importMedianMs: +bundleMs.toFixed(1), emptyBundleImportMedianMs: +bundleBaseMs.toFixed(1), heapMedianMb: +bundleHeap.toFixed(1) },
  import: { geoMedianMs: +geoMs.toFixed(1), baselineMedianMs: +baseMs.toFixed(1), netMs: +(geoMs - baseMs).toFixed(1), ratio: +(geoMs / baseMs).toFixed(2) },
  heap: { geoMedianMb: +geoHeap.toFixed(1), baselineMedianMb: +baseHeap.toFixed(1), netMb: +(geoHeap - baseHeap).toFixed(1) },
  throughput: { tipsPerSecond: Math.round(tipsPerS), avgTipChars: Math.round(tips.reduce((a, t) => a + t.length, 0) / tips.length) },
};
console.log(`bundle  geo ${(geoBundleBytes / 1024).toFixed(0)} KB: import ${bundleMs.toFixed(1)} ms (median of ${RUNS}) | empty bundle ${bundleBaseMs.toFixed(1)} ms | heap ${bundleHeap.toFixed(1)} MB`);
console.log(`import  geo ${geoMs.toFixed(1)} ms (median of ${RUNS}) | empty .ts baseline ${baseMs.toFixed(1)} ms | net ${(geoMs - baseMs).toFixed(1)} ms | ratio ${(geoMs / baseMs).toFixed(2)}x`);
console.log(`heap    geo ${geoHeap.toFixed(1)} MB | baseline ${baseHeap.toFixed(1)} MB | net ${(geoHeap - baseHeap).toFixed(1)} MB`);
console.log(`speed   ${Math.round(tipsPerS)} tips/s on one core (~${results.throughput.avgTipChars} chars/tip)`);
const line = (ok: boolean, s: string) => console.log(`${ok ? 'PASS' : 'FAIL'}  ${s}`);
line(bundleMs <= TARGET_IMPORT_MS, `import ≤ ${TARGET_IMPORT_MS} ms (bundled, as Lambda loads it: ${bundleMs.toFixed(1)} ms; the TypeScript sources take ${geoMs.toFixed(1)} ms with Node's type stripping, net ${(geoMs - baseMs).toFixed(1)} ms)`);
line(Math.max(geoHeap, bundleHeap) <= TARGET_HEAP_MB, `heap after import ≤ ${TARGET_HEAP_MB} MB (measured ${bundleHeap.toFixed(1)} MB bundled, ${geoHeap.toFixed(1)} MB from the sources)`);
line(tipsPerS >= TARGET_TIPS_PER_S, `throughput ≥ ${TARGET_TIPS_PER_S} tips/s (measured ${Math.round(tipsPerS)})`);
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/geo.json'), JSON.stringify(results, null, 2) + '\n');

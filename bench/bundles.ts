/**
 * Bundle bench (node bench/bundles.ts [--runs N]):
 *
 *  1. builds every function of shared/resources.ts, and an empty hello-world
 *     handler, with the esbuild settings CDK uses (infra/bundling.ts);
 *  2. reports each bundle's size and, from esbuild's metafile, its top
 *     contributors, the AWS SDK clients and commands it carries and whether
 *     any zod locale besides the default `en` slipped in;
 *  3. imports each bundle in a fresh Node process, N rounds interleaved with
 *     the hello-world bundle, and takes medians of:
 *       - load: ms from process start to the handler module being imported
 *         (Node bootstrap + import: what Lambda's init phase is made of), as a
 *         ratio to hello-world's;
 *       - import: ms spent in `await import(bundle)` alone.
 *
 * Targets: every function but classify ≤ 300 KB and load ≤ 1.5× hello-world;
 * classify ≤ 3 MB and import ≤ 150 ms; no whole SDK, no zod locales.
 * Writes bench/results/bundles.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buckets, functions, queues, tables, type FunctionKey } from '#shared/resources.ts';
import { buildBundle, HELLO_WORLD_SOURCE, ROOT, type BuiltBundle } from './lib/build.ts';
import { kb, machine, median, round, verdict } from './lib/stats.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' }, keep: { type: 'boolean', default: false } } });
const RUNS = Math.max(10, Number(args.runs));

const TARGET = {
  bytes: 300 * 1024,
  loadRatio: 1.5,
  classifyBytes: 3 * 1024 * 1024,
  classifyImportMs: 150,
} as const;

const outDir = mkdtempSync(join(tmpdir(), 'tipline-bundles-'));

// ---- 1. build ----
const helloEntry = join(outDir, 'hello-world.ts');
writeFileSync(helloEntry, HELLO_WORLD_SOURCE);
const hello = await buildBundle('hello-world', helloEntry, outDir);
const built = {} as Record<FunctionKey, BuiltBundle>;
for (const key of Object.keys(functions) as FunctionKey[]) built[key] = await buildBundle(key, functions[key].entry, outDir);

/** Commands of each bundled SDK client, out of all the client offers (a whole-SDK pull shows as all of them). */
function commandCoverage(bundle: BuiltBundle): Record<string, string> {
  const coverage: Record<string, string> = {};
  for (const client of bundle.sdkClients.filter((name) => name.startsWith('@aws-sdk/client-'))) {
    const dir = join(ROOT, 'node_modules', client, 'dist-es', 'commands');
    const all = readdirSync(dir).filter((f) => f.endsWith('Command.js'));
    const used = bundle.files.filter((f) => f.bytes > 0 && f.name.includes(`${client}/dist-es/commands/`) && f.name.endsWith('Command.js'));
    coverage[client] = `${used.length}/${all.length}`;
  }
  return coverage;
}

// ---- 2. import in fresh processes, interleaved ----
/** Handlers read their settings at init; give them harmless values (nothing is called). */
const env: Record<string, string> = {
  ...process.env,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  POWERTOOLS_LOG_LEVEL: 'ERROR',
};
for (const t of Object.values(tables)) env[t.envVar] = `bench-${t.id}`;
for (const q of Object.values(queues)) env[q.envVar] = `https://sqs.us-east-1.amazonaws.com/000000000000/bench-${q.id}`;
for (const b of Object.values(buckets)) env[b.envVar] = `bench-${b.id}`;

interface Sample {
  loadMs: number;
  importMs: number;
}
function load(file: string): Sample {
  const url = pathToFileURL(file).href;
  const code =
    `const t0=performance.now();const m=await import(${JSON.stringify(url)});const t1=performance.now();` +
    `if(typeof m.handler!=='function')throw new Error('no handler');console.log(JSON.stringify({loadMs:t1,importMs:t1-t0}))`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: outDir, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`import of ${file} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Sample;
}

const order: string[] = ['hello-world', ...Object.keys(functions)];
const files: Record<string, string> = { 'hello-world': hello.outfile };
for (const key of Object.keys(functions) as FunctionKey[]) files[key] = built[key].outfile;
const samples: Record<string, Sample[]> = Object.fromEntries(order.map((k) => [k, []]));
load(hello.outfile); // warm the file cache and the node binary
for (let i = 0; i < RUNS; i++) {
  // Rotate the order every round so no bundle always runs right after another.
  for (let j = 0; j < order.length; j++) {
    const key = order[(i + j) % order.length]!;
    samples[key]!.push(load(files[key]!));
  }
}
const helloLoad = median(samples['hello-world']!.map((s) => s.loadMs));
const helloImport = median(samples['hello-world']!.map((s) => s.importMs));

// ---- 3. report ----
interface Row {
  key: string;
  entry: string;
  memoryMb: number | null;
  bytes: number;
  loadMedianMs: number;
  importMedianMs: number;
  loadRatio: number;
  netImportMs: number;
  zodLocales: string[];
  sdkClients: string[];
  sdkCommands: Record<string, string>;
  top: { name: string; bytes: number }[];
  targets: { bytes: number; sizeOk: boolean; timeOk: boolean; timeRule: string; noWholeSdk: boolean; noZodLocales: boolean };
}
const rows: Row[] = [];
for (const key of Object.keys(functions) as FunctionKey[]) {
  const b = built[key];
  const loadMs = median(samples[key]!.map((s) => s.loadMs));
  const importMs = median(samples[key]!.map((s) => s.importMs));
  const isClassify = key === 'classify';
  const commands = commandCoverage(b);
  const noWholeSdk =
    !b.sdkPackages.includes('aws-sdk') &&
    Object.values(commands).every((c) => {
      const [used, all] = c.split('/').map(Number) as [number, number];
      return used < all / 2;
    });
  const onlyEn = b.zodLocales.every((l) => l === 'en');
  rows.push({
    key,
    entry: b.entry,
    memoryMb: functions[key].memoryMb,
    bytes: b.bytes,
    loadMedianMs: round(loadMs),
    importMedianMs: round(importMs),
    loadRatio: round(loadMs / helloLoad, 2),
    netImportMs: round(importMs - helloImport),
    zodLocales: b.zodLocales,
    sdkClients: b.sdkClients,
    sdkCommands: commands,
    top: b.packages.slice(0, 10),
    targets: {
      bytes: isClassify ? TARGET.classifyBytes : TARGET.bytes,
      sizeOk: b.bytes <= (isClassify ? TARGET.classifyBytes : TARGET.bytes),
      timeOk: isClassify ? importMs <= TARGET.classifyImportMs : loadMs / helloLoad <= TARGET.loadRatio,
      timeRule: isClassify ? `import ≤ ${TARGET.classifyImportMs} ms` : `load ≤ ${TARGET.loadRatio}× hello-world`,
      noWholeSdk,
      noZodLocales: onlyEn,
    },
  });
}

const m = machine();
console.log(`bundles: esbuild settings of infra/bundling.ts; ${RUNS} interleaved fresh-process imports each (node ${m.node}, ${m.nproc} × ${m.cpuModel})`);
console.log(`  hello-world: ${hello.bytes} B, load ${helloLoad.toFixed(1)} ms from process start, import ${helloImport.toFixed(1)} ms\n`);
console.log('  function       size      load ms  ×hello  import ms  net ms  SDK commands bundled');
for (const r of rows) {
  const cmds = Object.entries(r.sdkCommands).map(([c, n]) => `${c.replace('@aws-sdk/client-', '')} ${n}`).join(', ');
  console.log(
    `  ${r.key.padEnd(13)} ${kb(r.bytes).padStart(8)}  ${r.loadMedianMs.toFixed(1).padStart(7)}  ${r.loadRatio.toFixed(2).padStart(6)}  ${r.importMedianMs
      .toFixed(1)
      .padStart(9)}  ${r.netImportMs.toFixed(1).padStart(6)}  ${cmds}`,
  );
}
console.log('\n  top contributors (metafile, bytes in output):');
for (const r of rows) console.log(`  ${r.key.padEnd(13)} ${r.top.slice(0, 6).map((p) => `${p.name} ${kb(p.bytes)}`).join(' · ')}`);
console.log('');
for (const r of rows) {
  console.log(`${verdict(r.targets.sizeOk)}  ${r.key}: size ${kb(r.bytes)} ≤ ${kb(r.targets.bytes)}`);
  console.log(
    `${verdict(r.targets.timeOk)}  ${r.key}: ${r.targets.timeRule} (load ${r.loadMedianMs} ms = ${r.loadRatio}× hello-world ${round(helloLoad)} ms; import ${r.importMedianMs} ms)`,
  );
  console.log(
    `${verdict(r.targets.noWholeSdk && r.targets.noZodLocales)}  ${r.key}: no whole SDK (${Object.entries(r.sdkCommands).map(([c, n]) => `${c} ${n} commands`).join(', ') || 'no SDK client'}), zod locales: ${r.zodLocales.join(', ') || 'none'}`,
  );
}

const result = {
  generatedAt: new Date().toISOString(),
  machine: m,
  runs: RUNS,
  bundling: 'infra/bundling.ts (esbuild, esm, node24, minify, mainFields module,main, nothing external)',
  helloWorld: { bytes: hello.bytes, loadMedianMs: round(helloLoad), importMedianMs: round(helloImport) },
  functions: rows,
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/bundles.json'), JSON.stringify(result, null, 2) + '\n');
console.log('\nwrote bench/results/bundles.json' + (args.keep ? ` (bundles and metafiles kept in ${outDir})` : ''));
if (!args.keep) rmSync(outDir, { recursive: true, force: true });

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
 *       - import: ms spent in `await import(bundle)` alone;
 *     and the same again, in the same interleaved rounds, in processes that
 *     first `await import('node:http')` ("Lambda-like"): Lambda's runtime
 *     interface client loads `http` before it imports the handler
 *     (`this.http = httpClient || require('http')` in its RAPIDClient), so
 *     in Lambda that cost is not part of the handler's init. Hello-world is
 *     measured both ways, and each function gets a second ratio against the
 *     Lambda-like hello-world. The target is checked on the first ratio only.
 *  4. once, the ms each Node built-in the bundles import costs in a fresh
 *     process (`await import()` of that built-in alone, median of ⌈N/2⌉
 *     rounds, and again after `node:http`), and each bundle's static
 *     built-ins imported together, to tell how much of a bundle's import is
 *     Node's and how much its own code.
 *
 * Targets: every function but classify ≤ 300 KB and load ≤ 1.5× hello-world;
 * classify ≤ 3 MB and import ≤ 150 ms; no whole SDK, no zod locales.
 * Writes bench/results/bundles.json.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { buckets, functions, queues, tables, type FunctionDef, type FunctionKey } from '#shared/resources.ts';
import { buildBundle, HELLO_WORLD_SOURCE, ROOT, type BuiltBundle } from './lib/build.ts';
import { inFreshProcess } from './lib/fresh.ts';
import { kb, machine, median, round, verdict } from './lib/stats.ts';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '15' }, keep: { type: 'boolean', default: false } } });
const RUNS = Math.max(10, Number(args.runs));
/** Built-in costs (step 4 above) are small and steady: fewer rounds keep the bench's wall time down. */
const BUILTIN_RUNS = Math.max(5, Math.ceil(RUNS / 2));

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
for (const key of Object.keys(functions) as FunctionKey[]) built[key] = await buildBundle(key, functions[key].entry, outDir, (functions[key] as FunctionDef).nodeModules ?? []);

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
  // Secrets the handlers require at init (Secrets Manager on AWS): any value will do, nothing is signed.
  ATTACHMENT_KEY_SECRET: 'bench-attachment-key-secret',
  RECEIPT_KEY_SECRET: 'bench-receipt-key-secret',
  POW_SECRET: 'bench-pow-secret',
};
for (const t of Object.values(tables)) env[t.envVar] = `bench-${t.id}`;
for (const q of Object.values(queues)) env[q.envVar] = `https://sqs.us-east-1.amazonaws.com/000000000000/bench-${q.id}`;
for (const b of Object.values(buckets)) env[b.envVar] = `bench-${b.id}`;

interface Sample {
  loadMs: number;
  importMs: number;
}
/** Lambda's runtime interface client has `http` loaded before it imports the handler. */
const PRELOAD_HTTP = "await import('node:http');";

const fresh = <T>(code: string, what: string): T => inFreshProcess<T>(code, { what, cwd: outDir, env });

/** Imports `file` in a fresh process; `lambdaLike`: after `node:http`, as in Lambda. Times are from process start either way. */
function load(file: string, lambdaLike: boolean): Sample {
  const url = pathToFileURL(file).href;
  const code =
    (lambdaLike ? PRELOAD_HTTP : '') +
    `const t0=performance.now();const m=await import(${JSON.stringify(url)});const t1=performance.now();` +
    `if(typeof m.handler!=='function')throw new Error('no handler');console.log(JSON.stringify({loadMs:t1,importMs:t1-t0}))`;
  return fresh<Sample>(code, `import of ${file}${lambdaLike ? ' (after node:http)' : ''}`);
}

/** ms of importing `modules` (Node built-ins) together in a fresh process, optionally after `node:http`. */
function importCost(modules: readonly string[], afterHttp: boolean): number {
  const code =
    (afterHttp ? PRELOAD_HTTP : '') +
    `const t0=performance.now();await Promise.all(${JSON.stringify(modules)}.map((m)=>import(m)));console.log(performance.now()-t0)`;
  return fresh<number>(code, `import of ${modules.join(', ')}`);
}

/** A bundle under one condition: `key` plain, `key@http` Lambda-like. */
const LAMBDA_LIKE = '@http';
const bundleKeys: string[] = ['hello-world', ...Object.keys(functions)];
const order: string[] = bundleKeys.flatMap((k) => [k, k + LAMBDA_LIKE]);
const files: Record<string, string> = { 'hello-world': hello.outfile };
for (const key of Object.keys(functions) as FunctionKey[]) files[key] = built[key].outfile;
const samples: Record<string, Sample[]> = Object.fromEntries(order.map((k) => [k, []]));
load(hello.outfile, false); // warm the file cache and the node binary
load(hello.outfile, true);
for (let i = 0; i < RUNS; i++) {
  // Rotate the order every round so no bundle always runs right after another.
  for (let j = 0; j < order.length; j++) {
    const key = order[(i + j) % order.length]!;
    const lambdaLike = key.endsWith(LAMBDA_LIKE);
    samples[key]!.push(load(files[lambdaLike ? key.slice(0, -LAMBDA_LIKE.length) : key]!, lambdaLike));
  }
}
const medianOf = (key: string, field: keyof Sample): number => median(samples[key]!.map((s) => s[field]));
const helloLoad = medianOf('hello-world', 'loadMs');
const helloImport = medianOf('hello-world', 'importMs');
const helloLoadLambda = medianOf('hello-world' + LAMBDA_LIKE, 'loadMs');
const helloImportLambda = medianOf('hello-world' + LAMBDA_LIKE, 'importMs');

// ---- 3. Node built-ins, once: each alone, and each bundle's static set together ----
const builtinUsers = new Map<string, { dynamic: boolean; users: string[] }>();
for (const b of [hello, ...Object.values(built)]) {
  for (const { name, dynamic } of b.builtins) {
    const entry = builtinUsers.get(name) ?? { dynamic: true, users: [] };
    entry.dynamic &&= dynamic;
    entry.users.push(b.key);
    builtinUsers.set(name, entry);
  }
}
const staticSet = (b: BuiltBundle): string[] => b.builtins.filter((x) => !x.dynamic).map((x) => x.name);
/** Measurement jobs: one per built-in, one per bundle's static set; each plain and after node:http. */
const costJobs: { id: string; modules: string[] }[] = [
  ...[...builtinUsers.keys()].sort().map((name) => ({ id: name, modules: [name] })),
  ...[hello, ...Object.values(built)].map((b) => ({ id: `set:${b.key}`, modules: staticSet(b) })),
];
const costSamples = new Map<string, { plain: number[]; afterHttp: number[] }>(costJobs.map((j) => [j.id, { plain: [], afterHttp: [] }]));
for (let i = 0; i < BUILTIN_RUNS; i++) {
  for (let j = 0; j < costJobs.length; j++) {
    const job = costJobs[(i + j) % costJobs.length]!;
    costSamples.get(job.id)!.plain.push(importCost(job.modules, false));
    costSamples.get(job.id)!.afterHttp.push(importCost(job.modules, true));
  }
}
const costOf = (id: string): { ms: number; msAfterHttp: number } => {
  const c = costSamples.get(id)!;
  return { ms: round(median(c.plain), 2), msAfterHttp: round(median(c.afterHttp), 2) };
};
const builtinRows = [...builtinUsers]
  .map(([name, { dynamic, users }]) => ({
    name,
    importedBy: users.length === bundleKeys.length ? ['all'] : users,
    dynamicOnly: dynamic,
    ...costOf(name),
  }))
  .sort((a, b) => b.ms - a.ms);

// ---- 4. report ----
interface Row {
  key: string;
  entry: string;
  memoryMb: number | null;
  bytes: number;
  loadMedianMs: number;
  importMedianMs: number;
  loadRatio: number;
  netImportMs: number;
  /** The same bundle, loaded after `node:http` (as in Lambda), against hello-world loaded the same way. Not the target. */
  lambdaLike: { loadMedianMs: number; importMedianMs: number; loadRatio: number; netImportMs: number; withinLoadRatio: boolean };
  /** The bundle's static Node built-ins imported together in a fresh process, and after `node:http`. */
  builtins: { static: string[]; dynamicOnly: string[]; ms: number; msAfterHttp: number };
  zodLocales: string[];
  sdkClients: string[];
  sdkCommands: Record<string, string>;
  top: { name: string; bytes: number }[];
  targets: { bytes: number; sizeOk: boolean; timeOk: boolean; timeRule: string; noWholeSdk: boolean; noZodLocales: boolean };
}
const rows: Row[] = [];
for (const key of Object.keys(functions) as FunctionKey[]) {
  const b = built[key];
  const loadMs = medianOf(key, 'loadMs');
  const importMs = medianOf(key, 'importMs');
  const loadMsLambda = medianOf(key + LAMBDA_LIKE, 'loadMs');
  const importMsLambda = medianOf(key + LAMBDA_LIKE, 'importMs');
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
    lambdaLike: {
      loadMedianMs: round(loadMsLambda),
      importMedianMs: round(importMsLambda),
      loadRatio: round(loadMsLambda / helloLoadLambda, 2),
      netImportMs: round(importMsLambda - helloImportLambda),
      withinLoadRatio: loadMsLambda / helloLoadLambda <= TARGET.loadRatio,
    },
    builtins: {
      static: staticSet(b),
      dynamicOnly: b.builtins.filter((x) => x.dynamic).map((x) => x.name),
      ...costOf(`set:${key}`),
    },
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
const helloBuiltins = costOf('set:hello-world');
console.log(`bundles: esbuild settings of infra/bundling.ts; ${RUNS} interleaved fresh-process imports each (node ${m.node}, ${m.nproc} × ${m.cpuModel})`);
console.log(`  hello-world: ${hello.bytes} B, load ${helloLoad.toFixed(1)} ms from process start, import ${helloImport.toFixed(1)} ms`);
console.log(
  `  hello-world, Lambda-like (node:http loaded first, as Lambda's runtime client does): load ${helloLoadLambda.toFixed(1)} ms from process start, import ${helloImportLambda.toFixed(1)} ms\n`,
);
console.log('  function       size      load ms  ×hello  import ms  net ms  SDK commands bundled');
for (const r of rows) {
  const cmds = Object.entries(r.sdkCommands).map(([c, n]) => `${c.replace('@aws-sdk/client-', '')} ${n}`).join(', ');
  console.log(
    `  ${r.key.padEnd(13)} ${kb(r.bytes).padStart(8)}  ${r.loadMedianMs.toFixed(1).padStart(7)}  ${r.loadRatio.toFixed(2).padStart(6)}  ${r.importMedianMs
      .toFixed(1)
      .padStart(9)}  ${r.netImportMs.toFixed(1).padStart(6)}  ${cmds}`,
  );
}
console.log(`\n  Lambda-like (node:http loaded before the handler; ratio to hello-world loaded the same way, ${round(helloLoadLambda)} ms; informational, not the target):`);
console.log('  function       load ms  ×hello  import ms  net ms  built-ins ms  (after http)');
for (const r of rows) {
  console.log(
    `  ${r.key.padEnd(13)} ${r.lambdaLike.loadMedianMs.toFixed(1).padStart(7)}  ${r.lambdaLike.loadRatio.toFixed(2).padStart(6)}  ${r.lambdaLike.importMedianMs
      .toFixed(1)
      .padStart(9)}  ${r.lambdaLike.netImportMs.toFixed(1).padStart(6)}  ${r.builtins.ms.toFixed(1).padStart(12)}  ${r.builtins.msAfterHttp.toFixed(1).padStart(12)}`,
  );
}
console.log(`  (hello-world's own built-in, ${staticSet(hello).join(', ')}: ${helloBuiltins.ms} ms, ${helloBuiltins.msAfterHttp} ms after http)`);
console.log(`\n  Node built-ins the bundles import, each alone in a fresh process (median of ${BUILTIN_RUNS}, ms of await import()):`);
console.log('  built-in               ms  after http  imported by');
for (const b of builtinRows) {
  console.log(
    `  ${b.name.padEnd(20)} ${b.ms.toFixed(2).padStart(5)}  ${b.msAfterHttp.toFixed(2).padStart(10)}  ${b.importedBy.join(', ')}${b.dynamicOnly ? ' (import() only: not loaded at init)' : ''}`,
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
    `info  ${r.key}: Lambda-like load ${r.lambdaLike.loadMedianMs} ms = ${r.lambdaLike.loadRatio}× hello-world ${round(helloLoadLambda)} ms, both after node:http (${r.lambdaLike.withinLoadRatio ? 'within' : 'over'} ${TARGET.loadRatio}×; import ${r.lambdaLike.importMedianMs} ms)`,
  );
  console.log(
    `${verdict(r.targets.noWholeSdk && r.targets.noZodLocales)}  ${r.key}: no whole SDK (${Object.entries(r.sdkCommands).map(([c, n]) => `${c} ${n} commands`).join(', ') || 'no SDK client'}), zod locales: ${r.zodLocales.join(', ') || 'none'}`,
  );
}

const result = {
  generatedAt: new Date().toISOString(),
  machine: m,
  runs: RUNS,
  builtinRuns: BUILTIN_RUNS,
  bundling: 'infra/bundling.ts (esbuild, esm, node24, minify, mainFields module,main, nothing external)',
  helloWorld: {
    bytes: hello.bytes,
    loadMedianMs: round(helloLoad),
    importMedianMs: round(helloImport),
    lambdaLike: { loadMedianMs: round(helloLoadLambda), importMedianMs: round(helloImportLambda) },
    builtins: { static: staticSet(hello), ...helloBuiltins },
  },
  lambdaLike:
    "Second baseline: every bundle, hello-world included, imported in a process that first ran `await import('node:http')`, " +
    "as Lambda's runtime interface client loads http before it imports the handler; same runs, interleaved, medians. " +
    'Informational: the load-ratio target is checked against the plain hello-world.',
  builtins: {
    method:
      'Each Node built-in the bundles import (metafile output imports with external: true, plus the banner), imported alone in a fresh process: ' +
      `ms of await import(), median of ${BUILTIN_RUNS}; msAfterHttp: the same after await import('node:http'). ` +
      "Costs overlap (https loads net, tls, crypto and http's internals), so they do not add up; " +
      "functions[].builtins is each bundle's static set imported together.",
    perBuiltin: builtinRows,
  },
  functions: rows,
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/bundles.json'), JSON.stringify(result, null, 2) + '\n');
console.log('\nwrote bench/results/bundles.json' + (args.keep ? ` (bundles and metafiles kept in ${outDir})` : ''));
if (!args.keep) rmSync(outDir, { recursive: true, force: true });

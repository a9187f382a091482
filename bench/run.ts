/**
 * npm run bench: every bench in its own child process, one after another,
 * then a summary of bench/results/*.json against the targets.
 *
 *   node bench/run.ts [--only bundles,cost] [--quick]
 *
 * --quick: fewer import rounds and tips (a smoke run, not figures to quote).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machine } from './lib/stats.ts';

const { values: args } = parseArgs({ options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } } });
const here = import.meta.dirname;

const BENCHES: { name: string; file: string; args: string[]; quickArgs: string[] }[] = [
  { name: 'bundles', file: 'bundles.ts', args: ['--runs', '15'], quickArgs: ['--runs', '10'] },
  { name: 'throughput', file: 'lib/throughput.ts', args: [], quickArgs: [] },
  { name: 'geo', file: 'geo.ts', args: [], quickArgs: [] },
  { name: 'dedupe', file: 'dedupe.ts', args: [], quickArgs: [] },
  { name: 'queue-page', file: 'queue-page.ts', args: [], quickArgs: ['--sizes', '1000,10000', '--runs', '5'] },
  { name: 'cost', file: 'cost.ts', args: ['--tips', '1000', '--trickle', '20'], quickArgs: ['--tips', '200', '--trickle', '5'] },
  // The object summary at 1k, 10k and 100k tips in one object (seeding 100k takes a few minutes).
  { name: 'summary', file: 'summary.ts', args: [], quickArgs: ['--sizes', '1000,10000', '--calls', '10'] },
];
const only = args.only === undefined ? null : new Set(args.only.split(','));

const timings: Record<string, { seconds: number; ok: boolean }> = {};
for (const bench of BENCHES) {
  if (only !== null && !only.has(bench.name)) continue;
  console.log(`\n━━ ${bench.name} (node bench/${bench.file} ${(args.quick ? bench.quickArgs : bench.args).join(' ')})`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(here, bench.file), ...(args.quick ? bench.quickArgs : bench.args)], { stdio: 'inherit', cwd: join(here, '..') });
  timings[bench.name] = { seconds: Number(((performance.now() - t0) / 1000).toFixed(1)), ok: r.status === 0 };
  if (r.status !== 0) console.log(`!! ${bench.name} exited with ${r.status ?? r.signal}`);
}

// ---- summary ----
const read = <T>(name: string): T | null => {
  const path = join(here, 'results', `${name}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
};
interface BundleRow {
  key: string;
  bytes: number;
  loadMedianMs: number;
  loadRatio: number;
  importMedianMs: number;
  lambdaLike?: { loadMedianMs: number; importMedianMs: number; loadRatio: number };
  builtins?: { ms: number; msAfterHttp: number };
  zodLocales: string[];
  sdkCommands: Record<string, string>;
  targets: { sizeOk: boolean; timeOk: boolean; timeRule: string; noWholeSdk: boolean; noZodLocales: boolean };
}
const bundles = read<{
  helloWorld: { loadMedianMs: number; importMedianMs: number; lambdaLike?: { loadMedianMs: number; importMedianMs: number } };
  builtins?: { perBuiltin: { name: string; ms: number; msAfterHttp: number; dynamicOnly: boolean }[] };
  functions: BundleRow[];
}>('bundles');
const throughput = read<{ tipsPerSecond: { validate: number; dedupeEngine: number; classify: number } }>('throughput');
const geo = read<{ throughput: { tipsPerSecond: number } }>('geo');
const dedupe = read<{ throughput: { engineInMemoryTipsPerSec: number } }>('dedupe');
interface Scenario {
  pipelinePerMillion: number;
  costPerMillion: Record<string, number>;
}
const cost = read<{
  prices: { date: string };
  burst: Scenario;
  trickle: Scenario;
  edge: { restApiPerMillion: number; wafRequestsPerMillion: number; httpApiAlternativePerMillion: number; wafFixedPerMonth: number };
  fixedPerMonth: Record<string, number>;
  outsideTarget: { cloudWatchLogsPerMillion: number; xrayPerMillionIfAllSampled: number };
}>('cost');

const objectSummary = read<{
  rows: { tips: number; medianMs: number; p95Ms: number; readUnitsPerCall: number; requestsPerCall: Record<string, number> }[];
  ratios: { tips: number; latency: number; readUnits: number }[];
  targetRatio: number;
  flat: boolean;
}>('object-summary');
const queuePage = read<{ rows: { tips: number; page: string; medianMs: number; readUnits: number }[]; worstRatio: number }>('queue-page');

const m = machine();
const lines: string[] = [];
const say = (s = ''): void => {
  lines.push(s);
};
say(`machine: nproc ${m.nproc}, CPU ${m.cpuModel}, node ${m.node}, ${m.platform}`);
say('');
if (bundles !== null) {
  const lambdaHello = bundles.helloWorld.lambdaLike;
  const lambdaHead = lambdaHello === undefined ? '' : ` Lambda-like load (× hello-world ${lambdaHello.loadMedianMs} ms) | Lambda-like import | Built-ins (after http) |`;
  say(`| Function | Bundle | Load (× hello-world ${bundles.helloWorld.loadMedianMs} ms) | Import |${lambdaHead} Target | |`);
  say(`|---|---:|---:|---:|${lambdaHello === undefined ? '' : '---:|---:|---:|'}---|---|`);
  for (const f of bundles.functions) {
    const ok = f.targets.sizeOk && f.targets.timeOk && f.targets.noWholeSdk && f.targets.noZodLocales;
    const lambdaCells =
      lambdaHello === undefined || f.lambdaLike === undefined
        ? ''
        : ` ${f.lambdaLike.loadMedianMs} ms (${f.lambdaLike.loadRatio}×) | ${f.lambdaLike.importMedianMs} ms | ${f.builtins === undefined ? '' : `${f.builtins.ms.toFixed(1)} ms (${f.builtins.msAfterHttp.toFixed(1)} ms)`} |`;
    say(
      `| ${f.key} | ${(f.bytes / 1024).toFixed(0)} KB | ${f.loadMedianMs} ms (${f.loadRatio}×) | ${f.importMedianMs} ms |${lambdaCells} ${f.key === 'classify' ? '≤ 3 MB, import ≤ 150 ms' : '≤ 300 KB, ≤ 1.5×'} | ${ok ? 'PASS' : `FAIL (${[!f.targets.sizeOk && 'size', !f.targets.timeOk && 'time', !f.targets.noWholeSdk && 'SDK', !f.targets.noZodLocales && 'locales'].filter(Boolean).join(', ')})`} |`,
    );
  }
  if (lambdaHello !== undefined) {
    say('');
    say(
      `Lambda-like: every bundle, hello-world included, imported after \`await import('node:http')\` (Lambda's runtime client loads http before the handler; hello-world ${bundles.helloWorld.loadMedianMs} → ${lambdaHello.loadMedianMs} ms); informational, the target uses the plain ratio. Built-ins: the bundle's static Node built-ins imported together in a fresh process (after node:http).`,
    );
  }
  if (bundles.builtins !== undefined) {
    say(
      `Node built-ins, each alone in a fresh process, ms (after node:http): ${bundles.builtins.perBuiltin
        .filter((b) => b.ms >= 1)
        .map((b) => `${b.name} ${b.ms.toFixed(1)} (${b.msAfterHttp.toFixed(1)})${b.dynamicOnly ? ' [import() only]' : ''}`)
        .join(', ')}; the rest < 1 ms each.`,
    );
  }
  say('');
}
if (throughput !== null) {
  const t = throughput.tipsPerSecond;
  say(`throughput, one core: validate ${t.validate.toLocaleString('en')} tips/s · dedupe engine ${t.dedupeEngine.toLocaleString('en')} tips/s · classify ${t.classify.toLocaleString('en')} tips/s`);
}
if (geo !== null) say(`  (bench/geo.ts classify ${geo.throughput.tipsPerSecond.toLocaleString('en')} tips/s on ~200-char tips)`);
if (dedupe !== null) say(`  (bench/dedupe.ts engine ${dedupe.throughput.engineInMemoryTipsPerSec.toLocaleString('en')} tips/s on its flood)`);
if (cost !== null) {
  say('');
  say(`cost per million tips (us-east-1 list prices as of ${cost.prices.date}):`);
  say('| Scenario | Lambda req | Lambda GB-s | SQS | DynamoDB W | DynamoDB R | S3 | Pipeline | Target ≤ $1.50 |');
  say('|---|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const [name, s] of [['burst (batches ~10)', cost.burst], ['trickle (batches of 1)', cost.trickle]] as const) {
    const c = s.costPerMillion;
    const f = (x: number | undefined): string => `$${(x ?? 0).toFixed(2)}`;
    say(
      `| ${name} | ${f(c.lambdaRequests)} | ${f(c.lambdaCompute)} | ${f(c.sqs)} | ${f(c.dynamoWrites)} | ${f(c.dynamoReads)} | ${f(c.s3)} | **${f(s.pipelinePerMillion)}** | ${s.pipelinePerMillion <= 1.5 ? 'PASS' : 'FAIL'} |`,
    );
  }
  say(
    `edge: REST API $${cost.edge.restApiPerMillion.toFixed(2)} + WAF $${cost.edge.wafRequestsPerMillion.toFixed(2)} per million tips (+ $${cost.edge.wafFixedPerMonth}/month); HTTP API + CloudFront + WAF would be $${cost.edge.httpApiAlternativePerMillion.toFixed(2)}`,
  );
  say(
    `fixed per month: ${Object.entries(cost.fixedPerMonth)
      .filter(([k]) => k !== 'kmsRequests')
      .map(([k, v]) => `${k} $${v}`)
      .join(', ')}; outside the target: CloudWatch Logs ~$${cost.outsideTarget.cloudWatchLogsPerMillion}/M, X-Ray up to $${cost.outsideTarget.xrayPerMillionIfAllSampled}/M`,
  );
}
if (objectSummary !== null) {
  say('');
  say(`object summary (GET /investigator/objects/{objectId}/summary, one object): ${objectSummary.rows
    .map((row, index) => `${row.tips.toLocaleString('en')} tips ${row.medianMs} ms median, ${row.readUnitsPerCall} read units (×${objectSummary.ratios[index]!.latency} / ×${objectSummary.ratios[index]!.readUnits})`)
    .join(' · ')}; flat within ${objectSummary.targetRatio}×: ${objectSummary.flat ? 'PASS' : 'FAIL'}`);
}
if (queuePage !== null) {
  say('');
  say(
    `queue pages of 25 (status=, objectId=, unfiltered): ${queuePage.rows.map((r) => `${r.tips} tips ${r.page} ${r.medianMs} ms / ${r.readUnits} RU`).join('; ')}; largest ratio to the smallest size ${queuePage.worstRatio}× (target ≤ 2×: ${queuePage.worstRatio <= 2 ? 'PASS' : 'FAIL'})`,
  );
}
say('');
say(`bench wall time: ${Object.entries(timings).map(([k, t]) => `${k} ${t.seconds} s${t.ok ? '' : ' (FAILED)'}`).join(', ')}`);

console.log('\n━━ summary');
console.log(lines.join('\n'));
writeFileSync(join(here, 'results', 'summary.md'), lines.join('\n') + '\n');
process.exit(Object.values(timings).every((t) => t.ok) ? 0 : 1);

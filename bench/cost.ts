/**
 * Cost model (node bench/cost.ts [--tips 1000] [--trickle 20] [--photos 20] [--photo-side 2000]):
 *
 * Runs the whole local pipeline (startLocalStack: the same handler modules
 * Lambda runs, dynalite, fauxqs, pollers with Lambda's batching) and sends
 * tips through POST /tips with a realistic duplicate mix, then counts what
 * each tip costs behind the API edge:
 *   - Lambda: invocations and GB-seconds (measured handler durations, each
 *     rounded up to 1 ms, × the memory of shared/resources.ts);
 *   - SQS: sends, non-empty receives and deletes, 64 KB chunks (counted);
 *   - DynamoDB: read/write units per table and per GSI (bench/lib/capacity.ts);
 *   - S3 requests (counted), KMS requests (estimated from the documented
 *     data-key reuse: fixed per month, not per tip).
 * Two traffic shapes: a burst (tips arrive faster than the batching window,
 * so consumers get full batches of 10) and a trickle (one tip at a time, so
 * every batch holds one message: the worst case per tip).
 * A third run sends tips one at a time, each with one JPEG photo (EXIF GPS, capture time,
 * make; `--photo-side` pixels wide, 4:3, noise so it compresses like a photo, not a flat test
 * card) through the form's path: a presigned-upload grant, the upload, the tip. It measures the
 * attachment processing (sniff, the sharp clean copy, the EXIF read, the perceptual hash, the
 * viewing copy's write) per tip, and its ratio to the text-only trickle of the same run.
 * Prints cost per million tips with the dated list prices below and writes
 * bench/results/cost.json. The edge (API Gateway, WAF, CloudFront) is
 * reported separately.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Context } from 'aws-lambda';
import sharp from 'sharp';
import { functions, queues, tables, type FunctionKey, type TableDef } from '#shared/resources.ts';
import { EVASIONS, claim, rng } from '../test/unit/dedupe/synth.ts';
import { meterDynamo, meterSqsAndS3, newMeter, type Meter } from './lib/capacity.ts';
import { PRICES, PRICE_DATE, PRICE_NOTE } from './lib/prices.ts';
import { machine, median, round } from './lib/stats.ts';

const { values: args } = parseArgs({
  options: { tips: { type: 'string', default: '1000' }, trickle: { type: 'string', default: '20' }, photos: { type: 'string', default: '20' }, 'photo-side': { type: 'string', default: '2000' } },
});
const BURST_TIPS = Number(args.tips);
const TRICKLE_TIPS = Number(args.trickle);
const PHOTO_TIPS = Number(args.photos);
const PHOTO_SIDE = Number(args['photo-side']);
const TARGET_PIPELINE_PER_MILLION = 1.5;

// ---- log volume: what CloudWatch Logs would ingest (handlers log at INFO, as deployed) ----
process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
process.env.LOG_LEVEL = 'INFO';
let logBytes = 0;
let logLines = 0;
const realWrite = process.stdout.write.bind(process.stdout);
const quiet = (chunk: string | Uint8Array): boolean => {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.includes('"service":"local"')) continue;
    logBytes += Buffer.byteLength(line) + 1;
    logLines += 1;
  }
  return true;
};
let capturing = false;
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) =>
  capturing ? quiet(chunk) : realWrite(chunk as string, ...(rest as []))) as typeof process.stdout.write;
const out = (s = ''): void => void realWrite(`${s}\n`);

// ---- the stack ----
const dataDir = mkdtempSync(join(tmpdir(), 'tipline-cost-'));
const { startLocalStack } = await import('#local/stack.ts');
const { dynamo } = await import('#shared/store/clients/dynamo.ts');
capturing = true;
const stack = await startLocalStack({ dataDir, persist: false, port: 0, seed: true, startPollers: false, rateLimitPerMinute: 0 });

const tableDefs = new Map<string, TableDef>();
for (const def of Object.values(tables) as TableDef[]) tableDefs.set(stack.env[def.envVar]!, def);
const classifyQueueUrl = stack.resources.queueUrls.classify.url;

// Time every invocation: wrap the handlers, then let fresh pollers pick the wrappers up.
interface Invocation {
  fn: FunctionKey;
  ms: number;
  records: number;
}
const invocations: Invocation[] = [];
let recordsDone = Object.fromEntries(Object.keys(functions).map((key) => [key, 0])) as Record<FunctionKey, number>;
for (const key of Object.keys(functions) as FunctionKey[]) {
  const inner = stack.handlers[key];
  stack.handlers[key] = async (event: unknown, context: Context) => {
    const t0 = performance.now();
    try {
      return await inner(event, context);
    } finally {
      const records = (event as { Records?: unknown[] }).Records?.length ?? 1;
      invocations.push({ fn: key, ms: performance.now() - t0, records });
      recordsDone[key] += records;
    }
  };
}
await stack.stopPollers();

const meter: Meter = newMeter();
const undoDynamo = meterDynamo(meter, dynamo, tableDefs, stack.env.AWS_ENDPOINT_URL_DYNAMODB!);
const undoSqs = meterSqsAndS3(meter);
stack.startPollers();

// ---- tips: a realistic mix of new claims, verbatim repeats and evasive resubmissions ----
const OBJECTS = ['obj-towel', 'obj-bag', 'obj-wallpaper'];
const evasions = Object.values(EVASIONS);
function makeTips(n: number, seed: number): { objectId: string; text: string; kind: 'new' | 'repeat' | 'evasion' }[] {
  const r = rng(seed);
  const said: { objectId: string; text: string }[] = [];
  const tips: { objectId: string; text: string; kind: 'new' | 'repeat' | 'evasion' }[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    if (said.length === 0 || x < 0.5) {
      const objectId = OBJECTS[Math.floor(r() * OBJECTS.length)]!;
      const text = claim(r).text;
      said.push({ objectId, text });
      tips.push({ objectId, text, kind: 'new' });
    } else {
      const earlier = said[Math.floor(r() * said.length)]!;
      if (x < 0.8) tips.push({ ...earlier, kind: 'repeat' });
      else tips.push({ objectId: earlier.objectId, text: evasions[Math.floor(r() * evasions.length)]!(earlier.text, r), kind: 'evasion' });
    }
  }
  return tips;
}

let accepted = 0;
let rejected = 0;
async function post(tip: { objectId: string; text: string; attachmentKeys?: string[] }, i: number): Promise<void> {
  const response = await fetch(`${stack.url}/tips`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${Date.now()}-${i}` },
    body: JSON.stringify({ objectId: tip.objectId, text: tip.text, ...(tip.attachmentKeys === undefined ? {} : { attachmentKeys: tip.attachmentKeys }) }),
  });
  await response.arrayBuffer();
  if (response.status === 202) accepted += 1;
  else rejected += 1;
}

/** A phone-like JPEG: noise (compresses like a photo), EXIF GPS in Lisbon, capture time and make. Different per seed. */
async function photo(seed: number): Promise<Buffer> {
  const width = PHOTO_SIDE;
  const height = Math.round((PHOTO_SIDE * 3) / 4);
  return sharp({ create: { width, height, channels: 3, background: { r: (seed * 37) % 255, g: 120, b: 200 }, noise: { type: 'gaussian', mean: 120 + (seed % 40), sigma: 40 } } })
    .jpeg({ quality: 85 })
    .withExif({
      IFD0: { Make: 'BenchCam', DateTime: '2026:05:01 10:11:12' },
      IFD2: { DateTimeOriginal: '2026:05:01 10:11:12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 43/1 2028/100', GPSLongitudeRef: 'W', GPSLongitude: '9/1 8/1 2148/100' },
    })
    .toBuffer();
}

/** The form's path for one file: the grant (POST /tips/attachments), then the presigned POST upload. */
async function upload(bytes: Buffer): Promise<string> {
  const grant = await fetch(`${stack.url}/tips/attachments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contentType: 'image/jpeg', size: bytes.length }) });
  const body = (await grant.json()) as { attachmentKey: string; upload: { url: string; fields: Record<string, string> } };
  if (grant.status !== 201) throw new Error(`attachment grant refused: ${grant.status}`);
  const form = new FormData();
  for (const [name, value] of Object.entries(body.upload.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'file');
  const uploaded = await fetch(body.upload.url, { method: 'POST', body: form });
  await uploaded.arrayBuffer();
  if (uploaded.status >= 300) throw new Error(`upload failed: ${uploaded.status}`);
  // The browser's presigned POST is an S3 request no SDK call in this process makes: counted here.
  meter.s3.PostObject = (meter.s3.PostObject ?? 0) + 1;
  return body.attachmentKey;
}

async function drained(timeoutMs = 120_000): Promise<void> {
  const t0 = Date.now();
  let stable = 0;
  while (Date.now() - t0 < timeoutMs) {
    const done = recordsDone.dedupe >= accepted && recordsDone.classify >= (meter.sentByQueue[classifyQueueUrl] ?? 0);
    stable = done ? stable + 1 : 0;
    if (stable >= 3) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pipeline did not drain: ${JSON.stringify({ accepted, recordsDone, sent: meter.sentByQueue })}`);
}

interface Snapshot {
  meter: Meter;
  invocations: Invocation[];
  logBytes: number;
  logLines: number;
}
const snapshot = (): Snapshot => ({ meter: structuredClone({ ...meter }), invocations: [...invocations], logBytes, logLines });

function diff(a: Snapshot, b: Snapshot, tips: number) {
  const inv = b.invocations.slice(a.invocations.length);
  const perFn = {} as Record<string, { invocations: number; records: number; medianMs: number; meanMs: number; billedMs: number; gbSeconds: number }>;
  for (const key of Object.keys(functions) as FunctionKey[]) {
    const mine = inv.filter((x) => x.fn === key);
    if (mine.length === 0) continue;
    const billedMs = mine.reduce((s, x) => s + Math.max(1, Math.ceil(x.ms)), 0);
    perFn[key] = {
      invocations: mine.length,
      records: mine.reduce((s, x) => s + x.records, 0),
      medianMs: round(median(mine.map((x) => x.ms))),
      meanMs: round(mine.reduce((s, x) => s + x.ms, 0) / mine.length),
      billedMs,
      gbSeconds: (billedMs / 1000) * (functions[key].memoryMb / 1024),
    };
  }
  const lambdaRequests = Object.values(perFn).reduce((s, f) => s + f.invocations, 0);
  const gbSeconds = Object.values(perFn).reduce((s, f) => s + f.gbSeconds, 0);
  const tablesOut: Record<string, { requests: Record<string, number>; rcu: number; wcu: number; wcuReported: number; gsiWcu: Record<string, number>; conditionalFailures: number; maxItemBytes: number }> = {};
  let rcu = 0;
  let wcu = 0;
  for (const [table, c] of Object.entries(b.meter.dynamo)) {
    const before = a.meter.dynamo[table];
    const requests: Record<string, number> = {};
    for (const [op, n] of Object.entries(c.requests)) requests[op] = n - (before?.requests[op] ?? 0);
    const gsiWcu: Record<string, number> = {};
    for (const [ix, n] of Object.entries(c.gsiWcu)) gsiWcu[ix] = n - (before?.gsiWcu[ix] ?? 0);
    const def = tableDefs.get(table);
    const t = {
      requests,
      rcu: c.rcu - (before?.rcu ?? 0),
      wcu: c.wcu - (before?.wcu ?? 0),
      wcuReported: c.wcuReported - (before?.wcuReported ?? 0),
      gsiWcu,
      conditionalFailures: c.conditionalFailures - (before?.conditionalFailures ?? 0),
      maxItemBytes: c.maxItemBytes,
    };
    tablesOut[def?.id ?? table] = t;
    rcu += t.rcu;
    wcu += t.wcu + Object.values(gsiWcu).reduce((s, n) => s + n, 0);
  }
  const sqsOps: Record<string, number> = {};
  for (const [op, n] of Object.entries(b.meter.sqs)) sqsOps[op] = n - (a.meter.sqs[op] ?? 0);
  const sqsBilled = b.meter.sqsBilled - a.meter.sqsBilled;
  const s3Ops: Record<string, number> = {};
  for (const [op, n] of Object.entries(b.meter.s3)) s3Ops[op] = n - (a.meter.s3[op] ?? 0);
  const s3Requests = Object.values(s3Ops).reduce((s, n) => s + n, 0);
  const per = (x: number): number => x / tips;
  const perTip = {
    apiRequests: per(perFn.submitTip?.invocations ?? 0),
    lambdaRequests: per(lambdaRequests),
    lambdaGbSeconds: per(gbSeconds),
    sqsRequests: per(sqsBilled),
    dynamoRru: per(rcu),
    dynamoWru: per(wcu),
    s3Requests: per(s3Requests),
    logBytes: per(b.logBytes - a.logBytes),
  };
  const million = (x: number): number => x * 1e6;
  const costPerMillion = {
    lambdaRequests: million(perTip.lambdaRequests) * (PRICES.lambdaPerMillionRequests / 1e6),
    lambdaCompute: million(perTip.lambdaGbSeconds) * PRICES.lambdaArmPerGbSecond,
    sqs: million(perTip.sqsRequests) * (PRICES.sqsPerMillionRequests / 1e6),
    dynamoWrites: million(perTip.dynamoWru) * (PRICES.dynamoPerMillionWru / 1e6),
    dynamoReads: million(perTip.dynamoRru) * (PRICES.dynamoPerMillionRru / 1e6),
    // GETs at their own (lower) price, everything else (PUT, POST, DELETE, tagging) at the PUT price: an upper bound.
    s3: million(per(s3Ops.GetObject ?? 0)) * (PRICES.s3GetPer1000 / 1000) + million(per(s3Requests - (s3Ops.GetObject ?? 0))) * (PRICES.s3PutPer1000 / 1000),
  };
  const pipeline = Object.values(costPerMillion).reduce((s, n) => s + n, 0);
  return { tips, perFunction: perFn, tables: tablesOut, sqsOps, s3Ops, perTip, costPerMillion, pipelinePerMillion: pipeline };
}

// ---- burst ----
const t0 = snapshot();
const burst = makeTips(BURST_TIPS, 2026);
const startBurst = performance.now();
{
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < burst.length) {
      const i = next++;
      await post(burst[i]!, i);
    }
  };
  // Eight at a time, so the pollers find full batches like Lambda in a flood.
  // Everything shares this process's event loop with the emulators: burst
  // durations are an upper bound; the trickle below measures them uncontended.
  await Promise.all(Array.from({ length: 8 }, worker));
}
await drained();
const burstSeconds = (performance.now() - startBurst) / 1000;
const t1 = snapshot();
const burstAccepted = accepted;

// ---- trickle: one tip at a time, each through the whole pipeline before the next ----
const trickle = makeTips(TRICKLE_TIPS, 7);
for (let i = 0; i < trickle.length; i++) {
  await post(trickle[i]!, BURST_TIPS + i);
  await drained();
}
const t2 = snapshot();

// ---- photos: one tip at a time as in the trickle, each new claim with its own photo ----
const photoTips = makeTips(PHOTO_TIPS, 11);
let photoBytes = 0;
for (let i = 0; i < photoTips.length; i++) {
  const bytes = await photo(i + 1);
  photoBytes += bytes.length;
  const key = await upload(bytes);
  await post({ ...photoTips[i]!, attachmentKeys: [key] }, BURST_TIPS + TRICKLE_TIPS + i);
  await drained();
}
const t3 = snapshot();

capturing = false;
undoDynamo();
undoSqs();
await stack.stop();
rmSync(dataDir, { recursive: true, force: true });

const burstResult = diff(t0, t1, BURST_TIPS);
const trickleResult = diff(t1, t2, TRICKLE_TIPS);
const photoResult = diff(t2, t3, PHOTO_TIPS);
const ratio = (a: number, b: number): number | null => (b === 0 ? null : round(a / b, 2));
const photoVsText = {
  photoSide: PHOTO_SIDE,
  meanPhotoBytes: Math.round(photoBytes / Math.max(1, PHOTO_TIPS)),
  dedupeMedianMs: { text: trickleResult.perFunction.dedupe?.medianMs ?? null, photo: photoResult.perFunction.dedupe?.medianMs ?? null },
  lambdaGbSecondsPerTip: ratio(photoResult.perTip.lambdaGbSeconds, trickleResult.perTip.lambdaGbSeconds),
  s3RequestsPerTip: { text: trickleResult.perTip.s3Requests, photo: photoResult.perTip.s3Requests },
  pipelinePerMillion: ratio(photoResult.pipelinePerMillion, trickleResult.pipelinePerMillion),
};
const mix = { new: burst.filter((t) => t.kind === 'new').length, repeat: burst.filter((t) => t.kind === 'repeat').length, evasion: burst.filter((t) => t.kind === 'evasion').length };
const duplicatesFound = burstResult.perFunction.classify === undefined ? null : BURST_TIPS - burstResult.perFunction.classify.records;

// ---- fixed monthly costs (not per tip) ----
const HOURS_PER_MONTH = 730;
// SQS SSE-KMS: R = (seconds per month / data-key reuse period) × (2 × producers + consumers), per queue.
const sqsKmsCalls = (HOURS_PER_MONTH * 3600) / 3600 * (2 * 1 + 1) * Object.keys(queues).length;
// DynamoDB with a customer-managed key: at most one Decrypt per table and calling role every 5 minutes of activity.
const tableRolePairs = 4 /* tips: submit, dedupe, classify, investigator */ + 2 /* objects */ + 1 /* dedupe */ + 1; /* idempotency */
const dynamoKmsCalls = tableRolePairs * 12 * HOURS_PER_MONTH;
const kmsPerMonth = ((sqsKmsCalls + dynamoKmsCalls) / 10_000) * PRICES.kmsPer10000Requests + PRICES.kmsKeyPerMonth;
// Event source mappings long-poll each queue while idle (Lambda starts with several pollers per queue).
const idleReceivesPerMonth = Object.keys(queues).length * 5 * (HOURS_PER_MONTH * 3600) / 20;
const idlePollingPerMonth = idleReceivesPerMonth * (PRICES.sqsPerMillionRequests / 1e6);
const wafFixedPerMonth = PRICES.wafWebAclPerMonth + 5 * PRICES.wafRulePerMonth;

// ---- edge, per million tips ----
const apiPerTip = burstResult.perTip.apiRequests;
const edge = {
  restApiPerMillion: apiPerTip * PRICES.apiGatewayRestPerMillion,
  wafRequestsPerMillion: apiPerTip * PRICES.wafPerMillionRequests,
  wafFixedPerMonth,
  httpApiAlternativePerMillion: apiPerTip * (PRICES.apiGatewayHttpPerMillion + PRICES.cloudFrontHttpsPerMillion + PRICES.wafPerMillionRequests),
};

// ---- also behind the edge, outside the $1.50 list: logs and traces ----
const logsPerMillion = (burstResult.perTip.logBytes + 0) * 1e6 / 1e9 * PRICES.cloudWatchLogsPerGbIngested;
// Lambda adds its own platform lines per invocation (JSON log format: start, report): ~700 bytes.
const platformLogsPerMillion = burstResult.perTip.lambdaRequests * 700 * 1e6 / 1e9 * PRICES.cloudWatchLogsPerGbIngested;
const xrayPerMillionAllSampled = burstResult.perTip.lambdaRequests * PRICES.xrayPerMillionTraces;

const m = machine();
const bundles = (() => {
  try {
    return JSON.parse(readFileSync(join(import.meta.dirname, 'results/bundles.json'), 'utf8')) as { functions: { key: string; netImportMs: number }[] };
  } catch {
    return null;
  }
})();
// Init is billed since August 2025: per cold start ≈ (runtime init ~120 ms + the bundle's import) × memory.
const initGbSecondsPerColdStart = Object.fromEntries(
  (Object.keys(functions) as FunctionKey[]).map((k) => {
    const net = bundles?.functions.find((f) => f.key === k)?.netImportMs ?? 100;
    return [k, ((120 + net) / 1000) * (functions[k].memoryMb / 1024)];
  }),
);
// A cold start per function every 10 minutes around the clock: an upper bound for a quiet appeal.
const initPerMonth =
  Object.values(initGbSecondsPerColdStart).reduce((s, g) => s + g, 0) * 6 * HOURS_PER_MONTH * PRICES.lambdaArmPerGbSecond;

const result = {
  generatedAt: new Date().toISOString(),
  machine: m,
  prices: { date: PRICE_DATE, region: 'us-east-1', note: PRICE_NOTE, ...PRICES },
  mix: { ...mix, accepted: burstAccepted, rejected, duplicatesFound, burstSeconds: round(burstSeconds, 1) },
  burst: burstResult,
  trickle: trickleResult,
  photo: photoResult,
  photoVsText,
  fixedPerMonth: {
    kms: round(kmsPerMonth, 3),
    kmsRequests: Math.round(sqsKmsCalls + dynamoKmsCalls),
    sqsIdlePolling: round(idlePollingPerMonth, 3),
    wafWebAclAndRules: wafFixedPerMonth,
    lambdaInitUpperBound: round(initPerMonth, 3),
  },
  edge,
  outsideTarget: { cloudWatchLogsPerMillion: round(logsPerMillion + platformLogsPerMillion, 3), handlerLogBytesPerTip: Math.round(burstResult.perTip.logBytes), xrayPerMillionIfAllSampled: round(xrayPerMillionAllSampled, 2) },
  target: { pipelinePerMillion: TARGET_PIPELINE_PER_MILLION, burstOk: burstResult.pipelinePerMillion <= TARGET_PIPELINE_PER_MILLION, trickleOk: trickleResult.pipelinePerMillion <= TARGET_PIPELINE_PER_MILLION },
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results/cost.json'), JSON.stringify(result, null, 2) + '\n');

// ---- report ----
const usd = (x: number, d = 3): string => `$${x.toFixed(d)}`;
out(`cost: ${BURST_TIPS} tips (burst, ${burstSeconds.toFixed(1)} s) + ${TRICKLE_TIPS} tips (trickle) through the local pipeline (node ${m.node}, ${m.nproc} × ${m.cpuModel})`);
out(`  mix: ${mix.new} new claims, ${mix.repeat} verbatim repeats, ${mix.evasion} evasive resubmissions; ${burstAccepted} accepted, ${duplicatesFound ?? '?'} found duplicate`);
out(`  prices: us-east-1 list prices as of ${PRICE_DATE} (${PRICE_NOTE})`);
for (const [name, r] of [['burst', burstResult], ['trickle', trickleResult], ['photo', photoResult]] as const) {
  out(`\n  ${name}: per tip`);
  for (const [fn, f] of Object.entries(r.perFunction)) {
    out(`    λ ${fn.padEnd(12)} ${(f.invocations / r.tips).toFixed(3)} invocations (${(f.records / f.invocations).toFixed(1)} msgs each), median ${f.medianMs} ms, mean ${f.meanMs} ms, ${(f.gbSeconds / r.tips).toExponential(2)} GB-s`);
  }
  for (const [table, t] of Object.entries(r.tables)) {
    const gsi = Object.entries(t.gsiWcu).map(([ix, n]) => `${ix} ${(n / r.tips).toFixed(2)}`).join(', ');
    out(
      `    DynamoDB ${table.padEnd(12)} WRU ${(t.wcu / r.tips).toFixed(2)}${gsi ? ` + GSI ${gsi}` : ''} · RRU ${(t.rcu / r.tips).toFixed(2)} · ${Object.entries(t.requests).map(([op, n]) => `${op} ${(n / r.tips).toFixed(2)}`).join(', ')}${t.conditionalFailures ? ` · ${t.conditionalFailures} conditional failures` : ''} · max item ${t.maxItemBytes} B (emulator's table WRU ${(t.wcuReported / r.tips).toFixed(2)} for successful writes)`,
    );
  }
  out(`    SQS ${r.perTip.sqsRequests.toFixed(2)} billed requests per tip (calls: ${Object.entries(r.sqsOps).filter(([op]) => op !== 'GetQueueAttributes').map(([op, n]) => `${op} ${(n / r.tips).toFixed(2)}`).join(', ')}; empty receives are idle polling, billed as a fixed cost)`);
  out(`    S3 ${r.perTip.s3Requests.toFixed(2)} requests; API ${r.perTip.apiRequests.toFixed(2)} requests; logs ${Math.round(r.perTip.logBytes)} bytes`);
  out(`  ${name}: per million tips`);
  for (const [k, v] of Object.entries(r.costPerMillion)) out(`    ${k.padEnd(15)} ${usd(v)}`);
  out(`    ${'pipeline'.padEnd(15)} ${usd(r.pipelinePerMillion)}`);
}
out(
  `\n  photo vs text-only (both one tip at a time, this run): a ${photoVsText.photoSide} px JPEG of ${(photoVsText.meanPhotoBytes / 1e6).toFixed(2)} MB on average; ` +
    `dedupe median ${photoVsText.dedupeMedianMs.photo} ms vs ${photoVsText.dedupeMedianMs.text} ms; Lambda GB-s per tip × ${photoVsText.lambdaGbSecondsPerTip}; ` +
    `S3 requests per tip ${photoVsText.s3RequestsPerTip.photo.toFixed(2)} vs ${photoVsText.s3RequestsPerTip.text.toFixed(2)}; pipeline cost per tip × ${photoVsText.pipelinePerMillion}`,
);
out(`\n  fixed per month: KMS ${usd(kmsPerMonth, 2)} (key $1 + ~${Math.round(sqsKmsCalls + dynamoKmsCalls).toLocaleString('en')} requests), SQS idle long polling ${usd(idlePollingPerMonth, 2)}, WAF ACL + 5 rules ${usd(wafFixedPerMonth, 2)}, Lambda init (upper bound) ${usd(initPerMonth, 2)}`);
out(`  edge per million tips: REST API ${usd(edge.restApiPerMillion, 2)} + WAF ${usd(edge.wafRequestsPerMillion, 2)} = ${usd(edge.restApiPerMillion + edge.wafRequestsPerMillion, 2)} (HTTP API + CloudFront + WAF would be ${usd(edge.httpApiAlternativePerMillion, 2)})`);
out(`  outside the target list: CloudWatch Logs ~${usd(logsPerMillion + platformLogsPerMillion, 2)}/M tips; X-Ray ${usd(xrayPerMillionAllSampled, 2)}/M tips if every invocation were traced`);
out('');
out(`${result.target.burstOk ? 'PASS' : 'FAIL'}  pipeline cost, burst: ${usd(burstResult.pipelinePerMillion)} per million tips ≤ ${usd(TARGET_PIPELINE_PER_MILLION, 2)}`);
out(`${result.target.trickleOk ? 'PASS' : 'FAIL'}  pipeline cost, trickle: ${usd(trickleResult.pipelinePerMillion)} per million tips ≤ ${usd(TARGET_PIPELINE_PER_MILLION, 2)}`);
out('\nwrote bench/results/cost.json');
process.exit(0);

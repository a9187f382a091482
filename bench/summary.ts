/**
 * The object summary at scale (GET /investigator/objects/{objectId}/summary): seeds one object's
 * tips into five country queues of a local stack (BatchWrite of 25, each batch counted into the
 * Aggregates counters by the pipeline's own counting code, as one SQS batch would be), and at each
 * size times the summary through the API and meters its DynamoDB requests and read units (dynalite's
 * units; bench/lib/capacity.ts). The summary reads counters, never the tips, so both should stay flat.
 * A second object with 1,000 tips is timed in the same rounds, call for call, as a control: on a
 * shared machine the load drifts over the minutes the seeding takes, and the control shows how much
 * of a change is the machine's (and the emulator's, whose table grows) rather than the object's size.
 *   node bench/summary.ts [--sizes 1000,10000,100000] [--calls 20]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { TableDef } from '#shared/resources.ts';
import { machine, median, round } from './lib/stats.ts';
import { meterDynamo, newMeter } from './lib/capacity.ts';
import { seedClassifiedTips } from '../test/support/seed-tips.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' }, calls: { type: 'string', default: '20' } } });
const SIZES = values.sizes.split(',').map(Number).sort((a, b) => a - b);
const CALLS = Number(values.calls);
const OBJECT_ID = 'obj-towel';
const CONTROL_ID = 'obj-bag';
const CONTROL_TIPS = 1000;
const QUEUES = ['PT', 'BR', 'ES', 'NL', 'PL'];
const TARGET_RATIO = 2;
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const dataDir = mkdtempSync(join(tmpdir(), 'tipline-bench-summary-'));
const { startLocalStack } = await import('#local/stack.ts');
const { dynamo } = await import('#shared/store/clients/dynamo.ts');
const stack = await startLocalStack({ dataDir, persist: false, port: 0, startPollers: false, rateLimitPerMinute: 0 });
const { tables } = await import('#shared/resources.ts');
const { addCounters, countedTip, raiseStrongest } = await import('#shared/store/aggregates.ts');
const { classifiedDeltas } = await import('#shared/tips/counters.ts');
const { mintToken } = await import('#local/jwt.ts');

const tableDefs = new Map<string, TableDef>();
for (const def of Object.values(tables) as TableDef[]) tableDefs.set(stack.env[def.envVar]!, def);
const tableKey = new Map([...tableDefs.entries()].map(([name, def]) => [name, def.id]));
const meter = newMeter();
meter.enabled = false;
const undo = meterDynamo(meter, dynamo, tableDefs, stack.env.AWS_ENDPOINT_URL_DYNAMODB!);

/** One batch counted as recordClassification counts an SQS batch: the deltas merged, then the strongest tip per queue raised. */
async function count(items: Record<string, unknown>[]): Promise<void> {
  const objectId = String(items[0]!.objectId);
  await addCounters(items.flatMap((item) => classifiedDeltas(countedTip(item as Parameters<typeof countedTip>[0], 1)!)));
  const strongest = new Map<string, Record<string, unknown>>();
  for (const item of items) {
    const best = strongest.get(String(item.queue));
    if (best === undefined || Number(item.confidence) > Number(best.confidence)) strongest.set(String(item.queue), item);
  }
  for (const item of strongest.values()) await raiseStrongest(objectId, String(item.queue), String(item.tipId), Number(item.confidence));
}

const token = await mintToken(stack.keys, { groups: ['coordinator'] });
const summaryOnce = async (objectId = OBJECT_ID): Promise<{ ms: number; body: { distinctTips: number } }> => {
  const t0 = performance.now();
  const response = await fetch(`${stack.url}/investigator/objects/${objectId}/summary`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { distinctTips: number };
  if (response.status !== 200) throw new Error(`summary answered ${response.status}: ${JSON.stringify(body)}`);
  return { ms: performance.now() - t0, body };
};

interface Row {
  tips: number;
  seedSeconds: number;
  distinctTips: number;
  medianMs: number;
  p95Ms: number;
  requestsPerCall: Record<string, number>;
  readUnitsPerCall: number;
  /** The 1,000-tip control object's median, timed in the same rounds. */
  controlMedianMs: number;
}
const rows: Row[] = [];
let seeded = 0;
try {
  await seedClassifiedTips(CONTROL_TIPS, 'PT', CONTROL_ID, undefined, count);
  for (const size of SIZES) {
    const t0 = performance.now();
    const add = size - seeded;
    // Spread over the queues, uneven as real appeals are: the first queue takes the remainder.
    const share = Math.floor(add / QUEUES.length);
    for (const [index, queue] of QUEUES.entries()) await seedClassifiedTips(index === 0 ? add - share * (QUEUES.length - 1) : share, queue, OBJECT_ID, undefined, count);
    seeded = size;
    const seedSeconds = (performance.now() - t0) / 1000;
    // Warm: the handler's module-scope caches (the object) and connections, as a warm Lambda has them.
    for (let warm = 0; warm < 5; warm += 1) {
      await summaryOnce();
      await summaryOnce(CONTROL_ID);
    }
    const times: number[] = [];
    const controlTimes: number[] = [];
    let last: { distinctTips: number } = { distinctTips: 0 };
    const before = structuredClone(meter.dynamo);
    for (let call = 0; call < CALLS; call += 1) {
      // Metered: the big object's calls only; the control's run unmetered, in between.
      meter.enabled = true;
      const { ms, body } = await summaryOnce();
      meter.enabled = false;
      times.push(ms);
      last = body;
      controlTimes.push((await summaryOnce(CONTROL_ID)).ms);
    }
    const requestsPerCall: Record<string, number> = {};
    let readUnits = 0;
    for (const [table, counters] of Object.entries(meter.dynamo)) {
      const was = before[table];
      readUnits += counters.rcu - (was?.rcu ?? 0);
      for (const [op, n] of Object.entries(counters.requests)) {
        const delta = n - (was?.requests[op] ?? 0);
        if (delta > 0) requestsPerCall[`${tableKey.get(table) ?? table}.${op}`] = delta / CALLS;
      }
    }
    times.sort((a, b) => a - b);
    const row = { controlMedianMs: round(median(controlTimes), 2), tips: size, seedSeconds: round(seedSeconds), distinctTips: last.distinctTips, medianMs: round(median(times), 2), p95Ms: round(times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!, 2), requestsPerCall, readUnitsPerCall: round(readUnits / CALLS, 2) };
    rows.push(row);
    console.log(`${size} tips seeded (+${add}) in ${row.seedSeconds} s: summary median ${row.medianMs} ms (control object ${row.controlMedianMs} ms), p95 ${row.p95Ms} ms, ${row.readUnitsPerCall} read units and ${Object.values(requestsPerCall).reduce((a, b) => a + b, 0)} DynamoDB requests per call (${JSON.stringify(requestsPerCall)}); distinctTips ${row.distinctTips}`);
  }
} finally {
  undo();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const base = rows[0]!;
const ratios = rows.map((row) => ({
  tips: row.tips,
  latency: round(row.medianMs / base.medianMs, 2),
  readUnits: round(row.readUnitsPerCall / base.readUnitsPerCall, 2),
  /** Latency against the 1k control object in the same rounds, relative to the same ratio at the first size. */
  latencyVsControl: round(row.medianMs / row.controlMedianMs / (base.medianMs / base.controlMedianMs), 2),
}));
const flat = ratios.every((ratio) => ratio.latency <= TARGET_RATIO && ratio.readUnits <= TARGET_RATIO);
const flatVsControl = ratios.every((ratio) => ratio.latencyVsControl <= TARGET_RATIO && ratio.readUnits <= TARGET_RATIO);
const complete = rows.every((row) => row.distinctTips === row.tips);
console.log('');
console.log('| Tips in the object | Seed s | Summary median ms | p95 ms | Control (1k object) median ms | Read units / call | DynamoDB requests / call | × 1k latency | × 1k latency, against the control | × 1k read units |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const [index, row] of rows.entries()) {
  console.log(`| ${row.tips.toLocaleString('en')} | ${row.seedSeconds} | ${row.medianMs} | ${row.p95Ms} | ${row.controlMedianMs} | ${row.readUnitsPerCall} | ${Object.values(row.requestsPerCall).reduce((a, b) => a + b, 0)} | ${ratios[index]!.latency} | ${ratios[index]!.latencyVsControl} | ${ratios[index]!.readUnits} |`);
}
console.log(`flat within ${TARGET_RATIO}× of the first size: ${flat ? 'PASS' : 'FAIL'} (against the control: ${flatVsControl ? 'PASS' : 'FAIL'}); every size counted exactly: ${complete ? 'yes' : 'NO'}`);
const out = resolve(import.meta.dirname, 'results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'object-summary.json'), `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), calls: CALLS, queues: QUEUES.length, rows, ratios, targetRatio: TARGET_RATIO, flat, flatVsControl, complete }, null, 2)}\n`);
if (!complete) process.exitCode = 1;

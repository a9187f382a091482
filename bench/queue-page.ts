/**
 * Filtered queue pages at scale (issue 18): seeds one country queue of a local
 * stack with 1,000, then 10,000, then 100,000 tips of one object (2% of them
 * `actionable`, 5% of another object), and after each size reads, 15 times:
 *   - a status-filtered page (status=actionable),
 *   - an object-filtered page (objectId=<the small object>),
 *   - an unfiltered page (the five status partitions merged),
 * each of 25 tips through queryQueue, the function the queue route calls.
 * Prints the median latency and the read units DynamoDB would bill (the
 * emulator's units, metered as bench/lib/capacity.ts does), and each size's
 * ratio to the 1,000-tip baseline measured in the same run: flat within 2x is
 * the target, since the indexes are keyed by queue and status (and object),
 * never filtered. Writes bench/results/queue-page.json.
 *   node bench/queue-page.ts [--sizes 1000,10000,100000] [--runs 15]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalStack } from '#local/stack.ts';
import { tables, type TableDef } from '#shared/resources.ts';
import { seedClassifiedTips } from '../test/support/seed-tips.ts';
import { meterDynamo, newMeter } from './lib/capacity.ts';
import { machine, median, round } from './lib/stats.ts';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' }, runs: { type: 'string', default: '15' } } });
const SIZES = values.sizes.split(',').map(Number);
const RUNS = Number(values.runs);
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const dataDir = mkdtempSync(join(tmpdir(), 'tipline-bench-queue-'));
const stack = await startLocalStack({ dataDir, persist: false, port: 0, startPollers: false });
const { dynamo } = await import('#shared/store/clients/dynamo.ts');
const { queryQueue } = await import('#shared/store/tips.ts');
const tableDefs = new Map<string, TableDef>();
for (const def of Object.values(tables) as TableDef[]) tableDefs.set(stack.env[def.envVar]!, def);
const meter = newMeter();
const undo = meterDynamo(meter, dynamo, tableDefs, stack.env.AWS_ENDPOINT_URL_DYNAMODB!);
const tipsTable = stack.env[tables.tips.envVar]!;
const readUnits = (): number => Object.values(meter.dynamo).reduce((sum, c) => sum + c.rcu, 0);

const QUEUE = 'SE';
const BIG = 'obj-towel';
const SMALL = 'obj-bag';
const PAGES = {
  status: { limit: 25, sort: 'time', status: 'actionable' },
  object: { limit: 25, sort: 'confidence', objectId: SMALL },
  unfiltered: { limit: 25, sort: 'time' },
} as const;

interface Row {
  tips: number;
  page: keyof typeof PAGES;
  items: number;
  medianMs: number;
  readUnits: number;
}
const rows: Row[] = [];
try {
  let seeded = 0;
  for (const size of SIZES) {
    meter.enabled = false;
    const t0 = performance.now();
    const adding = size - seeded;
    const small = Math.round(adding * 0.05);
    // 2% actionable, spread through time, so a filter expression would read ~50 tips per match.
    await seedClassifiedTips(adding - small, QUEUE, BIG, (n) => (n % 50 === 0 ? 'actionable' : 'new'));
    await seedClassifiedTips(small, QUEUE, SMALL);
    seeded = size;
    process.stdout.write(`seeded ${size} tips in ${round((performance.now() - t0) / 1000)} s\n`);
    meter.enabled = true;
    for (const [page, query] of Object.entries(PAGES) as [keyof typeof PAGES, (typeof PAGES)[keyof typeof PAGES]][]) {
      const times: number[] = [];
      const units: number[] = [];
      let items = 0;
      // Warm-up reads, untimed: the first queries of a process pay for JIT and the emulator's caches.
      for (let run = 0; run < 3; run += 1) await queryQueue(QUEUE, query);
      for (let run = 0; run < RUNS; run += 1) {
        const before = readUnits();
        const started = performance.now();
        const result = await queryQueue(QUEUE, query);
        times.push(performance.now() - started);
        units.push(readUnits() - before);
        items = result.items.length;
      }
      rows.push({ tips: size, page, items, medianMs: round(median(times), 2), readUnits: median(units) });
    }
  }
  const base = (page: keyof typeof PAGES): Row => rows.find((row) => row.page === page && row.tips === SIZES[0])!;
  process.stdout.write(`\nqueue pages of 25 tips (${RUNS} runs each, median), table ${tipsTable}\n`);
  process.stdout.write('tips      page         items   ms      read units   ms ratio  units ratio\n');
  for (const row of rows) {
    const b = base(row.page);
    process.stdout.write(
      `${String(row.tips).padEnd(9)} ${row.page.padEnd(12)} ${String(row.items).padEnd(7)} ${String(row.medianMs).padEnd(7)} ${String(row.readUnits).padEnd(12)} ${String(round(row.medianMs / b.medianMs, 2)).padEnd(9)} ${round(row.readUnits / b.readUnits, 2)}\n`,
    );
  }
  const worst = Math.max(...rows.map((row) => Math.max(row.medianMs / base(row.page).medianMs, row.readUnits / base(row.page).readUnits)));
  process.stdout.write(`largest ratio to the ${SIZES[0]}-tip baseline: ${round(worst, 2)} (target: within 2x)\n`);
  const out = resolve(import.meta.dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'queue-page.json'), `${JSON.stringify({ date: new Date().toISOString(), machine: machine(), runs: RUNS, rows, worstRatio: round(worst, 2) }, null, 2)}\n`);
} finally {
  undo();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

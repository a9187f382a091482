/**
 * Throughput of the pure cores on one core (node bench/lib/throughput.ts):
 * validating a POST /tips body with the zod schema, the dedupe engine over
 * its in-memory index, and geo-classification, on the same synthetic tips.
 * Writes bench/results/throughput.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DedupeEngine, MemoryDedupeIndex } from '#shared/dedupe/index.ts';
import { classify } from '#shared/geo/index.ts';
import { SubmitTipRequest } from '#shared/schemas/tip.ts';
import { EVASIONS, claim, rng } from '../../test/unit/dedupe/synth.ts';
import { machine, round } from './stats.ts';

const r = rng(99);
const evasions = Object.values(EVASIONS);
const said: string[] = [];
const texts: string[] = [];
for (let i = 0; i < 5000; i++) {
  if (said.length === 0 || r() < 0.5) {
    const text = claim(r).text;
    said.push(text);
    texts.push(text);
  } else texts.push(evasions[Math.floor(r() * evasions.length)]!(said[Math.floor(r() * said.length)]!, r));
}
const bodies = texts.map((text, i) => ({ objectId: `obj-${i % 3}`, text, language: i % 4 === 0 ? 'en' : undefined }));

function rate(label: string, minMs: number, step: (i: number) => unknown): number {
  for (let i = 0; i < 500; i++) step(i); // warm-up
  let n = 0;
  let sink = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    if (step(n) !== undefined) sink++;
    n++;
  }
  const perSecond = n / ((performance.now() - t0) / 1000);
  console.log(`  ${label.padEnd(34)} ${Math.round(perSecond).toLocaleString("en").padStart(10)} tips/s (${sink} valid results)`);
  return perSecond;
}

const m = machine();
console.log(`throughput of the pure cores, one core (node ${m.node}, ${m.cpuModel})`);
const validate = rate('validate POST /tips (zod)', 1500, (i) => SubmitTipRequest.safeParse(bodies[i % bodies.length]).success);
const geo = rate('geo-classify', 2000, (i) => classify(texts[i % texts.length]!).confidence);

// The engine is async (its index port is); measure it over a growing in-memory index.
const engine = new DedupeEngine(new MemoryDedupeIndex());
const dedupeTips = texts.map((text, i) => ({ tipId: `t${String(i).padStart(8, '0')}`, objectId: `obj-${i % 3}`, text }));
const t0 = performance.now();
for (let i = 0; i < dedupeTips.length; i += 10) await engine.processBatch(dedupeTips.slice(i, i + 10));
const dedupe = dedupeTips.length / ((performance.now() - t0) / 1000);
console.log(`  ${'dedupe engine, in-memory index'.padEnd(34)} ${Math.round(dedupe).toLocaleString('en').padStart(10)} tips/s (${dedupeTips.length} tips, batches of 10)`);

const result = {
  generatedAt: new Date().toISOString(),
  machine: m,
  tipsPerSecond: { validate: Math.round(validate), dedupeEngine: Math.round(dedupe), classify: Math.round(geo) },
  avgTipChars: round(texts.reduce((a, t) => a + t.length, 0) / texts.length, 0),
};
mkdirSync(join(import.meta.dirname, '..', 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, '..', 'results', 'throughput.json'), JSON.stringify(result, null, 2) + '\n');
console.log('wrote bench/results/throughput.json');

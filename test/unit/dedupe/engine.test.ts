import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DedupeEngine, MemoryDedupeIndex } from '#shared/dedupe/index.ts';
import { clusterSizes } from '#shared/dedupe/clusters.ts';
import type { DedupeDecision, TipInput } from '#shared/dedupe/index.ts';
import { claim, EVASIONS, hardNegative, rng, TEMPLATES } from './synth.ts';

/** How many tips a cluster counts, read the way the investigator API reads it. */
const sizeOf = async (index: Parameters<typeof clusterSizes>[0], objectId: string, clusterId: string) => (await clusterSizes(index, [{ objectId, clusterId }])).get(clusterId);

const tip = (tipId: string, text: string, objectId = 'obj-1'): TipInput => ({ tipId, objectId, text });

async function run(tips: readonly TipInput[], index = new MemoryDedupeIndex()): Promise<DedupeDecision[]> {
  const engine = new DedupeEngine(index);
  const out: DedupeDecision[] = [];
  for (const t of tips) out.push(await engine.process(t));
  return out;
}

describe('DedupeEngine', () => {
  it('clusters a flood around its first tip and counts the cluster', async () => {
    // Prepare
    const index = new MemoryDedupeIndex();
    const engine = new DedupeEngine(index);
    const text = 'My grandmother in Leipzig had this wallpaper in her kitchen.';
    // Act
    const first = await engine.process(tip('t1', text));
    const exact = await engine.process(tip('t2', text));
    const near = await engine.process(tip('t3', `Good evening. ${text.replace('kitchen', 'kitchn')} Hope this helps.`));
    const other = await engine.process(tip('t4', 'My grandmother in Dresden had this wallpaper in her kitchen.'));
    // Assess
    expect(first).toEqual({ tipId: 't1', clusterId: 't1', duplicateOf: null, similarity: 1, reason: 'new' });
    expect(exact).toMatchObject({ clusterId: 't1', duplicateOf: 't1', reason: 'exact', similarity: 1 });
    expect(near).toMatchObject({ clusterId: 't1', duplicateOf: 't1', reason: 'near' });
    expect(near.similarity).toBeGreaterThan(0.7);
    expect(other).toMatchObject({ clusterId: 't4', duplicateOf: null, reason: 'new' });
    expect(await sizeOf(index, 'obj-1', 't1')).toBe(3);
    expect(await sizeOf(index, 'obj-1', 't4')).toBe(1);
  });

  it('never merges tips about different objects', async () => {
    // Prepare
    const text = 'The cereal box is a Polish brand, I buy it at Biedronka every week.';
    // Act
    const [a, b] = await run([tip('t1', text, 'obj-1'), tip('t2', text, 'obj-2')]);
    // Assess
    expect(a!.reason).toBe('new');
    expect(b!.reason).toBe('new');
  });

  it('merges every evasion of a claim and keeps every same-template hard negative apart (synthetic flood)', async () => {
    // Prepare: 40 claims, each with a one-slot hard negative, each resubmitted with every evasion, shuffled.
    const r = rng(2024);
    const texts = new Map<string, string>();
    for (let i = 0; texts.size < 80 && i < 1000; i++) {
      const c = claim(r);
      const h = hardNegative(r, c);
      if (!h || texts.has(c.text) || texts.has(h.text)) continue;
      texts.set(c.text, `g${texts.size}`);
      texts.set(h.text, `g${texts.size}`);
    }
    const tips: (TipInput & { group: string })[] = [];
    for (const [text, group] of texts) {
      for (const [kind, evade] of Object.entries(EVASIONS)) {
        if (kind === 'typo' || kind === 'mixed') continue; // typos are scored separately below
        tips.push({ ...tip(`${group}-${kind}`, evade(text, r)), group });
      }
    }
    for (let i = tips.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [tips[i], tips[j]] = [tips[j]!, tips[i]!];
    }
    // Act
    const decisions = await run(tips);
    // Assess: one cluster per group, no cluster spanning two groups.
    const clusterGroups = new Map<string, Set<string>>();
    const groupClusters = new Map<string, Set<string>>();
    decisions.forEach((d, i) => {
      const g = tips[i]!.group;
      clusterGroups.set(d.clusterId, (clusterGroups.get(d.clusterId) ?? new Set()).add(g));
      groupClusters.set(g, (groupClusters.get(g) ?? new Set()).add(d.clusterId));
    });
    expect([...clusterGroups.values()].filter((s) => s.size > 1)).toEqual([]);
    expect([...groupClusters.values()].filter((s) => s.size > 1)).toEqual([]);
  });

  it('keeps bucket items under 1 KB and indexes a template flood past full buckets', async () => {
    // Prepare: 400 distinct claims sharing one template (only the reference number differs) and 400 without numbers.
    const index = new MemoryDedupeIndex();
    const engine = new DedupeEngine(index);
    const numbered = Array.from({ length: 400 }, (_, i) => tip(`n${i}`, `The towel is from the hotel, reference ${1000 + i}.`));
    const worded = Array.from({ length: 400 }, (_, i) => tip(`w${i}`, `The towel is from the hotel near ${['Gare', 'Parc', 'Quai', 'Pont'][i % 4]} ${'Abcdefghijklmnopqrst'.slice(0, 3 + (i % 17))}${i}x street.`));
    // Act
    for (const t of [...numbered, ...worded]) await engine.process(t);
    const again = await engine.process(tip('n-again', `Hello! The towel is from the hotel, reference 1007. Thanks.`));
    // Assess
    const sizes = [...index.buckets.entries()].map(([k, b]) => Buffer.byteLength(k) + b.entries.reduce((n, e) => n + Buffer.byteLength(e) + 3, 20));
    expect(Math.max(...sizes)).toBeLessThan(1024);
    expect(again).toMatchObject({ duplicateOf: 'n7' });
  });

  it('keeps the decision of a long tip stable and bounded', async () => {
    // Prepare
    const long = `${'The wallpaper had small brown flowers and green leaves on a cream background, '.repeat(3)} ${Array.from({ length: 80 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))}x`).join(' ')} seen in Leipzig.`;
    // Act
    const [a, b, c] = await run([tip('l1', long), tip('l2', `Hi, ${long.toUpperCase()} Thanks.`), tip('l3', long.replace('Leipzig', 'Dresden'))]);
    // Assess
    expect(a!.reason).toBe('new');
    expect(b!.duplicateOf).toBe('l1');
    expect(c!.duplicateOf).toBeNull();
  });

  it('never reports a duplicate when a number, address or place token changes (property)', async () => {
    const slotChange = fc.record({
      template: fc.nat({ max: TEMPLATES.length - 1 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      evasion: fc.constantFrom(...Object.keys(EVASIONS).filter((k) => k !== 'typo' && k !== 'mixed')),
    });
    await fc.assert(
      fc.asyncProperty(slotChange, async ({ template, seed, evasion }) => {
        const r = rng(seed);
        const c = claim(r, template);
        const h = hardNegative(r, c);
        fc.pre(h !== null);
        const [, second] = await run([tip('a', c.text), tip('b', EVASIONS[evasion]!(h!.text, r))]);
        expect(second!.duplicateOf).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('changing any digit of a number never yields a duplicate (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9]{2,12}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), async (num, pos, delta) => {
        const i = pos % num.length;
        const changed = num.slice(0, i) + String((Number(num[i]) + delta) % 10) + num.slice(i + 1);
        const [, second] = await run([
          tip('a', `The phone number on the towel tag is ${num}, maybe the hotel.`),
          tip('b', `The phone number on the towel tag is ${changed}, maybe the hotel.`),
        ]);
        expect(second!.duplicateOf).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('returns the same decisions and counts under SQS redelivery (property)', async () => {
    const r0 = rng(77);
    const pool = Array.from({ length: 12 }, (_, i) => {
      const c = claim(r0, i % TEMPLATES.length);
      return i % 3 === 2 ? (hardNegative(r0, c) ?? c).text : c.text;
    });
    const arbTips = fc.array(fc.record({ text: fc.nat({ max: pool.length - 1 }), evasion: fc.constantFrom(...Object.keys(EVASIONS)), seed: fc.nat() }), {
      minLength: 1,
      maxLength: 25,
    });
    await fc.assert(
      fc.asyncProperty(arbTips, fc.array(fc.nat(), { maxLength: 15 }), async (specs, redeliveries) => {
        const tips = specs.map((s, i) => tip(`t${String(i).padStart(3, '0')}`, EVASIONS[s.evasion]!(pool[s.text]!, rng(s.seed + 1))));
        // Once: every tip delivered exactly once.
        const onceIndex = new MemoryDedupeIndex();
        const once = await run(tips, onceIndex);
        // Redelivered: some tips delivered again, right after or later than their first delivery.
        const seq: TipInput[] = [...tips];
        for (const k of redeliveries) {
          const t = tips[k % tips.length]!;
          const first = seq.indexOf(t);
          seq.splice(first + 1 + ((k >>> 5) % (seq.length - first)), 0, t);
        }
        const againIndex = new MemoryDedupeIndex();
        const again = await run(seq, againIndex);
        const byTip = new Map<string, DedupeDecision[]>();
        for (const d of again) byTip.set(d.tipId, [...(byTip.get(d.tipId) ?? []), d]);
        for (const d of once) for (const x of byTip.get(d.tipId)!) expect(x).toEqual(d);
        expect(againIndex.clusters).toEqual(onceIndex.clusters);
        expect(againIndex.buckets.size).toBe(onceIndex.buckets.size);
      }),
      { numRuns: 150 },
    );
  });

  it('counts each tip once when a batch is delivered twice', async () => {
    // Prepare
    const index = new MemoryDedupeIndex();
    const engine = new DedupeEngine(index);
    const batch = ['a', 'b', 'c', 'd'].map((id) => tip(id, 'The socket is type F, which is used in Germany.'));
    // Act
    const first = await engine.processBatch(batch);
    const writes = index.stats.writeRequests;
    const second = await engine.processBatch(batch);
    // Assess
    expect(second).toEqual(first);
    expect(index.stats.writeRequests).toBe(writes);
    expect(await sizeOf(index, 'obj-1', 'a')).toBe(4);
  });
});

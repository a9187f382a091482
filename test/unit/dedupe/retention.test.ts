/**
 * The dedupe engine's side of retention (shared/tips/expire.ts applies it):
 * an expired first tip leaves the index, its successor is filed and counted,
 * and a decision never attaches a tip to a first tip that no longer exists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterKey, clusterSizes } from '#shared/dedupe/clusters.ts';
import { DedupeEngine, MemoryDedupeIndex, type TipInput } from '#shared/dedupe/index.ts';

const tip = (tipId: string, text: string, objectId = 'obj-1'): TipInput => ({ tipId, objectId, text });
const namesIn = (index: MemoryDedupeIndex): string[] => [...index.buckets.values()].flatMap((b) => b.entries.map((e) => e.slice(0, e.indexOf('|'))));
const TEXT = 'My aunt in Bruges had this exact towel hanging in her bathroom for years.';

describe('DedupeEngine retention', () => {
  it('forgets an expired first tip: no bucket names it and a later copy starts a new cluster', async () => {
    // Prepare
    const index = new MemoryDedupeIndex();
    const engine = new DedupeEngine(index);
    await engine.process(tip('r1', TEXT));
    await engine.process(tip('other', 'The towel is from a shop in Lyon, France, near the station.'));

    // Act
    await engine.forget(tip('r1', TEXT));
    const later = await engine.process(tip('r2', TEXT));

    // Assess
    expect(namesIn(index)).not.toContain('r1');
    expect(namesIn(index)).toContain('other');
    expect(later).toMatchObject({ duplicateOf: null, reason: 'new' });
  });

  it('files a successor so later copies join it, counted from the members it already has', async () => {
    // Prepare
    const index = new MemoryDedupeIndex();
    const engine = new DedupeEngine(index);
    await engine.process(tip('r1', TEXT));
    await engine.process(tip('d1', TEXT));
    await engine.process(tip('d2', `${TEXT} Hope it helps.`));

    // Act
    await engine.forget(tip('r1', TEXT));
    await engine.openCluster('obj-1', 'd1', ['d2']);
    await engine.file(tip('d1', TEXT));
    await engine.closeCluster('obj-1', 'r1');
    const later = await engine.process(tip('d3', TEXT));

    // Assess
    expect(later).toMatchObject({ duplicateOf: 'd1', clusterId: 'd1' });
    expect((await clusterSizes(index, [{ objectId: 'obj-1', clusterId: 'd1' }])).get('d1')).toBe(3);
    expect(index.clusters.has(clusterKey('obj-1', 'r1'))).toBe(false);
  });

  it('keeps an existing counter when a retry opens it again, and does not count a remembered member twice', async () => {
    // Prepare
    const index = new MemoryDedupeIndex();
    const engine = new DedupeEngine(index);
    await engine.process(tip('d1', TEXT));
    await engine.openCluster('obj-1', 'd1', ['d2']);
    await engine.process(tip('d3', TEXT));

    // Act
    await engine.openCluster('obj-1', 'd1', ['d2']);
    await engine.process(tip('d2', TEXT));

    // Assess
    expect(index.clusters.get(clusterKey('obj-1', 'd1'))?.count).toBe(2);
  });

  it('never attaches a tip to an indexed first tip that is gone, and repairs the entry', async () => {
    // Prepare: r1 was deleted without its index entries being removed (a lost cleanup).
    const index = new MemoryDedupeIndex();
    await new DedupeEngine(index).process(tip('r1', TEXT));
    const live = new Set<string>();
    const engine = new DedupeEngine(index, { isLiveRoot: async (tipId) => live.has(tipId) });

    // Act
    const later = await engine.process(tip('r2', TEXT));
    live.add('r2');
    const again = await engine.process(tip('r3', TEXT));

    // Assess
    expect(later).toMatchObject({ duplicateOf: null, reason: 'new' });
    expect(again).toMatchObject({ duplicateOf: 'r2' });
    expect(namesIn(index)).not.toContain('r1');
  });

  it('forgetting is idempotent and touches only the forgotten tip (property)', async () => {
    const words = ['towel', 'Bruges', 'Lyon', 'blue', 'hotel', 'market', 'kitchen', 'station', 'stripes', 'grandmother', 'Porto', 'cotton'];
    const text = fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 8 }).map((w) => `I saw this ${w.join(' ')} there.`);
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 2, maxLength: 8 }), fc.nat(), async (texts, pick) => {
        // Prepare
        const index = new MemoryDedupeIndex();
        const engine = new DedupeEngine(index);
        const decisions = [];
        for (const [i, t] of texts.entries()) decisions.push(await engine.process(tip(`t${i}`, t)));
        const roots = decisions.filter((d) => d.duplicateOf === null).map((d) => d.tipId);
        const gone = roots[pick % roots.length]!;
        const goneText = texts[Number(gone.slice(1))]!;
        // Act
        await engine.forget(tip(gone, goneText));
        const once = namesIn(index).sort();
        await engine.forget(tip(gone, goneText));
        // Assess
        expect(namesIn(index).sort()).toEqual(once);
        expect(once).not.toContain(gone);
        expect(new Set(once)).toEqual(new Set(roots.filter((r) => r !== gone)));
      }),
      { numRuns: 50 },
    );
  });
});

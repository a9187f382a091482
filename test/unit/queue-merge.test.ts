import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergePartitions, type PartitionRead } from '#shared/store/queue-merge.ts';

/**
 * An in-memory stand-in for the per-status Queries: each partition is a list
 * of sort keys, read descending, `limit` evaluated per Query, and a filter
 * that may drop entries after they are evaluated (as a FilterExpression does).
 */
function readPartition(keys: readonly string[], after: string | undefined, limit: number, keep: (key: string) => boolean): PartitionRead<string> {
  const descending = [...keys].sort().reverse().filter((key) => after === undefined || key < after);
  const evaluated = descending.slice(0, limit);
  const more = descending.length > limit;
  return { entries: evaluated.filter(keep).map((key) => ({ sortKey: key, entry: key })), last: more ? evaluated.at(-1) : undefined };
}

/** Pages through the partitions the way queueIndexPage does, one round per page. */
function allPages(partitions: Record<string, string[]>, limit: number, keep: (key: string) => boolean): { pages: string[][]; rounds: number } {
  const positions = new Map<string, string | false | undefined>(Object.keys(partitions).map((name) => [name, undefined]));
  const pages: string[][] = [];
  let rounds = 0;
  while ([...positions.values()].some((position) => position !== false) && rounds < 10_000) {
    rounds += 1;
    const reads = new Map<string, PartitionRead<string>>();
    for (const [name, position] of positions) {
      if (position === false) continue;
      reads.set(name, readPartition(partitions[name]!, position, limit, keep));
    }
    const merged = mergePartitions(reads, limit);
    pages.push(merged.taken.map((item) => item.entry));
    for (const [name, position] of merged.positions) positions.set(name, position);
  }
  return { pages, rounds };
}

describe('merging the status partitions of a queue', () => {
  it('yields every kept entry once, in descending order, whatever the partition sizes, page size and filter', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{6}$/), { maxLength: 120 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        (keys, partitionCount, limit, keepEvery) => {
          // Prepare: keys spread over the partitions; a filter keeping one key in `keepEvery`
          const partitions: Record<string, string[]> = Object.fromEntries(Array.from({ length: partitionCount }, (_, index) => [`p${index}`, [] as string[]]));
          keys.forEach((key, index) => partitions[`p${index % partitionCount}`]!.push(key));
          const keep = (key: string) => parseInt(key, 16) % keepEvery === 0;

          // Act
          const { pages } = allPages(partitions, limit, keep);

          // Assess
          const expected = keys.filter(keep).sort().reverse();
          expect(pages.flat()).toEqual(expected);
          expect(pages.every((page) => page.length <= limit)).toBe(true);
        },
      ),
    );
  });

  it('takes nothing below an unfinished partition\'s stopping point', () => {
    // Prepare: partition a stopped at "5" with more to read; b holds "4", which a's next read could outrank
    const reads = new Map<string, PartitionRead<string>>([
      ['a', { entries: [{ sortKey: '9', entry: '9' }, { sortKey: '5', entry: '5' }], last: '5' }],
      ['b', { entries: [{ sortKey: '7', entry: '7' }, { sortKey: '4', entry: '4' }], last: undefined }],
    ]);

    // Act
    const merged = mergePartitions(reads, 10);

    // Assess
    expect(merged.taken.map((item) => item.entry)).toEqual(['9', '7', '5']);
    expect(Object.fromEntries(merged.positions)).toEqual({ a: '5', b: '7' });
  });
});

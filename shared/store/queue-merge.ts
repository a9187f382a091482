/**
 * The merge behind a queue page that spans several status partitions
 * (shared/store/queue-page.ts), pure so it can be tested on its own.
 */

/** One partition's place: the sort key to resume after, `false` once read to its end; absent: from its start. */
export type Position = string | false;

/** What one partition's Query gave: entries in index order, and the sort key it stopped at when more follow. */
export interface PartitionRead<T> {
  readonly entries: readonly { readonly sortKey: string; readonly entry: T }[];
  readonly last: string | undefined;
}

/**
 * Merges partitions read in descending sort-key order into one page, and says
 * where each partition resumes. An entry is taken only if no partition that
 * has more to read could still hold a later-sorting one (it is at or above
 * every unfinished partition's stopping point), so the merged order is exact
 * even when a filter leaves a partition's Query short. A partition all of
 * whose entries were taken resumes from where its Query stopped; one none of
 * whose entries was taken is left out of `positions` (it resumes where it was).
 */
export function mergePartitions<K extends string, T>(
  reads: ReadonlyMap<K, PartitionRead<T>>,
  room: number,
): { taken: { partition: K; sortKey: string; entry: T }[]; positions: Map<K, Position> } {
  const bound = [...reads.values()].reduce<string | undefined>((max, read) => (read.last !== undefined && (max === undefined || read.last > max) ? read.last : max), undefined);
  const candidates = [...reads.entries()]
    .flatMap(([partition, read]) => read.entries.map((item) => ({ partition, ...item })))
    .filter((item) => bound === undefined || item.sortKey >= bound)
    .sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  const taken = candidates.slice(0, room);
  // Only the partitions that moved: one none of whose entries was taken resumes where it was.
  const positions = new Map<K, Position>();
  for (const [partition, read] of reads) {
    const mine = taken.filter((item) => item.partition === partition);
    if (mine.length === read.entries.length) positions.set(partition, read.last ?? false);
    else if (mine.length > 0) positions.set(partition, mine.at(-1)!.sortKey);
  }
  return { taken, positions };
}


import type { TriageStatusName } from './transitions.ts';

/**
 * What the Aggregates table counts, pure: a tip's contribution to the
 * counters in one state, and the difference between two states. The pipeline
 * adds a tip's contribution when its (conditional, once-only) classification
 * or duplicate record succeeds; triage adds the difference between the state
 * it read and the state it wrote, in the same request as its conditional
 * write. So a counter moves only when a conditional transition of the tip
 * itself succeeded, and an SQS redelivery, which finds the transition already
 * made, moves nothing (shared/store/aggregates.ts writes the deltas).
 *
 * Keys are unsharded here; the store spreads each write over shards.
 */

/** One counter item (before sharding) and the amounts to ADD to its attributes. */
export interface CounterDelta {
  readonly pk: string;
  readonly sk: string;
  readonly add: Readonly<Record<string, number>>;
}

/** Confidence sums are kept in ten-thousandths, as integers, so ADD never accumulates float error. */
export const CONFIDENCE_UNITS = 10_000;

/** Partition of the per-queue counters (the overview). Sort key: the queue. */
export const QUEUES_PK = 'queues';
/** Partition of an object's per-queue tallies. Sort key: the queue, or ALL_SK for the object's totals. */
export const objectPk = (objectId: string): string => `object#${objectId}`;
export const ALL_SK = '_all';

/** The counted state of a distinct (routed) tip. */
export interface CountedTip {
  readonly objectId: string;
  readonly queue: string;
  readonly status: TriageStatusName;
  /** null for a re-route to a country that was no candidate (reason "manual"). */
  readonly confidence: number | null;
  /** The tip and the duplicates counted to it: how many people said so. */
  readonly people: number;
}

const units = (confidence: number | null): number => Math.round((confidence ?? 0) * CONFIDENCE_UNITS);

/** A routed tip's contribution to the overview and to its object's tally. */
export function contribution(tip: CountedTip, sign: 1 | -1 = 1): CounterDelta[] {
  return [
    { pk: QUEUES_PK, sk: tip.queue, add: { total: sign, [`s_${tip.status}`]: sign } },
    {
      pk: objectPk(tip.objectId),
      sk: tip.queue,
      add: { tips: sign, people: sign * tip.people, confidenceSum: sign * units(tip.confidence), [`s_${tip.status}`]: sign },
    },
  ];
}

/** A tip just classified: its own contribution plus one distinct tip in its object's totals. */
export function classifiedDeltas(tip: CountedTip): CounterDelta[] {
  return [...contribution(tip), { pk: objectPk(tip.objectId), sk: ALL_SK, add: { distinct: 1 } }];
}

/**
 * A duplicate just recorded: one duplicate in its object's totals, and one
 * more person for its first tip's queue when that tip is already routed
 * (otherwise the first tip's classification counts it, see
 * recordClassification's `absorbedBeforeRouting`).
 */
export function duplicateDeltas(objectId: string, headQueue: string | null): CounterDelta[] {
  const deltas: CounterDelta[] = [{ pk: objectPk(objectId), sk: ALL_SK, add: { duplicates: 1 } }];
  if (headQueue !== null) deltas.push({ pk: objectPk(objectId), sk: headQueue, add: { people: 1 } });
  return deltas;
}

/**
 * A cluster's first tip that expired (retention): its contribution leaves its
 * queue and its object's tally, and the object has one distinct tip less.
 * `tip.people` is the tip and the duplicates counted to it.
 */
export function expiredDeltas(tip: CountedTip): CounterDelta[] {
  return mergeDeltas([...contribution(tip, -1), { pk: objectPk(tip.objectId), sk: ALL_SK, add: { distinct: -1 } }]);
}

/**
 * A duplicate promoted to first tip after its cluster's first tip expired,
 * just classified: it joins its queue as a distinct tip carrying the other
 * duplicates (`tip.people`), and the object has one duplicate less. With
 * expiredDeltas the object's people drop by exactly one: the expired tip.
 */
export function promotedDeltas(tip: CountedTip): CounterDelta[] {
  return mergeDeltas([...classifiedDeltas(tip), { pk: objectPk(tip.objectId), sk: ALL_SK, add: { duplicates: -1 } }]);
}

/** What a triage change does to the counters: the new state's contribution minus the old one's. */
export function changeDeltas(before: CountedTip, after: CountedTip): CounterDelta[] {
  return mergeDeltas([...contribution(before, -1), ...contribution(after)]);
}

/** Sums deltas per item and drops the attributes (and items) that net to zero: one write per item. */
export function mergeDeltas(deltas: readonly CounterDelta[]): CounterDelta[] {
  const merged = new Map<string, { pk: string; sk: string; add: Record<string, number> }>();
  for (const delta of deltas) {
    const key = `${delta.pk}\u0000${delta.sk}`;
    const entry = merged.get(key) ?? { pk: delta.pk, sk: delta.sk, add: {} };
    for (const [name, amount] of Object.entries(delta.add)) entry.add[name] = (entry.add[name] ?? 0) + amount;
    merged.set(key, entry);
  }
  return [...merged.values()]
    .map((entry) => ({ ...entry, add: Object.fromEntries(Object.entries(entry.add).filter(([, amount]) => amount !== 0)) }))
    .filter((entry) => Object.keys(entry.add).length > 0);
}

/** Counters as read back: the sum of an item's shards. */
export type CounterItem = Readonly<Record<string, number>>;

/** The status counts of a counter item (`s_<status>` attributes), zero-filled for every status. */
export function statusCounts(item: CounterItem, statuses: readonly TriageStatusName[]): Record<TriageStatusName, number> {
  return Object.fromEntries(statuses.map((status) => [status, item[`s_${status}`] ?? 0])) as Record<TriageStatusName, number>;
}

import { randomInt } from 'node:crypto';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { changeDeltas, mergeDeltas, objectPk, QUEUES_PK, type CountedTip, type CounterDelta, type CounterItem } from '../tips/counters.ts';
import { parseStored, StoredCounter, type StoredTip } from '../schemas/stored.ts';
import { documents } from './clients/dynamo.ts';
import { strongestInQueue } from './tips.ts';
import { isConditionalCheckFailed } from './conditions.ts';

const TABLE = tableName('aggregates');

/**
 * Every counter item is split over this many partition keys (`<pk>#<shard>`,
 * shared/DESIGN.md), and each write goes to a random shard: counters only
 * ever ADD, so any shard may take any delta, and a flood on one object or
 * queue spreads over 8 items (a few hundred writes a second each at most).
 * A read sums the shards: 8 Queries, however many tips there are.
 */
export const COUNTER_SHARDS = 8;

const shardKey = (pk: string, shard: number): string => `${pk}#${shard}`;

/**
 * ADDs the deltas, merged first so each counter item takes one write per
 * call (per SQS batch in the pipeline). Callers pass only deltas of
 * transitions whose conditional write just succeeded, so a redelivered
 * message, which finds its transition made, adds nothing.
 */
export async function addCounters(deltas: readonly CounterDelta[]): Promise<void> {
  await Promise.all(
    mergeDeltas(deltas).map((delta) => {
      const names: Record<string, string> = {};
      const values: Record<string, number> = {};
      const terms = Object.entries(delta.add).map(([name, amount], index) => {
        names[`#a${index}`] = name;
        values[`:a${index}`] = amount;
        return `#a${index} :a${index}`;
      });
      return documents.send(
        new UpdateCommand({
          TableName: TABLE,
          Key: { pk: shardKey(delta.pk, randomInt(COUNTER_SHARDS)), sk: delta.sk },
          UpdateExpression: `ADD ${terms.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    }),
  );
}

/**
 * Raises the highest confidence seen for an object in a queue, and the tip
 * holding it, only if higher (kept on shard 0, so the summary's read finds
 * it). A re-route out of the queue leaves it: it is the strongest tip ever
 * routed there.
 */
export async function raiseStrongest(objectId: string, queue: string, tipId: string, confidence: number): Promise<void> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { pk: shardKey(objectPk(objectId), 0), sk: queue },
        UpdateExpression: 'SET maxConfidence = :c, strongestTipId = :t',
        ConditionExpression: 'attribute_not_exists(maxConfidence) OR maxConfidence < :c',
        ExpressionAttributeValues: { ':c': confidence, ':t': tipId },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/**
 * A tip left `queue` (re-routed, or expired): if it was the object's strongest
 * tip there, the next strongest still in the queue takes its place (or the
 * entry is cleared when none is left). Clearing is conditional on naming the
 * leaving tip, and raising only ever goes up, so a concurrent classification
 * into the queue is never overwritten with a weaker tip.
 */
export async function replaceStrongest(objectId: string, queue: string, leavingTipId: string): Promise<void> {
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { pk: shardKey(objectPk(objectId), 0), sk: queue },
        UpdateExpression: 'REMOVE maxConfidence, strongestTipId',
        ConditionExpression: 'strongestTipId = :t',
        ExpressionAttributeValues: { ':t': leavingTipId },
      }),
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) return;
    throw error;
  }
  const next = await strongestInQueue(queue, objectId, leavingTipId);
  if (next !== undefined) await raiseStrongest(objectId, queue, next.tipId, next.confidence);
}

/**
 * Marks an expired tip's counters as taken out, once: the first delivery of
 * the expiry (`first: true`) subtracts, a redelivery or a retry after a later
 * step failed finds the marker and does not. The marker also keeps how many
 * other duplicates the promoted successor carries, as the first attempt saw
 * them (a retry sees some already re-pointed). One small item per expired
 * first tip (`expired#<tipId>`), never read by the overview.
 */
export async function markExpiryCounted(tipId: string, carried: number): Promise<{ first: boolean; carried: number }> {
  const { Attributes } = await documents.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: { pk: `expired#${tipId}`, sk: 'counted' },
      UpdateExpression: 'SET carried = if_not_exists(carried, :c) ADD attempts :one',
      ExpressionAttributeValues: { ':c': carried, ':one': 1 },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return { first: Attributes?.attempts === 1, carried: typeof Attributes?.carried === 'number' ? Attributes.carried : carried };
}

export interface SummedItem {
  readonly counts: CounterItem;
  readonly maxConfidence?: number;
  readonly strongestTipId?: string;
}

/** Every counter item of a partition, its shards summed: one Query per shard (a page holds ~250 small items). */
async function readPartition(pk: string): Promise<Map<string, SummedItem>> {
  const shards = await Promise.all(
    Array.from({ length: COUNTER_SHARDS }, async (_, shard) => {
      const items: StoredCounter[] = [];
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(
          new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': shardKey(pk, shard) }, ExclusiveStartKey: startKey }),
        );
        for (const item of page.Items ?? []) items.push(parseStored(StoredCounter, item, 'counter'));
        startKey = page.LastEvaluatedKey;
      } while (startKey !== undefined);
      return items;
    }),
  );
  const summed = new Map<string, { counts: Record<string, number>; maxConfidence?: number; strongestTipId?: string }>();
  for (const item of shards.flat()) {
    const sk = item.sk;
    const entry = summed.get(sk) ?? { counts: {} };
    for (const [name, value] of Object.entries(item)) {
      if (name === 'pk' || name === 'sk' || name === 'maxConfidence' || typeof value !== 'number') continue;
      entry.counts[name] = (entry.counts[name] ?? 0) + value;
    }
    if (typeof item.maxConfidence === 'number') entry.maxConfidence = item.maxConfidence;
    if (typeof item.strongestTipId === 'string') entry.strongestTipId = item.strongestTipId;
    summed.set(sk, entry);
  }
  return summed;
}

/** Per-queue counters (the overview), keyed by queue. */
export const queueCounters = (): Promise<Map<string, SummedItem>> => readPartition(QUEUES_PK);

/** An object's per-queue tallies and its totals (`_all`), keyed by queue. */
export const objectCounters = (objectId: string): Promise<Map<string, SummedItem>> => readPartition(objectPk(objectId));

/** A stored tip as the counters see it; undefined for a tip that is not counted per queue (a duplicate, or not routed yet). */
export function countedTip(item: Pick<StoredTip, 'objectId' | 'queue' | 'duplicateOf' | 'status' | 'confidence'>, people: number): CountedTip | undefined {
  if (item.queue === undefined || typeof item.duplicateOf === 'string') return undefined;
  return { objectId: item.objectId, queue: item.queue, status: item.status, confidence: item.confidence ?? null, people };
}

/**
 * Counts a triage change (status, re-route) from the item read and the item
 * written by its conditional update. A re-route also moves the strongest-tip
 * entry: the tip competes in its new queue with its new confidence (0 when it
 * was no candidate there), and the old queue's entry passes to its next tip.
 */
export async function countTriageChange(before: StoredTip, after: StoredTip, people: number): Promise<void> {
  const from = countedTip(before, people);
  const to = countedTip(after, people);
  if (from === undefined || to === undefined) return;
  await addCounters(changeDeltas(from, to));
  if (from.queue !== to.queue) {
    const tipId = String(after.tipId);
    await raiseStrongest(to.objectId, to.queue, tipId, to.confidence ?? 0);
    await replaceStrongest(from.objectId, from.queue, tipId);
  }
}

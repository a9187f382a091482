import '../schemas/zod-config.ts';
import * as z from 'zod/mini';
import { BatchWriteCommand, QueryCommand, UpdateCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { limits } from '../resources.ts';
import { parseStored, StoredTrailEntry, type AuditEntry, type StoredTip, type TrailEntry } from '../schemas/stored.ts';
import { documents } from './clients/dynamo.ts';
import { isConditionalCheckFailed } from './conditions.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

const AUDIT = tableName('audit');
const TIPS = tableName('tips');

export type { TrailEntry } from '../schemas/stored.ts';

/** The tip item's inline history: its latest entries. */
export const inlineHistory = (item: Pick<StoredTip, 'history'>): AuditEntry[] => item.history ?? [];

/** How many of the tip's first entries live in the Audit table; the inline ones follow them. */
export const archivedCount = (item: Pick<StoredTip, 'historyArchived'>): number => item.historyArchived ?? 0;

const BATCH_WRITE_LIMIT = 25;

type WriteRequest = NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string][number];

/** Sends Audit-table writes in BatchWriteItem calls of 25, retrying what DynamoDB leaves unprocessed. */
async function batchWrite(writes: readonly WriteRequest[]): Promise<void> {
  for (let offset = 0; offset < writes.length; offset += BATCH_WRITE_LIMIT) {
    let requests: BatchWriteCommandOutput['UnprocessedItems'] = { [AUDIT]: writes.slice(offset, offset + BATCH_WRITE_LIMIT) };
    for (let attempt = 0; (requests?.[AUDIT]?.length ?? 0) > 0; attempt += 1) {
      if (attempt > 8) throw new Error('DynamoDB left audit writes unprocessed after 9 attempts');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt) * Math.random()));
      const response: BatchWriteCommandOutput = await documents.send(new BatchWriteCommand({ RequestItems: requests }));
      requests = response.UnprocessedItems;
    }
  }
}

const putEntries = (tipId: string, entries: readonly TrailEntry[]): Promise<void> =>
  batchWrite(entries.map((entry) => ({ PutRequest: { Item: { tipId, ...entry } } })));

/**
 * Once a tip's inline history has reached `historyRollAt` entries, moves all
 * but the newest `historyKeptInline` into the Audit table. There are no
 * transactions (and dynalite has none), so the order is what keeps the trail
 * whole: the entries are written first, then the tip item is trimmed on
 * condition that it is still the version (and roll) that was read.
 *  - Writing is idempotent: an entry's key is its position in the trail, and
 *    the entry at a position never changes (entries are only appended, and
 *    only the oldest are ever moved), so a retry or a concurrent roll writes
 *    the same items again.
 *  - A trim that loses a race changes nothing; the next change rolls again.
 *  - The trim does not bump `version`: the trail is the same, only stored
 *    elsewhere, so an investigator's If-Match stays valid.
 * A crash between the two steps leaves entries in both places, and the tip
 * item (whose `historyArchived` did not move) still says which copy counts.
 */
export async function rollHistory(item: StoredTip): Promise<void> {
  const history = inlineHistory(item);
  if (history.length < limits.historyRollAt || typeof item.version !== 'number') return;
  const archived = archivedCount(item);
  const moving = history.length - limits.historyKeptInline;
  await putEntries(
    item.tipId,
    history.slice(0, moving).map((entry, index) => ({ ...entry, seq: archived + index })),
  );
  try {
    await documents.send(
      new UpdateCommand({
        TableName: TIPS,
        Key: { tipId: item.tipId },
        UpdateExpression: 'SET history = :kept, historyArchived = :archived',
        ConditionExpression: `version = :version AND ${archived === 0 ? 'attribute_not_exists(historyArchived)' : 'historyArchived = :before'}`,
        ExpressionAttributeValues: {
          ':kept': history.slice(moving),
          ':archived': archived + moving,
          ':version': item.version,
          ...(archived === 0 ? {} : { ':before': archived }),
        },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/** The only cursor a trail page hands out: the position of the last entry it returned. */
const TrailCursor = z.strictObject({ seq: z.number().check(z.int(), z.gte(0)) });

export interface TrailPage {
  readonly items: TrailEntry[];
  readonly nextCursor: string | null;
}

/**
 * A page of a tip's whole trail, oldest first: the archived entries from the
 * Audit table, then the inline ones. `item` is one consistent read of the tip,
 * so the split between the two is exact: every position below its
 * `historyArchived` was written to the Audit table before the trim that
 * moved it.
 */
export async function trailPage(item: StoredTip, query: { limit: number; cursor?: string | undefined }): Promise<TrailPage> {
  const archived = archivedCount(item);
  const inline = inlineHistory(item);
  const total = archived + inline.length;
  const first = (decodeCursor(query.cursor, TrailCursor)?.seq ?? -1) + 1;
  const items: TrailEntry[] = [];
  let startKey: Record<string, unknown> | undefined;
  while (first < archived && items.length < query.limit) {
    const page = await documents.send(
      new QueryCommand({
        TableName: AUDIT,
        KeyConditionExpression: 'tipId = :tipId AND seq BETWEEN :first AND :last',
        ExpressionAttributeValues: { ':tipId': item.tipId, ':first': first, ':last': archived - 1 },
        Limit: query.limit - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const row of page.Items ?? []) {
      const { tipId: _tipId, ...entry } = parseStored(StoredTrailEntry, row, 'audit entry');
      items.push(entry);
    }
    startKey = page.LastEvaluatedKey;
    if (startKey === undefined) break;
  }
  for (let index = Math.max(0, first - archived); index < inline.length && items.length < query.limit; index += 1) {
    items.push({ ...inline[index]!, seq: archived + index });
  }
  const last = items.at(-1)?.seq;
  return { items, nextCursor: last !== undefined && last < total - 1 ? encodeCursor({ seq: last }) : null };
}

/**
 * Deletes a tip's rolled-out audit rows, when the tip itself has expired: the
 * trail shares the tip's retention. Deleting a missing row succeeds, so a
 * retried expiry deletes what is left.
 */
export async function deleteTrail(tipId: string): Promise<number> {
  let deleted = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documents.send(
      new QueryCommand({
        TableName: AUDIT,
        KeyConditionExpression: 'tipId = :t',
        ExpressionAttributeValues: { ':t': tipId },
        ProjectionExpression: 'tipId, seq',
        ExclusiveStartKey: start,
      }),
    );
    const keys = (page.Items ?? []).map((item) => ({ tipId, seq: item.seq as number }));
    await batchWrite(keys.map((Key) => ({ DeleteRequest: { Key } })));
    deleted += keys.length;
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return deleted;
}

import '../schemas/zod-config.ts';
import * as z from 'zod/mini';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { tables } from '../resources.ts';
import { TIP_ID_SOURCE } from '../schemas/common.ts';
import { parseStored, QueueIndexEntry } from '../schemas/stored.ts';
import { TRIAGE_STATUSES, type TriageStatusName } from '../tips/transitions.ts';
import { documents } from './clients/dynamo.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { mergePartitions, type PartitionRead, type Position } from './queue-merge.ts';
import { confidenceKey, queueObjectStatusKey, queueStatusKey } from './queue-keys.ts';

/**
 * Queue pages served from index keys, never from filter expressions on
 * status or object (shared/store/README.md):
 *  - `queueStatus` = `<queue>#<status>` keys byQueueStatusTime and
 *    byQueueStatusConfidence: a `status=` page reads one partition;
 *  - `queueObjectStatus` = `<queue>#<objectId>#<status>` keys the byQueueObject
 *    indexes: an `objectId=` page reads only that object's tips.
 * A page without a status merges its five status partitions, newest (or most
 * confident) first: at most one Query of `limit` entries per partition per
 * round, so the reads of a page do not grow with the tips a queue holds.
 */

const TABLE = tableName('tips');
const index = (name: string) => {
  const found = tables.tips.globalSecondaryIndexes.find((candidate) => candidate.indexName === name);
  if (found === undefined || !('sortKey' in found)) throw new Error(`The Tips table has no sorted index ${name} (shared/resources.ts)`);
  return found;
};
const INDEXES = {
  status: { time: index('byQueueStatusTime'), confidence: index('byQueueStatusConfidence') },
  object: { time: index('byQueueObjectTime'), confidence: index('byQueueObjectConfidence') },
} as const;

/** The sort keys as recordClassification writes them: `<submittedAt>#<tipId>` and confidenceKey's. */
const TIME_KEY = new RegExp(`^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,3})?Z#(${TIP_ID_SOURCE})$`);
const CONFIDENCE_KEY = new RegExp(`^\\d{5}#(${TIP_ID_SOURCE})$`);

export interface QueuePageQuery {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly sort?: 'time' | 'confidence';
  readonly status?: TriageStatusName | undefined;
  readonly objectId?: string | undefined;
  readonly minConfidence?: number | undefined;
}

/**
 * The cursor names, per status partition of this query, where to resume. Its
 * partitions come from the query itself, so a cursor cannot reach another
 * queue, object or status: anything but the positions this query could have
 * handed out is a 400 naming `cursor`.
 */
function cursorSchema(statuses: readonly TriageStatusName[], sortKey: RegExp, minKey: string | undefined) {
  const position = z.union([
    z.literal(false),
    z.string().check(
      z.regex(sortKey),
      z.refine((value) => minKey === undefined || value >= minKey),
    ),
  ]);
  return z.strictObject(Object.fromEntries(statuses.map((status) => [status, z.optional(position)])) as Record<TriageStatusName, z.ZodMiniOptional<typeof position>>);
}

/** Rounds of Queries one request may make (a round reads every unfinished partition once). */
const MAX_ROUNDS = 10;

/**
 * One page of a queue's index entries. `minConfidence` is a key condition
 * when sorting by confidence; sorted by time it stays a filter on the
 * projected confidence (then a page may hold fewer than `limit` entries
 * though more follow, and `nextCursor` says so).
 */
export async function queueIndexPage(queue: string, query: QueuePageQuery): Promise<{ entries: QueueIndexEntry[]; nextCursor: string | null }> {
  const sort = query.sort ?? 'time';
  const family = query.objectId === undefined ? INDEXES.status : INDEXES.object;
  const indexDef = family[sort];
  const partitionAttribute = indexDef.partitionKey.name;
  const sortAttribute = indexDef.sortKey.name;
  const sortKeyShape = sort === 'confidence' ? CONFIDENCE_KEY : TIME_KEY;
  const minKey = sort === 'confidence' && query.minConfidence !== undefined ? confidenceKey(query.minConfidence, '') : undefined;
  const statuses: readonly TriageStatusName[] = query.status === undefined ? TRIAGE_STATUSES : [query.status];
  const partitionOf = (status: TriageStatusName): string =>
    query.objectId === undefined ? queueStatusKey(queue, status) : queueObjectStatusKey(queue, query.objectId, status);

  const positions = new Map<TriageStatusName, Position | undefined>(Object.entries(decodeCursor(query.cursor, cursorSchema(statuses, sortKeyShape, minKey)) ?? {}) as [TriageStatusName, Position][]);
  for (const status of statuses) if (!positions.has(status)) positions.set(status, undefined);

  const entries: QueueIndexEntry[] = [];
  for (let round = 0; round < MAX_ROUNDS && entries.length < query.limit; round += 1) {
    const active = statuses.filter((status) => positions.get(status) !== false);
    if (active.length === 0) break;
    const room = query.limit - entries.length;
    const reads = new Map<TriageStatusName, PartitionRead<QueueIndexEntry>>(
      await Promise.all(
        active.map(async (status): Promise<[TriageStatusName, PartitionRead<QueueIndexEntry>]> => {
          const after = positions.get(status);
          const values: Record<string, unknown> = { ':p': partitionOf(status) };
          let keyCondition = `${partitionAttribute} = :p`;
          let filter: string | undefined;
          if (minKey !== undefined) {
            keyCondition += ` AND ${sortAttribute} >= :minKey`;
            values[':minKey'] = minKey;
          } else if (query.minConfidence !== undefined) {
            filter = 'confidence >= :minConfidence';
            values[':minConfidence'] = query.minConfidence;
          }
          const page = await documents.send(
            new QueryCommand({
              TableName: TABLE,
              IndexName: indexDef.indexName,
              KeyConditionExpression: keyCondition,
              ...(filter === undefined ? {} : { FilterExpression: filter }),
              ExpressionAttributeValues: values,
              ScanIndexForward: false,
              Limit: room,
              ...(typeof after === 'string'
                ? { ExclusiveStartKey: { tipId: sortKeyShape.exec(after)![1], [partitionAttribute]: partitionOf(status), [sortAttribute]: after } }
                : {}),
            }),
          );
          const last = page.LastEvaluatedKey?.[sortAttribute];
          return [
            status,
            {
              entries: (page.Items ?? []).map((item) => ({ sortKey: String(item[sortAttribute]), entry: parseStored(QueueIndexEntry, item, 'queue index entry') })),
              last: typeof last === 'string' ? last : undefined,
            },
          ];
        }),
      ),
    );
    const merged = mergePartitions(reads, room);
    entries.push(...merged.taken.map((item) => item.entry));
    for (const [status, position] of merged.positions) positions.set(status, position);
  }
  const open = [...positions.entries()].filter(([, position]) => position !== false);
  const nextCursor =
    open.length === 0 ? null : encodeCursor(Object.fromEntries([...positions.entries()].filter(([, position]) => position !== undefined)) as Record<string, Position>);
  return { entries, nextCursor };
}

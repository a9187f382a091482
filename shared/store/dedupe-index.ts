/**
 * DynamoDB implementation of the dedupe index port (shared/dedupe/port.ts)
 * over the `tables.dedupe` table (partition key `pk` only).
 *
 * Items (all < 1 KB, so every write is 1 WCU and every eventually
 * consistent read 0.5 RCU):
 *   bucket   pk `<objectId>#S…` / `#L…` / `#X…`  { v: version, e: [fingerprint…], f: full }
 *   counter  pk `<objectId>#C#<clusterId>`        { n: duplicates counted, r: ring of member hashes }
 *
 * Single-item conditional writes only (no transactions): a bucket is written
 * with `attribute_not_exists(pk)` or `v = :expected`, a counter with
 * `attribute_not_exists(pk)` or `n = :expected`. A lost race returns false
 * and the engine re-reads (strongly consistent) and decides again, so of two
 * tips racing for the same bucket one wins and the other becomes its duplicate.
 * A counter is deleted (unconditionally, so a retry is harmless) only when
 * its cluster's first tip expires (shared/tips/expire.ts).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DeleteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { BucketState, ClusterState, DedupeIndexPort, IndexStats } from '#shared/dedupe/port.ts';
import { emptyStats } from '#shared/dedupe/port.ts';

export interface DynamoDedupeIndexOptions {
  /** Table name (the Lambda passes process.env.DEDUPE_TABLE). */
  readonly tableName: string;
  /** A DynamoDBClient or DocumentClient created once at module scope. */
  readonly client: DynamoDBClient | DynamoDBDocumentClient;
  /** Retries of UnprocessedKeys in a BatchGetItem (throttling). */
  readonly maxBatchRetries?: number;
}

type Item = Record<string, unknown>;

const BATCH_GET_LIMIT = 100;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function isConditionFailure(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}

export class DynamoDedupeIndex implements DedupeIndexPort {
  readonly #doc: DynamoDBDocumentClient;
  readonly #table: string;
  readonly #maxBatchRetries: number;
  /** Same counts as MemoryDedupeIndex.stats (requests, items, conditional failures). */
  readonly stats: IndexStats = emptyStats();

  constructor(options: DynamoDedupeIndexOptions) {
    if (!options.tableName) throw new Error('DynamoDedupeIndex: tableName is required (env DEDUPE_TABLE)');
    this.#table = options.tableName;
    this.#doc =
      options.client instanceof DynamoDBDocumentClient
        ? options.client
        : DynamoDBDocumentClient.from(options.client, { marshallOptions: { removeUndefinedValues: true } });
    this.#maxBatchRetries = options.maxBatchRetries ?? 8;
  }

  async getBuckets(keys: readonly string[], consistent: boolean): Promise<ReadonlyMap<string, BucketState>> {
    const items = await this.#batchGet(keys, consistent, 'pk, v, e, f');
    const out = new Map<string, BucketState>();
    for (const it of items) {
      out.set(String(it['pk']), {
        version: Number(it['v'] ?? 0),
        entries: Array.isArray(it['e']) ? (it['e'] as unknown[]).map(String) : [],
        full: it['f'] === true,
      });
    }
    return out;
  }

  async putBucket(key: string, next: BucketState, expectedVersion: number): Promise<boolean> {
    return this.#put(
      { pk: key, v: next.version, e: [...next.entries], f: next.full },
      expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'v = :expected',
      expectedVersion === 0 ? undefined : expectedVersion,
    );
  }

  async getClusters(keys: readonly string[], consistent: boolean): Promise<ReadonlyMap<string, ClusterState>> {
    const items = await this.#batchGet(keys, consistent, 'pk, n, r');
    const out = new Map<string, ClusterState>();
    for (const it of items) out.set(String(it['pk']), { count: Number(it['n'] ?? 0), ring: String(it['r'] ?? '') });
    return out;
  }

  async putCluster(key: string, next: ClusterState, expectedCount: number | null): Promise<boolean> {
    return this.#put(
      { pk: key, n: next.count, r: next.ring },
      expectedCount === null ? 'attribute_not_exists(pk)' : 'n = :expected',
      expectedCount === null ? undefined : expectedCount,
    );
  }

  async deleteCluster(key: string): Promise<void> {
    this.stats.writeRequests++;
    await this.#doc.send(new DeleteCommand({ TableName: this.#table, Key: { pk: key } }));
  }

  async #put(item: Item, condition: string, expected: number | undefined): Promise<boolean> {
    this.stats.writeRequests++;
    try {
      await this.#doc.send(
        new PutCommand({
          TableName: this.#table,
          Item: item,
          ConditionExpression: condition,
          ...(expected === undefined ? {} : { ExpressionAttributeValues: { ':expected': expected } }),
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) {
        this.stats.conditionFailures++;
        return false;
      }
      throw err;
    }
  }

  async #batchGet(keys: readonly string[], consistent: boolean, projection: string): Promise<Item[]> {
    const unique = [...new Set(keys)];
    const out: Item[] = [];
    for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
      let pending: Record<string, unknown>[] = unique.slice(i, i + BATCH_GET_LIMIT).map((pk) => ({ pk }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > this.#maxBatchRetries) throw new Error('DynamoDedupeIndex: BatchGetItem kept returning UnprocessedKeys');
        if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
        this.stats.readRequests++;
        this.stats.itemsRead += pending.length;
        const res = await this.#doc.send(
          new BatchGetCommand({
            RequestItems: {
              [this.#table]: {
                Keys: pending,
                ConsistentRead: consistent,
                ProjectionExpression: projection.replace(/\b(pk|v|e|f|n|r)\b/g, '#$1'),
                ExpressionAttributeNames: Object.fromEntries(
                  projection.split(', ').map((a) => [`#${a}`, a]),
                ),
              },
            },
          }),
        );
        out.push(...((res.Responses?.[this.#table] ?? []) as Item[]));
        pending = (res.UnprocessedKeys?.[this.#table]?.Keys ?? []) as Record<string, unknown>[];
      }
    }
    return out;
  }
}

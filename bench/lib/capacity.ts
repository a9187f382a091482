/**
 * Request and capacity metering for the cost bench.
 *
 * DynamoDB: a `build`-step middleware on the shared client of
 * shared/store/clients/dynamo.ts (the document client shares its stack). It sees each
 * logical call once (retries happen later, in finalizeRequest), adds
 * `ReturnConsumedCapacity: INDEXES` to the serialized request, and reads the
 * emulator's answer. dynalite reports table units for reads and writes but
 * nothing for GSIs and nothing for a failed conditional write, so writes are
 * also computed here from the item images before and after the call (fetched
 * with a separate, unmetered client) with DynamoDB's rules:
 *  - a write costs max(old, new) item size in 1 KB units, at least 1; a
 *    failed conditional write still costs the existing item's size, at least 1;
 *  - each GSI costs nothing if the item is in it neither before nor after or
 *    no projected attribute changed; one write of the entry's size when the
 *    item enters, leaves or changes a projected attribute; two when an index
 *    key changes; an entry is its table and index keys + projected attributes
 *    + 100 bytes.
 * Reads: dynalite's units (4 KB, 0.5 for eventually consistent). BatchWriteItem:
 * dynalite's reported units, counted as writes (until 2026-12-03 they were
 * wrongly added to reads, so SearchIndex writes were priced as reads).
 *
 * SQS and S3: every request of every client in the process is counted by
 * wrapping `send` on the client classes (the local pollers have their own
 * clients, like Lambda's event source mapping); SQS bills each 64 KB of a
 * request's payload as one request.
 */
import { DynamoDBClient, GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { TableDef } from '#shared/resources.ts';

type Item = Record<string, AttributeValue>;

// ---- DynamoDB item sizes (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html) ----
const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

function numberSize(n: string): number {
  const digits = n.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

export function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return utf8(v.S);
  if (v.N !== undefined) return numberSize(v.N);
  if (v.B !== undefined) return v.B.length;
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS !== undefined) return v.SS.reduce((a, s) => a + utf8(s), 0);
  if (v.NS !== undefined) return v.NS.reduce((a, s) => a + numberSize(s), 0);
  if (v.BS !== undefined) return v.BS.reduce((a, b) => a + b.length, 0);
  if (v.L !== undefined) return 3 + v.L.reduce((a, e) => a + 1 + valueSize(e), 0);
  if (v.M !== undefined) return 3 + Object.entries(v.M).reduce((a, [k, e]) => a + 1 + utf8(k) + valueSize(e), 0);
  return 0;
}

export function itemSize(item: Item, only?: ReadonlySet<string>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) if (only === undefined || only.has(name)) size += utf8(name) + valueSize(value);
  return size;
}

export interface TableCounters {
  requests: Record<string, number>;
  /** Read units reported by the emulator. */
  rcu: number;
  /** Write units computed from item images (table only). */
  wcu: number;
  /** Write units the emulator reported for the table (successful writes only): a cross-check. */
  wcuReported: number;
  /** Write units per GSI, computed. */
  gsiWcu: Record<string, number>;
  conditionalFailures: number;
  maxItemBytes: number;
}

export interface Meter {
  readonly dynamo: Record<string, TableCounters>;
  readonly sqs: Record<string, number>;
  /** SQS billed requests (64 KB chunks). */
  sqsBilled: number;
  sqsEmptyReceives: number;
  sqsMessagesReceived: number;
  sqsMessagesSent: number;
  /** Messages sent, by queue URL. */
  readonly sentByQueue: Record<string, number>;
  readonly s3: Record<string, number>;
  enabled: boolean;
}

export function newMeter(): Meter {
  return { dynamo: {}, sqs: {}, sqsBilled: 0, sqsEmptyReceives: 0, sqsMessagesReceived: 0, sqsMessagesSent: 0, sentByQueue: {}, s3: {}, enabled: true };
}

const counters = (meter: Meter, table: string): TableCounters =>
  (meter.dynamo[table] ??= { requests: {}, rcu: 0, wcu: 0, wcuReported: 0, gsiWcu: {}, conditionalFailures: 0, maxItemBytes: 0 });

const WRITE_OPS = new Set(['PutItem', 'UpdateItem', 'DeleteItem']);
const same = (a: AttributeValue | undefined, b: AttributeValue | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

function gsiWrites(def: TableDef, before: Item | undefined, after: Item | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  const tableKeys = [def.partitionKey.name, ...(def.sortKey === undefined ? [] : [def.sortKey.name])];
  for (const index of def.globalSecondaryIndexes) {
    const indexKeys = [index.partitionKey.name, ...(index.sortKey === undefined ? [] : [index.sortKey.name])];
    const inIndex = (item: Item | undefined): boolean => item !== undefined && indexKeys.every((k) => item[k] !== undefined);
    const projected = index.projection === undefined ? undefined : new Set([...tableKeys, ...indexKeys, ...index.projection]);
    const entryUnits = (item: Item): number => Math.ceil((itemSize(item, projected) + 100) / 1024);
    const wasIn = inIndex(before);
    const isIn = inIndex(after);
    let units = 0;
    if (!wasIn && isIn) units = entryUnits(after!);
    else if (wasIn && !isIn) units = entryUnits(before!);
    else if (wasIn && isIn) {
      if (!indexKeys.every((k) => same(before![k], after![k]))) units = entryUnits(before!) + entryUnits(after!);
      else {
        const names = new Set([...Object.keys(before!), ...Object.keys(after!)]);
        const changed = [...names].some((n) => (projected === undefined || projected.has(n)) && !same(before![n], after![n]));
        if (changed) units = entryUnits(after!);
      }
    }
    if (units > 0) out[index.indexName] = units;
  }
  return out;
}

interface SerializedRequest {
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * Meters every call of `client` (and of document clients built on it).
 * `tableDefs` maps a physical table name to its definition; `endpoint` is the
 * emulator the item images are read from.
 */
export function meterDynamo(meter: Meter, client: DynamoDBClient, tableDefs: ReadonlyMap<string, TableDef>, endpoint: string): () => void {
  const images = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const keyOf = (def: TableDef, item: Item): Item => {
    const key: Item = { [def.partitionKey.name]: item[def.partitionKey.name]! };
    if (def.sortKey !== undefined) key[def.sortKey.name] = item[def.sortKey.name]!;
    return key;
  };
  const image = async (table: string, key: Item): Promise<Item | undefined> =>
    (await images.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }))).Item;

  const name = 'tiplineCapacityMeter';
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = (args as { request?: SerializedRequest }).request;
      const target = request?.headers['x-amz-target'];
      if (!meter.enabled || request === undefined || target === undefined) return next(args);
      const body = typeof request.body === 'string' ? request.body : request.body instanceof Uint8Array ? new TextDecoder().decode(request.body) : undefined;
      if (body === undefined) return next(args);
      const op = target.split('.').pop()!;
      const input = JSON.parse(body) as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'INDEXES';
      const json = JSON.stringify(input);
      request.body = typeof request.body === 'string' ? json : new TextEncoder().encode(json);
      const table = input.TableName as string | undefined;
      const def = table === undefined ? undefined : tableDefs.get(table);
      let key: Item | undefined;
      let before: Item | undefined;
      if (WRITE_OPS.has(op) && table !== undefined && def !== undefined) {
        key = op === 'PutItem' ? keyOf(def, input.Item as Item) : (input.Key as Item);
        before = await image(table, key);
      }
      const count = (t: string): TableCounters => {
        const c = counters(meter, t);
        c.requests[op] = (c.requests[op] ?? 0) + 1;
        return c;
      };
      try {
        const result = await next(args);
        const output = result.output as { ConsumedCapacity?: unknown };
        const consumed = (Array.isArray(output.ConsumedCapacity) ? output.ConsumedCapacity : [output.ConsumedCapacity]).filter(
          (c): c is { TableName: string; CapacityUnits?: number } => c !== undefined && c !== null,
        );
        if (WRITE_OPS.has(op) && table !== undefined && def !== undefined && key !== undefined) {
          const after = await image(table, key);
          const c = count(table);
          const size = Math.max(before === undefined ? 0 : itemSize(before), after === undefined ? 0 : itemSize(after));
          c.maxItemBytes = Math.max(c.maxItemBytes, size);
          c.wcu += Math.max(1, Math.ceil(size / 1024));
          c.wcuReported += consumed.reduce((a, u) => a + (u.CapacityUnits ?? 0), 0);
          for (const [index, units] of Object.entries(gsiWrites(def, before, after))) c.gsiWcu[index] = (c.gsiWcu[index] ?? 0) + units;
        } else if (consumed.length > 0 && op === 'BatchWriteItem') {
          // Batch writes (search terms, rolled audit rows, message deletes) are writes, priced as such: the
          // emulator's units per table (the tables written this way, SearchIndex, Audit and Messages, have no GSI).
          for (const u of consumed) {
            const c = count(u.TableName);
            c.wcu += u.CapacityUnits ?? 0;
            c.wcuReported += u.CapacityUnits ?? 0;
          }
        } else if (consumed.length > 0) {
          for (const u of consumed) count(u.TableName).rcu += u.CapacityUnits ?? 0;
        } else if (table !== undefined) {
          count(table);
        }
        return result;
      } catch (error) {
        if (table !== undefined && WRITE_OPS.has(op) && (error as Error).name === 'ConditionalCheckFailedException') {
          const c = count(table);
          c.conditionalFailures += 1;
          c.wcu += Math.max(1, Math.ceil((before === undefined ? 0 : itemSize(before)) / 1024));
        } else if (table !== undefined) {
          count(table);
        }
        throw error;
      }
    },
    { step: 'build', priority: 'high', name, override: true },
  );
  return () => {
    client.middlewareStack.remove(name);
    images.destroy();
  };
}

type Send = (command: { input: Record<string, unknown>; constructor: { name: string } }, ...rest: unknown[]) => Promise<unknown>;

const SQS_CHUNK = 64 * 1024;
const chunks = (bytes: number): number => Math.max(1, Math.ceil(bytes / SQS_CHUNK));

/** Counts every SQS and S3 request made by any client in this process; returns an undo. */
export function meterSqsAndS3(meter: Meter, excluded: ReadonlySet<object> = new Set()): () => void {
  const sqsProto = SQSClient.prototype as unknown as { send: Send };
  const s3Proto = S3Client.prototype as unknown as { send: Send };
  const hadOwnSqs = Object.hasOwn(sqsProto, 'send');
  const hadOwnS3 = Object.hasOwn(s3Proto, 'send');
  const originalSqs = sqsProto.send;
  const originalS3 = s3Proto.send;
  sqsProto.send = async function (this: object, command, ...rest) {
    if (!meter.enabled || excluded.has(this)) return originalSqs.call(this, command, ...rest);
    const op = command.constructor.name.replace(/Command$/, '');
    meter.sqs[op] = (meter.sqs[op] ?? 0) + 1;
    const output = (await originalSqs.call(this, command, ...rest)) as { Messages?: { Body?: string }[] };
    if (op === 'SendMessageBatch') {
      const entries = (command.input.Entries as { MessageBody: string }[]) ?? [];
      meter.sqsMessagesSent += entries.length;
      const url = command.input.QueueUrl as string;
      meter.sentByQueue[url] = (meter.sentByQueue[url] ?? 0) + entries.length;
      meter.sqsBilled += chunks(entries.reduce((a, e) => a + utf8(e.MessageBody), 0));
    } else if (op === 'SendMessage') {
      meter.sqsMessagesSent += 1;
      const url = command.input.QueueUrl as string;
      meter.sentByQueue[url] = (meter.sentByQueue[url] ?? 0) + 1;
      meter.sqsBilled += chunks(utf8(command.input.MessageBody as string));
    } else if (op === 'ReceiveMessage') {
      // Empty long polls are the event source mapping idling: a fixed monthly cost, not a per-tip one.
      const messages = output.Messages ?? [];
      if (messages.length === 0) meter.sqsEmptyReceives += 1;
      else meter.sqsBilled += chunks(messages.reduce((a, m) => a + utf8(m.Body ?? ''), 0));
      meter.sqsMessagesReceived += messages.length;
    } else meter.sqsBilled += 1;
    return output;
  };
  s3Proto.send = async function (this: object, command, ...rest) {
    if (meter.enabled && !excluded.has(this)) {
      const op = command.constructor.name.replace(/Command$/, '');
      meter.s3[op] = (meter.s3[op] ?? 0) + 1;
    }
    return originalS3.call(this, command, ...rest);
  };
  return () => {
    if (hadOwnSqs) sqsProto.send = originalSqs;
    else delete (sqsProto as { send?: Send }).send;
    if (hadOwnS3) s3Proto.send = originalS3;
    else delete (s3Proto as { send?: Send }).send;
  };
}

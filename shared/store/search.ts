import { BatchWriteCommand, QueryCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { tableName } from '../config.ts';
import { searchKey, searchTerms } from '../tips/search.ts';
import { documents } from './clients/dynamo.ts';

const TABLE = tableName('search');
const BATCH_WRITE_LIMIT = 25;
const MAX_PAGES = 10;

/** What the search index needs of a tip: its text's terms, and where it sorts. */
export interface SearchableTip {
  readonly tipId: string;
  readonly objectId: string;
  readonly submittedAt: string;
  readonly text: string;
}

/**
 * Files a distinct tip under each of its search terms: one small item (one
 * write unit) per term, at most MAX_TERMS, in BatchWriteItem calls of 25.
 * Puts are idempotent, so a redelivered classification files the same items again.
 */
export async function indexTip(tip: SearchableTip): Promise<void> {
  const at = searchKey(tip.submittedAt, tip.tipId);
  await batchWrite(searchTerms(tip.text).map((term) => ({ PutRequest: { Item: { term, at, objectId: tip.objectId } } })));
}

/** Removes a tip's items (retention): the terms are recomputed from its text, so nothing lists them. */
export async function forgetTip(tip: SearchableTip): Promise<void> {
  const at = searchKey(tip.submittedAt, tip.tipId);
  await batchWrite(searchTerms(tip.text).map((term) => ({ DeleteRequest: { Key: { term, at } } })));
}

type WriteRequest = NonNullable<BatchWriteCommandOutput['UnprocessedItems']>[string][number];

async function batchWrite(requests: WriteRequest[]): Promise<void> {
  for (let offset = 0; offset < requests.length; offset += BATCH_WRITE_LIMIT) {
    let pending: WriteRequest[] | undefined = requests.slice(offset, offset + BATCH_WRITE_LIMIT);
    for (let attempt = 0; pending !== undefined && pending.length > 0; attempt += 1) {
      if (attempt > 8) throw new Error('DynamoDB left search index writes unprocessed after 9 attempts');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt) * Math.random()));
      const response: BatchWriteCommandOutput = await documents.send(new BatchWriteCommand({ RequestItems: { [TABLE]: pending } }));
      pending = response.UnprocessedItems?.[TABLE];
    }
  }
}

export interface TermQuery {
  readonly objectId?: string | undefined;
  /** Inclusive bounds on the submission time (ISO, to the second). */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/**
 * The tips filed under one term, newest first, as `<submittedAt>#<tipId>`
 * keys: a Query on the term's partition, the date range a key condition, the
 * object a filter. At most `maxKeys` keys; `complete` is false when more were left.
 */
export async function tipsWithTerm(term: string, query: TermQuery, maxKeys: number): Promise<{ keys: string[]; complete: boolean }> {
  const values: Record<string, unknown> = { ':term': term };
  let condition = 'term = :term';
  if (query.from !== undefined || query.to !== undefined) {
    condition += ' AND #at BETWEEN :from AND :to';
    values[':from'] = query.from ?? '0';
    // '~' sorts after every tip id character, so the whole `to` second is included.
    values[':to'] = `${query.to ?? '9999'}~`;
  }
  if (query.objectId !== undefined) values[':objectId'] = query.objectId;
  const keys: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  let pages = 0;
  do {
    const page = await documents.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: condition,
        ...(query.objectId !== undefined ? { FilterExpression: 'objectId = :objectId' } : {}),
        ...(condition.includes('#at') ? { ExpressionAttributeNames: { '#at': 'at' } } : {}),
        ExpressionAttributeValues: values,
        ScanIndexForward: false,
        Limit: maxKeys - keys.length,
        ExclusiveStartKey: startKey,
      }),
    );
    keys.push(...(page.Items ?? []).map((item) => String(item.at)));
    startKey = page.LastEvaluatedKey;
    pages += 1;
    // An object filter may skip most of a common term's items: the pages read are bounded too.
  } while (startKey !== undefined && keys.length < maxKeys && pages < MAX_PAGES);
  return { keys, complete: startKey === undefined };
}

import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { newTipId } from '#shared/ids.ts';
import { INITIAL_STATUS, type TriageStatusName } from '#shared/tips/transitions.ts';

/**
 * Writes `count` classified tips straight into the Tips table (BatchWrite of
 * 25), shaped as the pipeline leaves them, for tests and benchmarks that need
 * a large queue without pushing every tip through the consumers. Call it
 * after the local stack has set the environment the store reads at import.
 * `afterBatch` sees each batch once written (bench/summary.ts counts them as the pipeline would).
 */
export async function seedClassifiedTips(
  count: number,
  queue: string,
  objectId: string,
  /** The status of the n-th tip (all start as the pipeline leaves them by default). */
  statusOf: (n: number) => TriageStatusName = () => INITIAL_STATUS,
  afterBatch?: (items: Record<string, unknown>[]) => Promise<void>,
): Promise<string[]> {
  const { tableName } = await import('#shared/config.ts');
  const { documents } = await import('#shared/store/clients/dynamo.ts');
  const { confidenceKey, queueKeys } = await import('#shared/store/queue-keys.ts');
  const table = tableName('tips');
  const ids: string[] = [];
  const base = Date.parse('2026-01-01T00:00:00Z');
  for (let offset = 0; offset < count; offset += 25) {
    const items = Array.from({ length: Math.min(25, count - offset) }, (_, index) => {
      const n = offset + index;
      const tipId = newTipId();
      const submittedAt = new Date(base + n * 1000).toISOString().replace('.000Z', 'Z');
      const confidence = 0.5 + (n % 50) / 100;
      const status = statusOf(n);
      ids.push(tipId);
      return {
        tipId,
        objectId,
        text: n % 97 === 0 ? `=SUM(A1:A9) tip ${n}, "quoted", sold in Malmö` : `Tip ${n}: I bought this in Göteborg, Sweden, shop number ${n}.`,
        submittedAt,
        pipeline: 'classified',
        dedupeReason: 'new',
        tallyObjectId: objectId,
        dedupedAt: submittedAt,
        duplicateOf: null,
        country: queue,
        confidence,
        queue,
        queueTime: `${submittedAt}#${tipId}`,
        queueConfidence: confidenceKey(confidence, tipId),
        ...queueKeys(queue, objectId, status),
        status,
        version: 1,
      };
    });
    let request: Record<string, unknown[]> | undefined = { [table]: items.map((Item) => ({ PutRequest: { Item } })) };
    while (request !== undefined && Object.keys(request).length > 0) {
      const result = await documents.send(new BatchWriteCommand({ RequestItems: request as never }));
      request = result.UnprocessedItems as Record<string, unknown[]> | undefined;
    }
    await afterBatch?.(items);
  }
  return ids;
}

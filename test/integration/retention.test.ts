/**
 * Retention of a cluster (issue 19, finding 1): when a dismissed tip expires,
 * the tips that repeated it and the tips that will repeat it later must stay
 * reachable by their country. The local sweep runs the same code as the TTL
 * stream consumer on AWS (shared/tips/expire.ts), and the successor is routed by the classify consumer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { sweepExpired } from '#local/sweeper.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

type Json = Record<string, any>;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

const as = (groups: string[]) => investigatorClient(api, stack.keys, groups);

/** Submits a tip and waits until the pipeline has decided it (a duplicate, or classified). */
async function decidedTip(objectId: string, text: string): Promise<Json> {
  const accepted = await api.postTip({ objectId, text });
  expect(accepted.status).toBe(202);
  const coordinator = await as(['coordinator']);
  return eventually(async () => {
    const response = await coordinator.get(`/investigator/tips/${String(accepted.body.tipId)}`);
    return response.status === 200 && (response.body.pipeline === 'classified' || response.body.pipeline === 'deduplicated') ? response.body : undefined;
  });
}

/** Dismisses a classified tip and sweeps just after its expiry, as TTL would. */
async function dismissAndExpire(tipId: string, groups: string[]): Promise<void> {
  const investigator = await as(groups);
  const review = await investigator.patch(`/investigator/tips/${tipId}`, { status: 'in_review' }, 1);
  const dismissed = await investigator.patch(`/investigator/tips/${tipId}`, { status: 'dismissed' }, review.body.version);
  expect(dismissed.status).toBe(200);
  await sweepExpired(dismissed.body.expiresAt + 1);
  expect((await investigator.get(`/investigator/tips/${tipId}`)).status).toBe(404);
}

/**
 * Waits until one of an expired tip's duplicates has been promoted and classified into its
 * queue (the classify consumer does it) and returns its id. Which one is not fixed: tips sent
 * in the same second have no order (times are kept to the second, ids are random), so the
 * successor is the first by (submittedAt, tipId), as shared/tips/retention.ts picks it.
 */
async function promotedAmong(tipIds: readonly string[]): Promise<string> {
  const coordinator = await as(['coordinator']);
  return eventually(async () => {
    for (const tipId of tipIds) {
      const response = await coordinator.get(`/investigator/tips/${tipId}`);
      if (response.body.pipeline === 'classified' && response.body.duplicateOf === null) return tipId;
    }
    return undefined;
  });
}

async function queueIds(country: string): Promise<string[]> {
  const response = await (await as([country])).get(`/investigator/queues/${country}?limit=100`);
  return response.body.items.map((item: Json) => item.tipId);
}

beforeAll(async () => {
  stack = await startTestStack({});
  api = apiClient(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

describe('retention of a dismissed tip that started a cluster', () => {
  it('promotes its oldest duplicate, which later copies join, all readable by the country', async () => {
    // Prepare
    const text = 'This towel is sold at a market stall in Faro, Portugal, I bought the same one there.';
    const first = await decidedTip('obj-towel', text);
    const copy = await decidedTip('obj-towel', text);
    const secondCopy = await decidedTip('obj-towel', `${text}!`);
    expect(first.queue).toBe('PT');
    expect(copy.duplicateOf).toBe(first.tipId);
    expect(secondCopy.duplicateOf).toBe(first.tipId);

    // Act
    await dismissAndExpire(first.tipId, ['PT']);
    const later = await decidedTip('obj-towel', text);
    const successor = await promotedAmong([copy.tipId, secondCopy.tipId]);
    const other = successor === copy.tipId ? secondCopy.tipId : copy.tipId;

    // Assess
    const pt = await as(['PT']);
    const promoted = await pt.get(`/investigator/tips/${successor}`);
    const repointed = await pt.get(`/investigator/tips/${other}`);
    const laterRead = await pt.get(`/investigator/tips/${later.tipId}`);
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ queue: 'PT', status: 'new', pipeline: 'classified', duplicateOf: null, duplicates: 2 });
    expect(promoted.body.cluster.map((member: Json) => member.tipId).sort()).toEqual([copy.tipId, secondCopy.tipId, later.tipId].sort());
    expect(repointed.status).toBe(200);
    expect(repointed.body.duplicateOf).toBe(successor);
    expect(laterRead.status).toBe(200);
    expect(laterRead.body.duplicateOf).toBe(successor);
    expect(await queueIds('PT')).toContain(successor);
  });

  it('lets a later copy of a tip that had no duplicates start a new cluster in its country queue', async () => {
    // Prepare
    const text = 'Same towel in a hotel in Ghent, Belgium, where I stayed last spring.';
    const first = await decidedTip('obj-towel', text);
    expect(first.queue).toBe('BE');

    // Act
    await dismissAndExpire(first.tipId, ['BE']);
    const later = await decidedTip('obj-towel', text);

    // Assess
    const read = await (await as(['BE'])).get(`/investigator/tips/${later.tipId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ queue: 'BE', duplicateOf: null, duplicates: 0 });
    expect(await queueIds('BE')).toContain(later.tipId);
  });

  it('changes nothing when the same expiry is delivered again', async () => {
    // Prepare
    const text = 'I have the same towel, it came from a department store in Porto, Portugal.';
    const first = await decidedTip('obj-towel', text);
    const copy = await decidedTip('obj-towel', text);
    const secondCopy = await decidedTip('obj-towel', text);
    await dismissAndExpire(first.tipId, ['PT']);
    const successor = await promotedAmong([copy.tipId, secondCopy.tipId]);
    const other = successor === copy.tipId ? secondCopy.tipId : copy.tipId;
    const pt = await as(['PT']);
    const before = await pt.get(`/investigator/tips/${successor}`);
    const { retireExpiredTip } = await import('#shared/tips/expire.ts');

    // Act
    const outcome = await retireExpiredTip({ tipId: first.tipId, objectId: first.objectId, text: first.text });
    const after = await pt.get(`/investigator/tips/${successor}`);

    // Assess
    expect(outcome).toEqual({ tipId: first.tipId, promoted: null, moved: 0 });
    expect(after.body).toEqual(before.body);
    expect(after.body).toMatchObject({ queue: 'PT', duplicates: 1 });
    expect((await pt.get(`/investigator/tips/${other}`)).body.duplicateOf).toBe(successor);
  });
});

describe('the dedupe stage, when the index names a tip that no longer exists', () => {
  it('does not attach a new tip to it, and files the new tip as a first tip in its country queue', async () => {
    // Prepare: a first tip deleted without the retention flow (a cleanup lost before it ran).
    const text = 'The towel is from a beach bar in Split, Croatia, they sell them at the counter.';
    const first = await decidedTip('obj-towel', text);
    expect(first.queue).toBe('HR');
    const { documents } = await import('#shared/store/clients/dynamo.ts');
    const { tableName } = await import('#shared/config.ts');
    const { DeleteCommand } = await import('@aws-sdk/lib-dynamodb');
    await documents.send(new DeleteCommand({ TableName: tableName('tips'), Key: { tipId: first.tipId } }));

    // Act
    const later = await decidedTip('obj-towel', text);
    const copy = await decidedTip('obj-towel', text);

    // Assess
    const hr = await as(['HR']);
    expect((await hr.get(`/investigator/tips/${later.tipId}`)).body).toMatchObject({ queue: 'HR', duplicateOf: null });
    expect((await hr.get(`/investigator/tips/${copy.tipId}`)).body).toMatchObject({ duplicateOf: later.tipId });
    expect(await queueIds('HR')).toContain(later.tipId);
  });

  it('does not let a forged intake message, whose tip was never stored, swallow a genuine tip', async () => {
    // Prepare: a message put straight on the intake queue, with no evidence copy behind it.
    const text = 'These towels hang in every room of a guesthouse in Tartu, Estonia.';
    const { enqueueIntake } = await import('#shared/store/queues.ts');
    const forged = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    await enqueueIntake({ tipId: forged, objectId: 'obj-towel', text, submittedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
    const { documents } = await import('#shared/store/clients/dynamo.ts');
    const { tableName } = await import('#shared/config.ts');
    const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
    await eventually(async () => {
      const { Items = [] } = await documents.send(new ScanCommand({ TableName: tableName('dedupe') }));
      return Items.some((item) => Array.isArray(item.e) && item.e.some((entry: string) => entry.startsWith(`${forged}|`))) ? true : undefined;
    });

    // Act
    const genuine = await decidedTip('obj-towel', text);

    // Assess
    expect(genuine).toMatchObject({ queue: 'EE', duplicateOf: null });
    expect((await (await as(['EE'])).get(`/investigator/tips/${genuine.tipId}`)).status).toBe(200);
  });
});

describe('the audit trail of an expired tip', () => {
  it('goes with the tip: the rows rolled out to the Audit table are deleted', async () => {
    // Prepare: enough notes to roll the oldest entries out of the tip item.
    const first = await decidedTip('obj-towel', 'The towel is from a spa hotel in Sopot, Poland, I saw a whole pile of them.');
    expect(first.queue).toBe('PL');
    const pl = await as(['PL']);
    let version = Number(first.version);
    for (let n = 0; n < 55; n += 1) {
      const noted = await pl.patch(`/investigator/tips/${first.tipId}`, { note: `checked lead ${n}` }, version);
      expect(noted.status).toBe(200);
      version = noted.body.version;
    }
    const { documents } = await import('#shared/store/clients/dynamo.ts');
    const { tableName } = await import('#shared/config.ts');
    const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
    const auditRows = async () =>
      (await documents.send(new QueryCommand({ TableName: tableName('audit'), KeyConditionExpression: 'tipId = :t', ExpressionAttributeValues: { ':t': first.tipId } }))).Items ?? [];
    expect((await auditRows()).length).toBeGreaterThan(0);

    // Act
    const review = await pl.patch(`/investigator/tips/${first.tipId}`, { status: 'in_review' }, version);
    const dismissed = await pl.patch(`/investigator/tips/${first.tipId}`, { status: 'dismissed' }, review.body.version);
    expect(dismissed.status).toBe(200);
    await sweepExpired(dismissed.body.expiresAt + 1);

    // Assess
    expect((await pl.get(`/investigator/tips/${first.tipId}`)).status).toBe(404);
    expect(await auditRows()).toEqual([]);
  });
});

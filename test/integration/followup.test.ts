/**
 * Issue 14: the two-way anonymous follow-up over the API, against the local
 * stack (emulators, adapter, pollers): the tipster's routes, the investigators'
 * messages and receipt lookup, duplicates, guessing, and retention.
 */
import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { sweepExpired } from '#local/sweeper.ts';
import { newReceipt } from '#shared/receipts.ts';
import { limits } from '#shared/resources.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

type Json = Record<string, any>;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  // The general per-source limit off, so only the wrong-receipt count can answer 429.
  stack = await startTestStack({ rateLimitPerMinute: 0 });
  api = apiClient(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

const as = (groups: string[]) => investigatorClient(api, stack.keys, groups);
const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  api.call<Json>('POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const readWith = (receipt: string) => postJson('/followup', { receipt });
const answerWith = (receipt: string, text: string) => postJson('/followup/messages', { receipt, text });

/** Sends a tip and waits until the pipeline decided it (a duplicate or classified). */
async function decidedTip(text: string): Promise<{ tipId: string; receipt: string; tip: Json }> {
  const accepted = await api.postTip({ objectId: 'obj-towel', text });
  expect(accepted.status).toBe(202);
  const { tipId, receipt } = accepted.body as { tipId: string; receipt: string };
  const coordinator = await as(['coordinator']);
  const tip = await eventually(async () => {
    const response = await coordinator.get(`/investigator/tips/${tipId}`);
    return response.status === 200 && (response.body.pipeline === 'classified' || response.body.pipeline === 'deduplicated') ? response.body : undefined;
  });
  return { tipId, receipt, tip };
}

/** The receipt index is eventually consistent on AWS; locally the first read finds it, but the test need not rely on that. */
const readable = (receipt: string) => eventually(async () => ((await readWith(receipt)).status === 200 ? true : undefined));

describe('a conversation on one tip', () => {
  it('carries a question to the tipster and the answer back, with days only and a coarse status', async () => {
    // Prepare
    const { tipId, receipt } = await decidedTip('I saw this towel in a beach shop in Nazaré, Portugal, in 2019.');
    const pt = await as(['PT']);
    await readable(receipt);

    // Act
    const empty = await readWith(receipt);
    const question = await pt.call('POST', `/investigator/tips/${tipId}/messages`, {
      body: JSON.stringify({ text: 'Which shop, and was it near the harbour?' }),
      headers: { 'content-type': 'application/json' },
    });
    const read = await readWith(receipt.toLowerCase().replaceAll('-', ' '));
    const answer = await answerWith(receipt, 'The one on the main square, next to the church.');
    const queue = await pt.get('/investigator/queues/PT?limit=100');
    const detail = await pt.get(`/investigator/tips/${tipId}`);
    const queueAfterReading = await pt.get('/investigator/queues/PT?limit=100');

    // Assess
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ status: 'received', messages: [] });
    expect(question.status).toBe(201);
    expect(question.body.message).toMatchObject({ from: 'investigator', text: 'Which shop, and was it near the harbour?', seq: 0, by: 'PT' });
    expect(read.status).toBe(200);
    expect(read.body.status).toBe('received');
    expect(read.body.messages).toEqual([{ from: 'investigator', text: 'Which shop, and was it near the harbour?', sentOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
    // Nothing finer than a day, and not who wrote.
    expect(JSON.stringify(read.body)).not.toMatch(/T\d{2}:\d{2}|"by"|PT"/);
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ sentOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(queue.body.items.find((item: Json) => item.tipId === tipId).unreadReply).toBe(true);
    expect(detail.body.messages.map((message: Json) => [message.from, message.text])).toEqual([
      ['investigator', 'Which shop, and was it near the harbour?'],
      ['tipster', 'The one on the main square, next to the church.'],
    ]);
    expect(detail.body.messages[1].by).toBeUndefined();
    expect(detail.body.receiptHash).toBeUndefined();
    expect(queueAfterReading.body.items.find((item: Json) => item.tipId === tipId).unreadReply).toBe(false);
  });

  it('audits each message on the tip and shows the triage status coarsely', async () => {
    // Prepare
    const { tipId, receipt } = await decidedTip('Same towel in a hotel in Évora, Portugal, room 12.');
    const pt = await as(['PT']);
    await readable(receipt);
    await answerWith(receipt, 'I remembered: it was the Hotel Central.');
    const before = await pt.get(`/investigator/tips/${tipId}`);

    // Act
    const review = await pt.patch(`/investigator/tips/${tipId}`, { status: 'in_review' }, before.body.version);
    const inReview = await readWith(receipt);
    const dismissed = await pt.patch(`/investigator/tips/${tipId}`, { status: 'dismissed' }, review.body.version);
    const closed = await readWith(receipt);

    // Assess
    expect(before.body.history.at(-1)).toMatchObject({ by: 'tipster', changes: [{ field: 'message', from: null, to: 'from the tipster, 39 characters' }] });
    expect(review.status).toBe(200);
    expect(inReview.body.status).toBe('in_review');
    expect(dismissed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    // Prepare
    const { tipId, receipt } = await decidedTip('Bought in a supermarket in Braga, Portugal.');
    const pt = await as(['PT']);

    // Act
    const responses = [
      await postJson('/followup', {}),
      await postJson('/followup', { receipt: 'not a receipt' }),
      await postJson('/followup/messages', { receipt, text: '   ' }),
      await postJson('/followup/messages', { receipt, text: 'x'.repeat(limits.maxMessageChars + 1) }),
      await pt.call('POST', `/investigator/tips/${tipId}/messages`, { body: JSON.stringify({ text: '' }), headers: { 'content-type': 'application/json' } }),
    ];

    // Assess
    expect(responses.map((response) => response.status)).toEqual([400, 400, 400, 400, 400]);
    expect(responses[0]!.body.issues[0].path).toBe('receipt');
    expect(responses[1]!.body.issues[0].path).toBe('receipt');
    expect(responses[2]!.body.issues[0].path).toBe('text');
    expect(responses[3]!.body.issues[0].path).toBe('text');
    expect(responses[4]!.body.issues[0].path).toBe('text');
  });
});

describe('investigators', () => {
  it('find a tip by a receipt quoted on the phone, within their countries only', async () => {
    // Prepare
    const { tipId, receipt } = await decidedTip('The towel is from a hotel in Coimbra, Portugal.');
    const quoted = receipt.replace(/^TL-/, '').replaceAll('0', 'o').toLowerCase();
    await readable(receipt);

    // Act
    const pt = await (await as(['PT'])).call('POST', '/investigator/receipts/lookup', { body: JSON.stringify({ receipt: quoted }), headers: { 'content-type': 'application/json' } });
    const nl = await (await as(['NL'])).call('POST', '/investigator/receipts/lookup', { body: JSON.stringify({ receipt }), headers: { 'content-type': 'application/json' } });
    const unknown = await (await as(['PT'])).call('POST', '/investigator/receipts/lookup', { body: JSON.stringify({ receipt: newReceipt() }), headers: { 'content-type': 'application/json' } });

    // Assess
    expect(pt.status).toBe(200);
    expect(pt.body).toEqual({ tipId });
    expect(nl.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(nl.body.error).toBe(unknown.body.error);
  });

  it('cannot write to the tipster of a tip outside their countries', async () => {
    // Prepare
    const { tipId } = await decidedTip('I know this towel from a café in Funchal, Portugal.');

    // Act
    const response = await (await as(['NL'])).call('POST', `/investigator/tips/${tipId}/messages`, {
      body: JSON.stringify({ text: 'Hello?' }),
      headers: { 'content-type': 'application/json' },
    });

    // Assess
    expect(response.status).toBe(403);
  });
});

describe('duplicates', () => {
  it('bring a duplicate tipster’s answer to the investigators of the cluster’s first tip, and to nobody else', async () => {
    // Prepare
    const text = 'This towel is sold at the market in Lagos, Portugal, every Saturday.';
    const first = await decidedTip(text);
    const copy = await decidedTip(text);
    expect(copy.tip.duplicateOf).toBe(first.tipId);
    await readable(copy.receipt);

    // Act
    const answer = await answerWith(copy.receipt, 'I also saw it at the market in Portimão.');
    const pt = await as(['PT']);
    const queue = await pt.get('/investigator/queues/PT?limit=100');
    const head = await pt.get(`/investigator/tips/${first.tipId}`);
    const duplicate = await pt.get(`/investigator/tips/${copy.tipId}`);
    const firstTipster = await readWith(first.receipt);

    // Assess
    expect(answer.status).toBe(201);
    expect(queue.body.items.find((item: Json) => item.tipId === first.tipId).unreadReply).toBe(true);
    expect(head.body.conversationTips).toEqual([copy.tipId]);
    expect(duplicate.body.messages.map((message: Json) => message.text)).toEqual(['I also saw it at the market in Portimão.']);
    // Each tipster has their own conversation.
    expect(firstTipster.body.messages).toEqual([]);
  });

  it('move to the promoted duplicate when the first tip expires: the cluster’s conversations and its unread mark', async () => {
    // Prepare: a first tip and two copies whose tipsters both wrote; the investigators read each
    // copy's page (its own mark goes) but not yet the first tip, which is then dismissed.
    const text = 'I saw this towel at the fish market in Olhão, Portugal, by the harbour.';
    const first = await decidedTip(text);
    const copies = [await decidedTip(text), await decidedTip(text)];
    const pt = await as(['PT']);
    for (const copy of copies) {
      expect(copy.tip.duplicateOf).toBe(first.tipId);
      await readable(copy.receipt);
      expect((await answerWith(copy.receipt, `More from ${copy.tipId}: the stall with the blue awning.`)).status).toBe(201);
      expect((await pt.get(`/investigator/tips/${copy.tipId}`)).status).toBe(200);
    }
    const review = await pt.patch(`/investigator/tips/${first.tipId}`, { status: 'in_review' }, first.tip.version);
    const dismissed = await pt.patch(`/investigator/tips/${first.tipId}`, { status: 'dismissed' }, review.body.version);
    expect(dismissed.status).toBe(200);
    const ids = copies.map((copy) => copy.tipId);

    // Act: the first tip expires; one copy is promoted and classified into the PT queue (read
    // from the queue, since opening a tip would clear its mark).
    await sweepExpired(dismissed.body.expiresAt + 1);
    const listed = await eventually(async () => {
      const queue = await pt.get('/investigator/queues/PT?limit=100');
      return (queue.body.items as Json[]).find((item) => ids.includes(item.tipId));
    }, 30_000);
    const heir = String(listed.tipId);
    const other = ids.find((tipId) => tipId !== heir)!;
    const opened = await pt.get(`/investigator/tips/${heir}`);
    // A later message on the other copy's receipt still reaches the cluster's investigators.
    const later = await answerWith(copies.find((copy) => copy.tipId === other)!.receipt, 'One more thing: it was a Saturday.');
    const queueAfter = await pt.get('/investigator/queues/PT?limit=100');
    const reopened = await pt.get(`/investigator/tips/${heir}`);

    // Assess
    expect(listed.unreadReply).toBe(true);
    expect(opened.body.conversationTips).toEqual([other]);
    expect(later.status).toBe(201);
    expect((queueAfter.body.items as Json[]).find((item) => item.tipId === heir)?.unreadReply).toBe(true);
    expect(reopened.body.conversationTips).toEqual([other]);
  });
});

describe('duplicates while their first tip is being retired', () => {
  it('keep a message sent after the first tip was deleted and before the copies were re-pointed', async () => {
    // Prepare: a cluster of three, and its first tip deleted as TTL deletes it, before retention ran.
    const { documents } = await import('#shared/store/clients/dynamo.ts');
    const { tableName } = await import('#shared/config.ts');
    const { retireExpiredTip } = await import('#shared/tips/expire.ts');
    const text = 'This towel hung in a guesthouse in Tomar, Portugal, near the convent.';
    const first = await decidedTip(text);
    const copies = [await decidedTip(text), await decidedTip(text)];
    for (const copy of copies) await readable(copy.receipt);
    const image = (await documents.send(new GetCommand({ TableName: tableName('tips'), Key: { tipId: first.tipId } }))).Item!;
    await documents.send(new DeleteCommand({ TableName: tableName('tips'), Key: { tipId: first.tipId } }));
    const ids = copies.map((copy) => copy.tipId);
    const pt = await as(['PT']);

    // Act: both copies' tipsters write in that window (the first tip's mark cannot be set), then retention runs.
    const answers = await Promise.all(copies.map((copy) => answerWith(copy.receipt, 'It was the room with the green door.')));
    await retireExpiredTip(image);
    const listed = await eventually(async () => {
      const queue = await pt.get('/investigator/queues/PT?limit=100');
      return (queue.body.items as Json[]).find((item) => ids.includes(item.tipId));
    }, 30_000);
    const heir = String(listed.tipId);
    const opened = await pt.get(`/investigator/tips/${heir}`);

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([201, 201]);
    expect(listed.unreadReply).toBe(true);
    expect(opened.body.conversationTips).toEqual(ids.filter((tipId) => tipId !== heir));
  });
});

describe('retention', () => {
  it('deletes the conversation with its tip, and the receipt then finds nothing', async () => {
    // Prepare
    const { tipId, receipt } = await decidedTip('From a shop in Aveiro, Portugal, I am sure.');
    const pt = await as(['PT']);
    await readable(receipt);
    await pt.call('POST', `/investigator/tips/${tipId}/messages`, { body: JSON.stringify({ text: 'Which shop?' }), headers: { 'content-type': 'application/json' } });
    expect((await answerWith(receipt, 'The bakery on the canal.')).status).toBe(201);
    const latest = await pt.get(`/investigator/tips/${tipId}`);
    const review = await pt.patch(`/investigator/tips/${tipId}`, { status: 'in_review' }, latest.body.version);
    const dismissed = await pt.patch(`/investigator/tips/${tipId}`, { status: 'dismissed' }, review.body.version);
    expect(dismissed.status).toBe(200);
    const { documents } = await import('#shared/store/clients/dynamo.ts');
    const { tableName } = await import('#shared/config.ts');
    const messagesOf = async () =>
      (await documents.send(new QueryCommand({ TableName: tableName('messages'), KeyConditionExpression: 'tipId = :t', ExpressionAttributeValues: { ':t': tipId } }))).Items;
    expect(await messagesOf()).toHaveLength(2);

    // Act
    await sweepExpired(dismissed.body.expiresAt + 1);

    // Assess
    expect(await messagesOf()).toEqual([]);
    expect((await documents.send(new GetCommand({ TableName: tableName('tips'), Key: { tipId } }))).Item).toBeUndefined();
    expect((await readWith(receipt)).status).toBe(404);
  });
});

describe('guessing', () => {
  it('answers wrong receipts 404, then 429 once the source has used its allowance, on both routes', async () => {
    // Prepare: the retention test above spent one wrong receipt already; this sends more than the allowance.
    const wrong = Array.from({ length: limits.receiptGuessesPerSource + 1 }, () => newReceipt());

    // Act
    const statuses: number[] = [];
    for (const receipt of wrong) statuses.push((await readWith(receipt)).status);
    const answerAfter = await answerWith(newReceipt(), 'hello');

    // Assess
    const notFound = statuses.indexOf(429);
    expect(notFound).toBeGreaterThan(0);
    expect(notFound).toBeLessThanOrEqual(limits.receiptGuessesPerSource);
    expect(statuses.slice(0, notFound).every((status) => status === 404)).toBe(true);
    expect(statuses.slice(notFound).every((status) => status === 429)).toBe(true);
    expect(answerAfter.status).toBe(429);
    expect(answerAfter.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

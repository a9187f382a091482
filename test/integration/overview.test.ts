import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '#local/jwt.ts';
import type { LocalStack } from '#local/stack.ts';
import { dynamo } from '#shared/store/clients/dynamo.ts';
import { lambdaContext } from '#local/lambda-context.ts';
import { functions } from '#shared/resources.ts';
import { apiClient, eventually } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

type Json = Record<string, any>;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

/** DynamoDB commands sent by any handler of this process while `counting` is on (the document client shares this stack). */
const sent: string[] = [];
let counting = false;

async function as(name: string, groups: string[]) {
  const token = await mintToken(stack.keys, { groups, sub: `sub-${name}`, username: name });
  const auth = { authorization: `Bearer ${token}` };
  return {
    get: (path: string) => api.call<Json>('GET', path, { headers: auth }),
    patch: (path: string, body: unknown, version: number) =>
      api.call<Json>('PATCH', path, { headers: { ...auth, 'content-type': 'application/json', 'if-match': `"${version}"` }, body: JSON.stringify(body) }),
  };
}

/** Every tip of `objectId` as the pipeline left it: the ground truth the counters must match, read tip by tip. */
async function truth(tipIds: readonly string[]): Promise<Json[]> {
  const coordinator = await as('coord', ['coordinator']);
  return Promise.all(tipIds.map(async (tipId) => (await coordinator.get(`/investigator/tips/${tipId}`)).body));
}

/** Submits tips and waits until the pipeline has decided every one (classified or recorded as a duplicate). */
async function flood(objectId: string, texts: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const text of texts) {
    const accepted = await api.postTip({ objectId, text });
    expect(accepted.status).toBe(202);
    ids.push(String(accepted.body.tipId));
  }
  await eventually(async () => ((await truth(ids)).every((tip) => tip.pipeline === 'classified' || tip.pipeline === 'deduplicated') ? true : undefined), 60_000, 250);
  return ids;
}

function overviewFrom(tips: readonly Json[]): Map<string, { total: number; byStatus: Record<string, number> }> {
  const expected = new Map<string, { total: number; byStatus: Record<string, number> }>();
  for (const tip of tips) {
    if (typeof tip.duplicateOf === 'string') continue;
    const entry = expected.get(tip.queue) ?? { total: 0, byStatus: {} };
    entry.total += 1;
    entry.byStatus[tip.status] = (entry.byStatus[tip.status] ?? 0) + 1;
    expected.set(tip.queue, entry);
  }
  return expected;
}

const PLACES = ['Amsterdam, Netherlands', 'Porto, Portugal', 'Madrid, Spain', 'Krakow, Poland', 'Lyon, France'];
const textsFor = (objectId: string, count: number): string[] =>
  Array.from({ length: count }, (_, index) => `Tip ${index} on ${objectId}: I bought this towel in ${PLACES[index % PLACES.length]}, shop number ${index * 7 + 3}.`);

beforeAll(async () => {
  stack = await startTestStack({});
  api = apiClient(stack.url);
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      if (counting) sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'overviewTestCountCommands' },
  );
});

afterAll(async () => {
  dynamo.middlewareStack.remove('overviewTestCountCommands');
  await stack?.stop();
});

describe('GET /investigator/overview', () => {
  it('matches a tip-by-tip recount after a flood with duplicates, status changes and a re-route', async () => {
    // Prepare: distinct tips, exact and near copies of some, then triage.
    const distinct = textsFor('obj-towel', 12);
    const copies = [distinct[0]!, distinct[1]!, distinct[1]!.toUpperCase(), `  ${distinct[2]!} `];
    const ids = await flood('obj-towel', [...distinct, ...copies]);
    const coordinator = await as('coord', ['coordinator']);
    const heads = (await truth(ids)).filter((tip) => typeof tip.duplicateOf !== 'string');
    const [first, second, third] = heads;
    await coordinator.patch(`/investigator/tips/${first!.tipId}`, { status: 'in_review' }, first!.version);
    const reviewed = await coordinator.patch(`/investigator/tips/${second!.tipId}`, { status: 'in_review' }, second!.version);
    await coordinator.patch(`/investigator/tips/${second!.tipId}`, { status: 'actionable' }, reviewed.body.version);
    const target = third!.queue === 'JP' ? 'KR' : 'JP';
    await coordinator.patch(`/investigator/tips/${third!.tipId}`, { country: target }, third!.version);

    // Act
    const overview = await coordinator.get('/investigator/overview');

    // Assess
    const expected = overviewFrom(await truth(ids));
    expect(overview.status).toBe(200);
    expect(heads.length).toBeLessThan(ids.length);
    for (const [queue, counts] of expected) {
      const item = (overview.body.items as Json[]).find((entry) => entry.country === queue);
      expect(item, queue).toBeDefined();
      expect(item!.total).toBe(counts.total);
      for (const [status, count] of Object.entries(item!.byStatus)) expect(count, `${queue} ${status}`).toBe(counts.byStatus[status] ?? 0);
      expect(item!.unreadReplies).toBe(0);
    }
    expect((overview.body.items as Json[]).map((item) => item.country)).toContain('unrouted');
  });

  it('shows a country investigator only their countries, zero-filled', async () => {
    // Prepare
    const nl = await as('nl-be', ['NL', 'BE']);

    // Act
    const overview = await nl.get('/investigator/overview');

    // Assess
    expect(overview.status).toBe(200);
    expect((overview.body.items as Json[]).map((item) => item.country).sort()).toEqual(['BE', 'NL']);
    expect((overview.body.items as Json[]).find((item) => item.country === 'BE')).toMatchObject({ total: 0, byStatus: { new: 0 } });
  });

  it('counts nothing twice when SQS redelivers a classified tip', async () => {
    // Prepare
    const [tipId] = await flood('obj-bag', ['This mug was sold in a shop in Lyon, France, I am sure.']);
    const coordinator = await as('coord', ['coordinator']);
    const tip = (await coordinator.get(`/investigator/tips/${tipId}`)).body;
    const before = (await coordinator.get('/investigator/overview')).body.items as Json[];
    const message = { tipId, objectId: 'obj-bag', text: tip.text, submittedAt: tip.submittedAt, dedupeReason: 'new' };
    const event: SQSEvent = {
      Records: [
        {
          messageId: 'redelivered',
          receiptHandle: 'r',
          body: JSON.stringify(message),
          attributes: { ApproximateReceiveCount: '2', SentTimestamp: '1', SenderId: 's', ApproximateFirstReceiveTimestamp: '1' },
          messageAttributes: {},
          md5OfBody: 'x',
          eventSource: 'aws:sqs',
          eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:classify',
          awsRegion: 'us-east-1',
        },
      ],
    };

    // Act
    const result = await stack.handlers.classify(event, lambdaContext(functions.classify));
    const after = (await coordinator.get('/investigator/overview')).body.items as Json[];

    // Assess
    expect(result).toEqual({ batchItemFailures: [] });
    expect(before.find((item) => item.country === tip.queue)?.total).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it('reads as many times from DynamoDB at 3 times the tips', async () => {
    // Prepare
    const coordinator = await as('coord', ['coordinator']);
    const reads = async (): Promise<string[]> => {
      sent.length = 0;
      counting = true;
      const response = await coordinator.get('/investigator/overview');
      counting = false;
      expect(response.status).toBe(200);
      return [...sent];
    };
    await flood('obj-wallpaper', textsFor('obj-growth', 5));
    const small = await reads();

    // Act
    await flood('obj-wallpaper', textsFor('obj-growth-more', 10));
    const large = await reads();

    // Assess
    expect(small.length).toBeGreaterThan(0);
    expect(large).toEqual(small);
  });
});

describe('GET /investigator/objects/{objectId}/summary', () => {
  it('tallies from the counters what a recount of the tips gives, in reads that do not grow with the tips', async () => {
    // Prepare
    const coordinator = await as('coord', ['coordinator']);
    const reads = async (objectId: string): Promise<{ body: Json; sent: string[] }> => {
      sent.length = 0;
      counting = true;
      const response = await coordinator.get(`/investigator/objects/${objectId}/summary`);
      counting = false;
      return { body: response.body, sent: [...sent] };
    };
    const ids = await flood('obj-towel', [...textsFor('obj-summary-extra', 4), textsFor('obj-summary-extra', 1)[0]!]);
    const all = await truth(ids);

    // Act
    const summary = await reads('obj-towel');

    // Assess: every tip of obj-towel (this test's and the first test's) recounted.
    expect(summary.body.duplicates).toBeGreaterThanOrEqual(all.filter((tip) => typeof tip.duplicateOf === 'string').length);
    const tallies = new Map((summary.body.countries as Json[]).map((tally) => [tally.country, tally]));
    const totalTips = [...tallies.values()].reduce((sum, tally) => sum + tally.tips, 0);
    expect(totalTips).toBe(summary.body.distinctTips);
    const people = [...tallies.values()].reduce((sum, tally) => sum + tally.people, 0);
    expect(people).toBe(summary.body.distinctTips + summary.body.duplicates);
    const strongest = [...tallies.values()].find((tally) => tally.strongestTipId !== null);
    expect(strongest?.maxConfidence).toBeGreaterThan(0);
    // The object read, the shards of its partition and the strongest tips: none per tip.
    expect(summary.sent.filter((name) => name === 'QueryCommand').length).toBe(8);
  });
});

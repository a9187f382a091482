/**
 * Counters over a tip's whole life (issue 16): expiry takes a dismissed tip out of
 * the overview and its object's tally (and its promoted duplicate in, as `new`),
 * and a re-route moves the strongest tip of a queue with it. Ground truth is a
 * recount of the tips themselves, read one by one.
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

async function decidedTip(objectId: string, text: string): Promise<Json> {
  const accepted = await api.postTip({ objectId, text });
  expect(accepted.status).toBe(202);
  const coordinator = await as(['coordinator']);
  return eventually(async () => {
    const response = await coordinator.get(`/investigator/tips/${String(accepted.body.tipId)}`);
    return response.status === 200 && (response.body.pipeline === 'classified' || response.body.pipeline === 'deduplicated') ? response.body : undefined;
  }, 30_000);
}

async function queueCount(country: string): Promise<Json> {
  const overview = await (await as(['coordinator'])).get('/investigator/overview');
  return (overview.body.items as Json[]).find((item) => item.country === country) ?? { total: 0, byStatus: {} };
}

async function tally(objectId: string, country: string): Promise<{ summary: Json; tally: Json | undefined }> {
  const summary = (await (await as(['coordinator'])).get(`/investigator/objects/${objectId}/summary`)).body;
  return { summary, tally: (summary.countries as Json[]).find((entry) => entry.country === country) };
}

beforeAll(async () => {
  stack = await startTestStack({});
  api = apiClient(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

describe('counters when a dismissed tip expires', () => {
  it('take the expired tip out and count its promoted duplicate as new, once even when the expiry is delivered again', async () => {
    // Prepare: a first tip with two copies in PT, dismissed.
    const objectId = 'obj-towel';
    const text = 'Counters: this towel hangs in a guesthouse in Braga, Portugal, I saw a stack of them.';
    const first = await decidedTip(objectId, text);
    const copies = [await decidedTip(objectId, text), await decidedTip(objectId, `${text}!`)];
    expect(first.queue).toBe('PT');
    expect(copies.every((copy) => copy.duplicateOf === first.tipId)).toBe(true);
    const pt = await as(['PT']);
    const review = await pt.patch(`/investigator/tips/${first.tipId}`, { status: 'in_review' }, first.version);
    const dismissed = await pt.patch(`/investigator/tips/${first.tipId}`, { status: 'dismissed' }, review.body.version);
    const queueBefore = await queueCount('PT');
    const before = await tally(objectId, 'PT');

    // Act
    await sweepExpired(dismissed.body.expiresAt + 1);
    const successor = await eventually(async () => {
      for (const copy of copies) {
        const read = await pt.get(`/investigator/tips/${copy.tipId}`);
        if (read.body.pipeline === 'classified' && read.body.duplicateOf === null) return read.body;
      }
      return undefined;
    }, 30_000);
    const { retireExpiredTip } = await import('#shared/tips/expire.ts');
    await retireExpiredTip(dismissed.body);
    const queueAfter = await queueCount('PT');
    const after = await tally(objectId, 'PT');

    // Assess: one distinct tip left (dismissed) and one came in (new); the people stay (the expired tip is gone).
    expect(successor.queue).toBe('PT');
    expect(queueAfter.total).toBe(queueBefore.total);
    expect(queueAfter.byStatus.dismissed).toBe(queueBefore.byStatus.dismissed - 1);
    expect(queueAfter.byStatus.new).toBe(queueBefore.byStatus.new + 1);
    expect(after.summary.distinctTips).toBe(before.summary.distinctTips);
    expect(after.summary.duplicates).toBe(before.summary.duplicates - 1);
    expect(after.tally!.tips).toBe(before.tally!.tips);
    expect(after.tally!.people).toBe(before.tally!.people - 1);
    expect(after.tally!.byStatus.dismissed ?? 0).toBe((before.tally!.byStatus.dismissed ?? 0) - 1);
    expect(after.tally!.strongestTipId).not.toBe(first.tipId);
  });

  it('take out an expired tip without duplicates from the overview and the tally', async () => {
    // Prepare
    const objectId = 'obj-bag';
    const first = await decidedTip(objectId, 'Counters: the bag is from a grocery in Tallinn, Estonia, they hand them out free.');
    expect(first.queue).toBe('EE');
    const ee = await as(['EE']);
    const review = await ee.patch(`/investigator/tips/${first.tipId}`, { status: 'in_review' }, first.version);
    const dismissed = await ee.patch(`/investigator/tips/${first.tipId}`, { status: 'dismissed' }, review.body.version);
    const queueBefore = await queueCount('EE');
    const before = await tally(objectId, 'EE');

    // Act
    await sweepExpired(dismissed.body.expiresAt + 1);
    const queueAfter = await queueCount('EE');
    const after = await tally(objectId, 'EE');

    // Assess
    expect(queueAfter.total).toBe(queueBefore.total - 1);
    expect(queueAfter.byStatus.dismissed).toBe(queueBefore.byStatus.dismissed - 1);
    expect(after.summary.distinctTips).toBe(before.summary.distinctTips - 1);
    expect(after.tally?.tips ?? 0).toBe(before.tally!.tips - 1);
    expect(after.tally?.strongestTipId ?? null).not.toBe(first.tipId);
  });
});

describe('the strongest tip of a queue on re-route', () => {
  it('follows the tip to its new queue with its new confidence, and leaves the old queue', async () => {
    // Prepare: the only tip of a fresh object, routed to its country.
    const objectId = 'obj-wallpaper';
    const tip = await decidedTip(objectId, 'Counters: this wallpaper is in every flat of a housing block in Gdansk, Poland.');
    expect(tip.queue).toBe('PL');
    const coordinator = await as(['coordinator']);

    // Act
    const moved = await coordinator.patch(`/investigator/tips/${tip.tipId}`, { country: 'CZ' }, tip.version);
    const oldQueue = await tally(objectId, 'PL');
    const newQueue = await tally(objectId, 'CZ');

    // Assess
    expect(moved.status).toBe(200);
    expect(oldQueue.tally?.strongestTipId ?? null).not.toBe(tip.tipId);
    expect(newQueue.tally).toMatchObject({ tips: 1, strongestTipId: tip.tipId, maxConfidence: moved.body.confidence ?? 0 });
  });

  it('hands the old queue its next strongest tip when the strongest leaves', async () => {
    // Prepare: two tips of one object in one queue; the stronger is re-routed.
    const objectId = 'obj-bag';
    const strong = await decidedTip(objectId, 'Counters: this mug is sold in a souvenir shop in Ghent, Belgium, on the Korenmarkt, +32 9 266 52 32.');
    const weak = await decidedTip(objectId, 'Counters: I think I saw this mug in Belgium once.');
    expect([strong.queue, weak.queue]).toEqual(['BE', 'BE']);
    const [top, next] = strong.confidence >= weak.confidence ? [strong, weak] : [weak, strong];
    const coordinator = await as(['coordinator']);

    // Act
    await coordinator.patch(`/investigator/tips/${top.tipId}`, { country: 'NL' }, top.version);
    const oldQueue = await tally(objectId, 'BE');

    // Assess
    expect(oldQueue.tally).toMatchObject({ tips: 1, strongestTipId: next.tipId, maxConfidence: next.confidence });
  });
});

/**
 * A promoted duplicate keeps its attachment evidence (issue 15): when a cluster's first tip
 * expires, its successor is classified and filed in the dedupe index by retention
 * (shared/tips/expire.ts), and must carry the same photo evidence as a tip filed normally:
 * its photo's GPS as `photo-gps`, and its photo's hash, so a later re-compressed copy joins it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { sweepExpired } from '#local/sweeper.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { photoWithGps, recompressed } from '../support/files.ts';
import { startTestStack } from '../support/stack.ts';
import { uploadAttachment } from '../support/uploads.ts';

type Json = Record<string, any>;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

const as = (groups: string[]) => investigatorClient(api, stack.keys, groups);

beforeAll(async () => {
  stack = await startTestStack({});
  api = apiClient(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

async function sendTip(objectId: string, text: string, photos: Buffer[] = []): Promise<string> {
  const keys: string[] = [];
  for (const photo of photos) {
    const { grant, uploaded } = await uploadAttachment(api, photo, 'image/jpeg');
    expect(uploaded).toBeLessThan(300);
    keys.push(String(grant.attachmentKey));
  }
  const accepted = await api.postTip({ objectId, text, ...(keys.length === 0 ? {} : { attachmentKeys: keys }) });
  expect(accepted.status).toBe(202);
  return String(accepted.body.tipId);
}

/** The tip once the pipeline has decided it: classified (queue set) or recorded as a duplicate. */
async function settled(tipId: string): Promise<Json> {
  const coordinator = await as(['coordinator']);
  return eventually(async () => {
    const { status, body } = await coordinator.get(`/investigator/tips/${tipId}`);
    return status === 200 && (typeof body.queue === 'string' || typeof body.duplicateOf === 'string') ? body : undefined;
  }, 20_000);
}

describe('a duplicate promoted when its first tip expires', () => {
  it('is classified with its photo as photo-gps evidence, and a re-compressed copy of the photo joins its cluster', async () => {
    // Prepare: a text-only first tip routed by its text to ES, and a copy of its text that carries a photo taken in Sevilla.
    const text = 'I saw this bag in a shop window in Sevilla, Spain, two summers ago.';
    const photo = await photoWithGps({ lat: 37.3891, lon: -5.9845, seed: 11 });
    const first = await settled(await sendTip('obj-bag', text));
    const copy = await settled(await sendTip('obj-bag', text, [photo]));
    expect(first.queue).toBe('ES');
    expect(copy.duplicateOf).toBe(first.tipId);
    const es = await as(['ES']);
    const review = await es.patch(`/investigator/tips/${first.tipId}`, { status: 'in_review' }, 1);
    const dismissed = await es.patch(`/investigator/tips/${first.tipId}`, { status: 'dismissed' }, review.body.version);
    expect(dismissed.status).toBe(200);

    // Act
    await sweepExpired(dismissed.body.expiresAt + 1);
    const coordinator = await as(['coordinator']);
    const heir = await eventually(async () => {
      const { body } = await coordinator.get(`/investigator/tips/${copy.tipId}`);
      return body.pipeline === 'classified' && body.duplicateOf === null ? body : undefined;
    }, 20_000);
    const later = await settled(await sendTip('obj-bag', 'A friend forwarded me this picture, no idea where it was taken.', [await recompressed(photo, 40)]));

    // Assess
    const kinds = heir.candidates.flatMap((c: Json) => c.evidence.map((e: Json) => e.kind));
    expect.soft(kinds).toContain('photo-gps');
    expect.soft(heir.candidates.some((c: Json) => c.country === 'ES' && c.evidence.some((e: Json) => e.kind === 'photo-gps'))).toBe(true);
    expect.soft(later).toMatchObject({ duplicateOf: copy.tipId, dedupeReason: 'photo' });
  });
});

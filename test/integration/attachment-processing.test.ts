import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { pdfWithText, photoWithGps, recompressed } from '../support/files.ts';
import { startTestStack } from '../support/stack.ts';
import { uploadAttachment } from '../support/uploads.ts';

type Json = Record<string, any>;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let coordinator: Awaited<ReturnType<typeof investigatorClient>>;

beforeAll(async () => {
  stack = await startTestStack({});
  api = apiClient(stack.url);
  coordinator = await investigatorClient(api, stack.keys, ['coordinator']);
});

afterAll(async () => {
  await stack?.stop();
});

const LISBON = { lat: 38.7223, lon: -9.1393 };
/** A text that names no place: without its photo this tip is unrouted (pipeline.test.ts). */
const NO_PLACE = 'My aunt had exactly this pattern in her hallway.';
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function sendTip(text: string, files: { bytes: Buffer; type: string }[], objectId = 'obj-wallpaper'): Promise<string> {
  const keys: string[] = [];
  for (const file of files) {
    const { grant, uploaded } = await uploadAttachment(api, file.bytes, file.type);
    expect(uploaded).toBeLessThan(300);
    keys.push(String(grant.attachmentKey));
  }
  const accepted = await api.postTip({ objectId, text, attachmentKeys: keys });
  expect(accepted.status).toBe(202);
  return String(accepted.body.tipId);
}

/** The tip once its pipeline is done: classified (queue set) or recorded as a duplicate. */
async function settled(tipId: string): Promise<Json> {
  return eventually(async () => {
    const { status, body } = await coordinator.get(`/investigator/tips/${tipId}`);
    return status === 200 && (typeof body.queue === 'string' || typeof body.duplicateOf === 'string') ? body : undefined;
  }, 20_000);
}

describe('attachments processed in the pipeline', () => {
  it('routes a tip naming no place to PT from its photo taken in Lisbon, with photo-gps evidence', async () => {
    // Prepare
    const photo = await photoWithGps(LISBON);

    // Act
    const tip = await settled(await sendTip(NO_PLACE, [{ bytes: photo, type: 'image/jpeg' }]));

    // Assess
    expect(tip.queue).toBe('PT');
    expect(tip.candidates[0].evidence.map((e: Json) => e.kind)).toContain('photo-gps');
    expect(tip.attachments[0].photo).toMatchObject({ country: 'PT', capturedAt: '2026-05-01T10:11:12', make: 'TiplineTestCam', label: "from the photo's metadata" });
    expect(tip.attachments[0].photo.lat).toBeCloseTo(LISBON.lat, 3);
    expect(tip.attachments[0].photo.lon).toBeCloseTo(LISBON.lon, 3);
  });

  it('shows a viewing copy without EXIF or XMP, and keeps the original, its hash in the audit trail', async () => {
    // Prepare: the same photo and text as above, so this tip is also a duplicate (its own attachments all the same).
    const photo = await photoWithGps(LISBON);
    expect(photo.includes(Buffer.from('Exif\0\0')), 'the test photo must carry EXIF').toBe(true);
    expect(photo.includes(Buffer.from('http://ns.adobe.com/xap/1.0/')), 'the test photo must carry XMP').toBe(true);

    // Act
    const tip = await settled(await sendTip(NO_PLACE, [{ bytes: photo, type: 'image/jpeg' }]));
    const viewing = Buffer.from(await (await fetch(tip.attachments[0].preview.url)).arrayBuffer());
    const original = await coordinator.call<Json>('POST', `/investigator/tips/${tip.tipId}/attachments/0/original`, {});
    const originalBytes = Buffer.from(await (await fetch(original.body.url)).arrayBuffer());
    const trail = await coordinator.get(`/investigator/tips/${tip.tipId}/history`);

    // Assess
    expect(tip.attachments[0]).toMatchObject({ status: 'shown', scan: 'not scanned (local stack)', sha256: sha256(photo) });
    expect(viewing.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect(viewing.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(viewing.includes(Buffer.from('http://ns.adobe.com/xap/1.0/'))).toBe(false);
    expect(viewing.includes(Buffer.from('TiplineTestCam'))).toBe(false);
    expect(original.status).toBe(200);
    expect(sha256(originalBytes)).toBe(sha256(photo));
    const changes = trail.body.items.flatMap((entry: Json) => entry.changes);
    expect(changes.some((c: Json) => c.field === 'attachment' && String(c.to).includes(`sha256:${sha256(photo)}`))).toBe(true);
    expect(changes.some((c: Json) => c.field === 'download' && String(c.to).startsWith('original '))).toBe(true);
  });

  it('lets only coordinators download an original', async () => {
    // Prepare
    const tip = await settled(await sendTip(NO_PLACE, [{ bytes: await photoWithGps({ ...LISBON, seed: 5 }), type: 'image/jpeg' }]));
    const investigator = await investigatorClient(api, stack.keys, ['PT']);

    // Act
    const refused = await investigator.call('POST', `/investigator/tips/${tip.tipId}/attachments/0/original`, {});
    const detail = await investigator.get(`/investigator/tips/${tip.tipId}`);

    // Assess
    expect(refused.status).toBe(403);
    expect(detail.status).toBe(200);
    expect(detail.body.attachments[0].preview.url).toContain('/viewing/');
    expect(JSON.stringify(detail.body)).not.toContain('/attachments/20');
  });

  it('puts the same photo, re-compressed and sent twice with other words, in one cluster', async () => {
    // Prepare
    const photo = await photoWithGps({ ...LISBON, seed: 3 });
    const first = await settled(await sendTip('Found this in a rented flat last summer.', [{ bytes: photo, type: 'image/jpeg' }], 'obj-towel'));

    // Act
    const again = await settled(await sendTip('Same one, my sister sent me the picture again.', [{ bytes: await recompressed(photo, 40), type: 'image/jpeg' }], 'obj-towel'));

    // Assess
    expect(again).toMatchObject({ duplicateOf: first.tipId, dedupeReason: 'photo' });
    expect(again.cluster.map((m: Json) => m.tipId)).toEqual(expect.arrayContaining([first.tipId, again.tipId]));
  });

  it('classifies the text layer of a PDF like tip text', async () => {
    // Act
    const tip = await settled(await sendTip('The receipt that came with it is attached.', [{ bytes: pdfWithText('Supermercado Pingo Doce, Lisboa, Portugal. Total 12,40 EUR'), type: 'application/pdf' }], 'obj-bag'));

    // Assess
    expect(tip.queue).toBe('PT');
    expect(tip.candidates[0].evidence.some((e: Json) => e.source === 'attachment')).toBe(true);
    expect(tip.attachments[0]).toMatchObject({ type: 'application/pdf', status: 'shown' });
    expect(tip.attachments[0].pdfTextChars).toBeGreaterThan(0);
    // The download is the metadata-free copy (shared/media/pdf-clean.ts), never the original.
    expect(tip.attachments[0].preview.url).toContain('/viewing/');
  });
});

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { photoWithGps, recompressed } from '../support/files.ts';
import { startTestStack } from '../support/stack.ts';

type Json = Record<string, any>;

/**
 * A file uploaded after its tip was queued (an API client that sends the tip first, or an
 * upload still running when the tip went): the pipeline checks again for it (a delayed
 * intake message, shared/media/pipeline.ts `recheckDelay`) and processes it as it would have.
 */
let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let coordinator: Awaited<ReturnType<typeof investigatorClient>>;

beforeAll(async () => {
  // Read once by the dedupe function at start, as every setting: re-check after 1 s instead of minutes.
  process.env.ATTACHMENT_RECHECK_SECONDS = '1';
  stack = await startTestStack({});
  api = apiClient(stack.url);
  coordinator = await investigatorClient(api, stack.keys, ['coordinator']);
});

afterAll(async () => {
  await stack?.stop();
  delete process.env.ATTACHMENT_RECHECK_SECONDS;
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function grant(bytes: Uint8Array, contentType: string): Promise<Json> {
  const response = await api.call<Json>('POST', '/tips/attachments', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contentType, size: bytes.length }) });
  expect(response.status).toBe(201);
  return response.body;
}

async function upload(granted: Json, bytes: Uint8Array, contentType: string): Promise<number> {
  const body = new FormData();
  for (const [name, value] of Object.entries(granted.upload.fields as Record<string, string>)) body.append(name, value);
  body.append('file', new Blob([bytes], { type: contentType }), 'file');
  return (await fetch(granted.upload.url as string, { method: 'POST', body })).status;
}

async function detail(tipId: string): Promise<Json> {
  const { status, body } = await coordinator.get(`/investigator/tips/${tipId}`);
  expect(status).toBe(200);
  return body;
}

describe('an attachment uploaded after its tip was queued', () => {
  it('is processed when it arrives: viewing copy, hash in the audit trail, photo metadata, photo hash for duplicates', async () => {
    // Prepare: the tip goes first, naming a key whose file is not there yet, and is classified without it.
    const photo = await photoWithGps({ lat: 38.7223, lon: -9.1393, seed: 11 });
    const granted = await grant(photo, 'image/jpeg');
    const accepted = await api.postTip({ objectId: 'obj-towel', text: 'We had these towels in a holiday flat.', attachmentKeys: [granted.attachmentKey] });
    expect(accepted.status).toBe(202);
    const tipId = String(accepted.body.tipId);
    const before = await eventually(async () => {
      const body = await detail(tipId);
      return typeof body.queue === 'string' ? body : undefined;
    }, 20_000);

    // Act: the file arrives late.
    expect(await upload(granted, photo, 'image/jpeg')).toBeLessThan(300);
    const after = await eventually(async () => {
      const body = await detail(tipId);
      return body.attachments?.[0]?.status === 'shown' ? body : undefined;
    }, 20_000);
    const viewing = Buffer.from(await (await fetch(after.attachments[0].preview.url)).arrayBuffer());
    const trail = await coordinator.get(`/investigator/tips/${tipId}/history`);
    // The same photo, re-compressed, with other words: it must find the late photo in the index.
    const again = await grant(await recompressed(photo, 45), 'image/jpeg');
    expect(await upload(again, await recompressed(photo, 45), 'image/jpeg')).toBeLessThan(300);
    const copy = await api.postTip({ objectId: 'obj-towel', text: 'My cousin forwarded me this picture today.', attachmentKeys: [again.attachmentKey] });
    const copied = await eventually(async () => {
      const body = await detail(String(copy.body.tipId));
      return typeof body.queue === 'string' || typeof body.duplicateOf === 'string' ? body : undefined;
    }, 20_000);

    // Assess
    expect(before.attachments.map((a: Json) => a.status)).toEqual(['awaiting']);
    expect(after.attachments[0]).toMatchObject({ sha256: sha256(photo), scan: 'not scanned (local stack)', photo: { country: 'PT', label: "from the photo's metadata" } });
    expect(viewing.includes(Buffer.from('Exif\0\0'))).toBe(false);
    const changes = trail.body.items.flatMap((entry: Json) => entry.changes);
    expect(changes.some((c: Json) => c.field === 'attachment' && String(c.to).includes(`sha256:${sha256(photo)}`))).toBe(true);
    expect(copied).toMatchObject({ duplicateOf: tipId, dedupeReason: 'photo' });
  });

  it('is shown as awaiting its upload while it has not arrived, and offers no original', async () => {
    // Prepare
    const granted = await grant(await photoWithGps({ lat: 52.37, lon: 4.89, seed: 12 }), 'image/jpeg');
    const accepted = await api.postTip({ objectId: 'obj-bag', text: 'Sold in a street market in Amsterdam.', attachmentKeys: [granted.attachmentKey] });
    const tipId = String(accepted.body.tipId);

    // Act
    const tip = await eventually(async () => {
      const body = await detail(tipId);
      return typeof body.queue === 'string' ? body : undefined;
    }, 20_000);
    const original = await coordinator.call<Json>('POST', `/investigator/tips/${tipId}/attachments/0/original`, {});

    // Assess
    expect(tip.attachments).toEqual([expect.objectContaining({ index: 0, status: 'awaiting' })]);
    expect(original.status).toBe(409);
    expect(String(original.body.error)).toMatch(/not been uploaded/);
  });
});

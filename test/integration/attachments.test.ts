import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '#local/jwt.ts';
import type { LocalStack } from '#local/stack.ts';
import { sweepExpired } from '#local/sweeper.ts';
import { apiClient, eventually } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

type Json = Record<string, any>;

// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack({});
  api = apiClient(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

async function requestUpload(contentType: string, size: number) {
  return api.call<Json>('POST', '/tips/attachments', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contentType, size }) });
}

async function upload(form: Json, bytes: Buffer, contentType: string): Promise<number> {
  const body = new FormData();
  for (const [name, value] of Object.entries(form.upload.fields as Record<string, string>)) body.append(name, value);
  body.append('file', new Blob([bytes], { type: contentType }), 'photo');
  return (await fetch(form.upload.url as string, { method: 'POST', body })).status;
}

async function detail(tipId: string, groups = ['coordinator']): Promise<Json> {
  const token = await mintToken(stack.keys, { groups });
  return eventually(async () => {
    const response = await api.get<Json>(`/investigator/tips/${tipId}`, token);
    return response.status === 200 && typeof response.body.queue === 'string' ? response.body : undefined;
  });
}

describe('tip attachments', () => {
  it('uploads through a presigned POST on the page origin, shows the investigator a re-encoded copy and the coordinator the same bytes', async () => {
    // Prepare
    const form = await requestUpload('image/png', PNG.length);

    // Act
    const uploaded = await upload(form.body, PNG, 'image/png');
    const accepted = await api.postTip({ objectId: 'obj-towel', text: 'Photo of the same towel from a hotel in Faro, Portugal.', attachmentKey: form.body.attachmentKey });
    const tip = await detail(String(accepted.body.tipId), ['PT']);
    const viewing = Buffer.from(await (await fetch(tip.attachment.url as string)).arrayBuffer());
    const coordinator = await mintToken(stack.keys, { groups: ['coordinator'], username: 'coord' });
    const original = await api.call<Json>('POST', `/investigator/tips/${String(accepted.body.tipId)}/attachments/0/original`, { headers: { authorization: `Bearer ${coordinator}` } });
    const download = await fetch(original.body.url as string);

    // Assess
    expect(form.status).toBe(201);
    expect(form.body.upload.url.startsWith(`${stack.url}/_s3/`)).toBe(true);
    expect(uploaded).toBeGreaterThanOrEqual(200);
    expect(uploaded).toBeLessThan(300);
    expect(accepted.status).toBe(202);
    expect(tip.attachment).toMatchObject({ contentType: 'image/png', status: 'shown' });
    expect(tip.attachment.url).toContain('/viewing/');
    expect(viewing.subarray(0, 8).equals(PNG.subarray(0, 8))).toBe(true);
    expect(tip.attachments[0]).toMatchObject({ type: 'image/png', size: PNG.length });
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses other content types and files over 10 MB with a 400 naming the field', async () => {
    // Act
    const html = await requestUpload('text/html', 100);
    const huge = await requestUpload('image/jpeg', 20 * 1024 * 1024);

    // Assess
    expect(html.status).toBe(400);
    expect(html.body.issues[0].path).toBe('contentType');
    expect(huge.status).toBe(400);
    expect(huge.body.issues[0].path).toBe('size');
  });

  it('refuses a malformed attachmentKey with a 400 naming it', async () => {
    const response = await api.postTip({ objectId: 'obj-towel', text: 'From Spain', attachmentKey: '../objects/obj-towel/image' });
    expect(response.status).toBe(400);
    expect((response.body as Json).issues[0].path).toBe('attachmentKey');
  });

  it('tells the investigator when a referenced attachment was never uploaded', async () => {
    // Prepare
    const form = await requestUpload('application/pdf', 1000);

    // Act
    const accepted = await api.postTip({ objectId: 'obj-bag', text: 'Receipt from a shop in Kraków, Poland attached.', attachmentKey: form.body.attachmentKey });
    const tip = await detail(String(accepted.body.tipId));

    // Assess
    expect(tip.attachment).toEqual({ missing: true });
  });

  it('deletes the attachment when its dismissed tip expires', async () => {
    // Prepare
    const form = await requestUpload('image/png', PNG.length);
    await upload(form.body, PNG, 'image/png');
    const accepted = await api.postTip({ objectId: 'obj-wallpaper', text: 'This wallpaper was in a flat in Coimbra, Portugal.', attachmentKey: form.body.attachmentKey });
    const tipId = String(accepted.body.tipId);
    const token = await mintToken(stack.keys, { groups: ['PT'] });
    const tip = await detail(tipId, ['PT']);
    const patch = (body: Json, version: number) =>
      api.call<Json>('PATCH', `/investigator/tips/${tipId}`, {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': `"${version}"` },
        body: JSON.stringify(body),
      });
    const review = await patch({ status: 'in_review' }, tip.version);
    const dismissed = await patch({ status: 'dismissed' }, review.body.version);

    // Act
    await sweepExpired(dismissed.body.expiresAt + 1);

    // Assess
    expect((await fetch(tip.attachment.url as string)).status).toBe(404);
  });
});

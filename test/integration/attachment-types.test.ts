import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { apiClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';
import { uploadAttachment } from '../support/uploads.ts';

type Json = Record<string, any>;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack({});
  api = apiClient(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

// A Windows executable's first bytes ("MZ", the DOS stub), sent as if it were a photo.
const EXECUTABLE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120)]);
const SVG = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('attachment types are checked from the bytes', () => {
  it('refuses a renamed executable uploaded as image/jpeg with a 400 naming it', async () => {
    // Prepare
    const { grant, uploaded } = await uploadAttachment(api, EXECUTABLE, 'image/jpeg');

    // Act
    const response = await api.postTip({ objectId: 'obj-towel', text: 'Here is my photo of the towel.', attachmentKey: grant.attachmentKey });

    // Assess
    expect(uploaded).toBeLessThan(300);
    expect(response.status).toBe(400);
    const issue = (response.body as Json).issues[0];
    expect(issue.path).toBe('attachmentKey');
    expect(issue.message).toMatch(/Windows executable/);
  });

  it('refuses an SVG uploaded as image/png with a 400 naming it, at its place in attachmentKeys', async () => {
    // Prepare
    const png = await uploadAttachment(api, PNG, 'image/png');
    const svg = await uploadAttachment(api, SVG, 'image/png');

    // Act
    const response = await api.postTip({ objectId: 'obj-towel', text: 'Two photos of the towel.', attachmentKeys: [png.grant.attachmentKey, svg.grant.attachmentKey] });

    // Assess
    expect(response.status).toBe(400);
    const issue = (response.body as Json).issues[0];
    expect(issue.path).toBe('attachmentKeys.1');
    expect(issue.message).toMatch(/SVG/);
  });

  it('refuses a file over 10 MB, when asked for and when uploaded past its grant', async () => {
    // Act
    const asked = await api.call<Json>('POST', '/tips/attachments', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contentType: 'image/jpeg', size: 10 * 1024 * 1024 + 1 }),
    });
    const grant = await api.call<Json>('POST', '/tips/attachments', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contentType: 'image/jpeg', size: 1000 }),
    });
    const body = new FormData();
    for (const [name, value] of Object.entries(grant.body.upload.fields as Record<string, string>)) body.append(name, value);
    body.append('file', new Blob([Buffer.alloc(2000, 0xff)], { type: 'image/jpeg' }), 'file');
    const overGrant = await fetch(grant.body.upload.url as string, { method: 'POST', body });

    // Assess
    expect(asked.status).toBe(400);
    expect(asked.body.issues[0].path).toBe('size');
    expect(overGrant.status).toBe(413);
  });

  it('accepts up to 5 attachments and refuses a sixth with a 400 naming attachmentKeys', async () => {
    // Prepare
    const keys: string[] = [];
    for (let i = 0; i < 6; i++) keys.push(String((await uploadAttachment(api, PNG, 'image/png')).grant.attachmentKey));

    // Act
    const six = await api.postTip({ objectId: 'obj-towel', text: 'Six photos of the towel.', attachmentKeys: keys });
    const five = await api.postTip({ objectId: 'obj-towel', text: 'Five photos of the towel.', attachmentKeys: keys.slice(0, 5) });

    // Assess
    expect(six.status).toBe(400);
    expect((six.body as Json).issues[0].path).toBe('attachmentKeys');
    expect(five.status).toBe(202);
  });
});

/**
 * The local stack's S3 endpoint on the API port (issue 19, finding 2): the
 * port never exposes the emulator. Only presigned POST uploads whose policy is
 * verified and presigned GET downloads whose signature is verified get
 * through; listing, PUT, DELETE, SQS actions and unsigned reads are refused;
 * uploads stop at their size limit without buffering the body; and nothing
 * uploaded is served inline with an executable type on the site's origin.
 */
import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '#local/jwt.ts';
import { localBucketName } from '#local/names.ts';
import type { LocalStack } from '#local/stack.ts';
import { apiClient, eventually } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

type Json = Record<string, any>;

// A 1x1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const HTML = Buffer.from('<!doctype html><script>document.title = localStorage.getItem("tipline.token")</script>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>');

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
/** Straight to the emulator, as the handlers talk to it (the test plays the operator here). */
let internal: S3Client;
let bucket: string;

beforeAll(async () => {
  stack = await startTestStack({ rateLimitPerMinute: 0 });
  api = apiClient(stack.url);
  bucket = localBucketName('evidence');
  internal = new S3Client({ endpoint: stack.emulators.awsEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, forcePathStyle: true });
});

afterAll(async () => {
  internal?.destroy();
  await stack?.stop();
});

/** A client that signs with the given credentials and points its links at the API port's /_s3. */
function signer(credentials: { accessKeyId: string; secretAccessKey: string }): S3Client {
  return new S3Client({ endpoint: `${stack.url}/_s3`, region: 'us-east-1', credentials, forcePathStyle: true });
}
/** The credentials the stack's own functions sign with. */
const stackCredentials = () => ({ accessKeyId: stack.env.AWS_ACCESS_KEY_ID!, secretAccessKey: stack.env.AWS_SECRET_ACCESS_KEY! });

async function attachmentForm(contentType: string, size: number): Promise<Json> {
  const response = await api.call<Json>('POST', '/tips/attachments', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contentType, size }) });
  expect(response.status).toBe(201);
  return response.body;
}

async function postForm(url: string, fields: Record<string, string>, bytes: Buffer, type = 'application/octet-stream'): Promise<{ status: number; text: string }> {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', new Blob([bytes], { type }), 'file');
  const response = await fetch(url, { method: 'POST', body });
  return { status: response.status, text: await response.text() };
}

async function stored(key: string): Promise<boolean> {
  try {
    await internal.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch {
    return false;
  }
}

async function exportLink(): Promise<string> {
  const token = await mintToken(stack.keys, { groups: ['coordinator'] });
  const accepted = await api.postTip({ objectId: 'obj-towel', text: 'Seen this towel at a market stall in Ghent, Belgium.' });
  await eventually(async () => {
    const tip = await api.get<Json>(`/investigator/tips/${String(accepted.body.tipId)}`, token);
    return tip.status === 200 && typeof tip.body.queue === 'string' ? true : undefined;
  }, 20_000);
  const response = await api.call('GET', '/investigator/exports?objectId=obj-towel&format=csv', { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(303);
  return response.headers.get('location')!;
}

describe('the API port does not expose the emulator', () => {
  it('refuses an unauthenticated bucket listing', async () => {
    // Prepare
    await internal.send(new PutObjectCommand({ Bucket: bucket, Key: 'exports/2026-01-01/listed.csv', Body: 'tipId,text\n1,secret' }));

    // Act
    const listing = await fetch(`${stack.url}/_s3/${bucket}?list-type=2`);
    const text = await listing.text();

    // Assess
    expect(listing.status).toBe(403);
    expect(text).not.toContain('exports/');
  });

  it('serves an export through its link, and refuses it unsigned, expired, re-signed with the public default key, or with its signature moved to another key', async () => {
    // Prepare
    const link = await exportLink();
    const url = new URL(link);
    const unsigned = `${url.origin}${url.pathname}`;
    const tampered = new URL(link);
    tampered.searchParams.set('X-Amz-Signature', '0'.repeat(64));
    const moved = new URL(link);
    moved.pathname = `/_s3/${bucket}/exports/2026-01-01/listed.csv`;
    const key = decodeURIComponent(url.pathname.slice(`/_s3/${bucket}/`.length));
    const expired = await getSignedUrl(signer(stackCredentials()), new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 60, signingDate: new Date(Date.now() - 10 * 60_000) });
    const publicKey = await getSignedUrl(signer({ accessKeyId: 'local', secretAccessKey: 'local' }), new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 60 });

    // Act
    const genuine = await fetch(link);
    const genuineText = await genuine.text();
    const statuses = await Promise.all([unsigned, tampered.href, moved.href, expired, publicKey].map(async (target) => (await fetch(target)).status));

    // Assess
    expect(genuine.status).toBe(200);
    expect(genuineText).toContain('Ghent');
    expect(genuine.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(statuses).toEqual([403, 403, 403, 403, 403]);
  });

  it('refuses a PUT and a DELETE of any object', async () => {
    // Act
    const put = await fetch(`${stack.url}/_s3/${bucket}/objects/obj-towel/image`, { method: 'PUT', headers: { 'content-type': 'text/html' }, body: HTML });
    const del = await fetch(`${stack.url}/_s3/${bucket}/exports/2026-01-01/listed.csv`, { method: 'DELETE' });

    // Assess
    expect(put.status).toBe(403);
    expect(del.status).toBe(403);
    expect(await stored('objects/obj-towel/image')).toBe(false);
  });

  it('refuses forged SQS actions in both protocols, and nothing reaches the intake queue', async () => {
    // Prepare
    const queueUrl = stack.resources.queueUrls.intake.url;
    const forged = { tipId: '01KFORGEDFORGEDFORGEDFORGE', objectId: 'obj-towel', text: 'forged', submittedAt: '2026-01-01T00:00:00Z' };
    await stack.stopPollers();

    // Act
    const json = await fetch(`${stack.url}/_s3/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage' },
      body: JSON.stringify({ QueueUrl: queueUrl, MessageBody: JSON.stringify(forged) }),
    });
    const query = await fetch(`${stack.url}/_s3/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ Action: 'SendMessage', QueueUrl: queueUrl, MessageBody: JSON.stringify(forged) }).toString(),
    });
    const sqs = new SQSClient({ endpoint: stack.emulators.awsEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    sqs.destroy();
    stack.startPollers();

    // Assess
    expect(json.status).toBe(403);
    expect(query.status).toBe(403);
    expect((received.Messages ?? []).map((message) => message.Body)).not.toContain(JSON.stringify(forged));
  });

  it('keeps the emulator off every non-loopback address', async () => {
    // Prepare
    const port = Number(new URL(stack.emulators.awsEndpoint).port);
    const external = Object.values(networkInterfaces()).flat().find((info) => info !== undefined && !info.internal && info.family === 'IPv4');

    // Act
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: external?.address ?? '0.0.0.0', port }, () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });

    // Assess
    expect(stack.emulators.awsEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:/);
    expect(outcome).toBe('ECONNREFUSED');
  });
});

describe('presigned POST uploads are verified', () => {
  it('refuses a policy that was altered after signing', async () => {
    // Prepare
    const form = await attachmentForm('image/png', PNG.length);
    const policy = JSON.parse(Buffer.from(form.upload.fields.Policy, 'base64').toString('utf8'));
    policy.conditions = policy.conditions.map((condition: unknown) =>
      Array.isArray(condition) && condition[0] === 'eq' ? ['starts-with', '$Content-Type', ''] : condition,
    );
    const fields = { ...form.upload.fields, 'Content-Type': 'text/html', Policy: Buffer.from(JSON.stringify(policy)).toString('base64') };

    // Act
    const upload = await postForm(form.upload.url, fields, HTML, 'text/html');

    // Assess
    expect(upload.status).toBe(403);
    expect(await stored(form.attachmentKey)).toBe(false);
  });

  it('refuses a policy signed with the public default key, an expired one, another key, another content type', async () => {
    // Prepare
    const forged = await createPresignedPost(signer({ accessKeyId: 'local', secretAccessKey: 'local' }), {
      Bucket: bucket,
      Key: 'objects/obj-towel/image',
      Conditions: [['starts-with', '$Content-Type', '']],
      Fields: { 'Content-Type': 'text/html' },
      Expires: 600,
    });
    const expired = await createPresignedPost(signer(stackCredentials()), {
      Bucket: bucket,
      Key: 'attachments/2026-01-01/expired',
      Conditions: [['content-length-range', 1, 1000]],
      Expires: -60,
    });
    const form = await attachmentForm('image/png', PNG.length);

    // Act
    const results = [
      await postForm(forged.url, forged.fields, HTML, 'text/html'),
      await postForm(expired.url, expired.fields, PNG),
      await postForm(form.upload.url, { ...form.upload.fields, key: 'objects/obj-towel/image' }, PNG),
      await postForm(form.upload.url, { ...form.upload.fields, 'Content-Type': 'text/html' }, HTML),
    ];

    // Assess
    expect(results.map((result) => result.status)).toEqual([403, 403, 403, 403]);
    expect(await stored('objects/obj-towel/image')).toBe(false);
    expect(await stored('attachments/2026-01-01/expired')).toBe(false);
    expect(await stored(form.attachmentKey)).toBe(false);
  });

  it('refuses a file larger than the size the tipster declared with a 413', async () => {
    // Prepare
    const form = await attachmentForm('image/png', 1000);

    // Act
    const upload = await postForm(form.upload.url, form.upload.fields, Buffer.alloc(4000, 1));

    // Assess
    expect(upload.status).toBe(413);
    expect(upload.text).toContain('EntityTooLarge');
    expect(await stored(form.attachmentKey)).toBe(false);
  });

  it('answers 413 to a body several times the 10 MB cap before it has been sent, and keeps serving', async () => {
    // Prepare: a valid form, then 40 MB streamed in 64 KB chunks until the server answers.
    const form = await attachmentForm('application/pdf', 10 * 1024 * 1024);
    const boundary = '----tipline-test-boundary';
    const head = Object.entries(form.upload.fields as Record<string, string>)
      .map(([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('');
    const preamble = Buffer.from(`${head}--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.pdf"\r\ncontent-type: application/pdf\r\n\r\n`);
    const total = 40 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 7);
    const target = new URL(form.upload.url);

    // Act
    const outcome = await new Promise<{ status: number; sentBeforeAnswer: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const request = httpRequest({ method: 'POST', host: target.hostname, port: target.port, path: target.pathname, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
      request.on('response', (response) => {
        answered = true;
        const status = response.statusCode ?? 0;
        response.resume();
        resolve({ status, sentBeforeAnswer: sent });
      });
      request.on('error', (error) => {
        if (!answered) reject(error);
      });
      request.write(preamble);
      const pump = (): void => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!request.write(chunk)) {
            request.once('drain', pump);
            return;
          }
        }
        if (!answered) request.end(`\r\n--${boundary}--\r\n`);
      };
      pump();
    });
    const health = await fetch(`${stack.url}/health`);

    // Assess
    expect(outcome.status).toBe(413);
    expect(outcome.sentBeforeAnswer).toBeLessThan(total);
    expect(health.status).toBe(200);
    expect(await stored(form.attachmentKey)).toBe(false);
  });
});

describe('uploads are never served inline with an executable type', () => {
  const mediaSafety = (headers: Headers): void => {
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  };

  it('refuses an SVG object image at upload', async () => {
    // Prepare
    const token = await mintToken(stack.keys, { groups: ['coordinator'] });
    const created = await api.call<Json>('POST', '/investigator/objects', {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ objectId: 'obj-svg-probe', title: 'Probe', description: '' }),
    });
    const { url, fields } = created.body.upload as { url: string; fields: Record<string, string> };

    // Act
    const svg = await postForm(url, { ...fields, 'Content-Type': 'image/svg+xml' }, SVG, 'image/svg+xml');
    const html = await postForm(url, { ...fields, 'Content-Type': 'text/html' }, HTML, 'text/html');

    // Assess
    expect(created.status).toBe(201);
    expect(svg.status).toBe(403);
    expect(html.status).toBe(403);
    expect(await stored('objects/obj-svg-probe/image')).toBe(false);
  });

  it('uploads a PNG object image and serves it inline as an image, sandboxed', async () => {
    // Prepare
    const token = await mintToken(stack.keys, { groups: ['coordinator'] });
    const created = await api.call<Json>('POST', '/investigator/objects', {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ objectId: 'obj-png-probe', title: 'Probe', description: '', imageContentType: 'image/png' }),
    });
    const { url, fields } = created.body.upload as { url: string; fields: Record<string, string> };

    // Act
    const upload = await postForm(url, fields, PNG, 'image/png');
    const served = await fetch(`${stack.url}${created.body.object.imageUrl}`);
    const bytes = Buffer.from(await served.arrayBuffer());

    // Assess
    expect(upload.status).toBeGreaterThanOrEqual(200);
    expect(upload.status).toBeLessThan(300);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('content-disposition')).toBeNull();
    mediaSafety(served.headers);
    expect(bytes.equals(PNG)).toBe(true);
  });

  it('serves an SVG or HTML already in the bucket under the media prefix only as a download', async () => {
    // Prepare: as if uploaded before the policy was tightened.
    await internal.send(new PutObjectCommand({ Bucket: bucket, Key: 'objects/obj-legacy-svg/image', Body: SVG, ContentType: 'image/svg+xml' }));
    await internal.send(new PutObjectCommand({ Bucket: bucket, Key: 'objects/obj-legacy-html/image', Body: HTML, ContentType: 'text/html' }));

    // Act
    const responses = [await fetch(`${stack.url}/media/objects/obj-legacy-svg/image`), await fetch(`${stack.url}/media/objects/obj-legacy-html/image`)];

    // Assess
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
      mediaSafety(response.headers);
    }
  });

  it('refuses HTML uploaded as a "PNG" attachment when the tip is sent, naming the field', async () => {
    // Prepare: the policy pins the declared type, not the bytes; POST /tips reads the bytes.
    const form = await attachmentForm('image/png', HTML.length);
    const upload = await postForm(form.upload.url, form.upload.fields, HTML, 'image/png');

    // Act
    const refused = await api.postTip({ objectId: 'obj-bag', text: 'A bag like this was sold in a shop in Lyon, France.', attachmentKey: form.attachmentKey });

    // Assess
    expect(upload.status).toBe(204);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('attachmentKey');
  });
});

describe('attachment keys are bound to their issuance and to one tip', () => {
  it('refuses a key that the attachments endpoint never issued, unsigned or with a forged mac, naming attachmentKey', async () => {
    // Prepare
    const day = new Date().toISOString().slice(0, 10);
    const keys = [`attachments/${day}/0b7e8a1c-93c4-4d2e-9f6b-2a1d3c4e5f60`, `attachments/${day}/0b7e8a1c-93c4-4d2e-9f6b-2a1d3c4e5f60.${'0'.repeat(32)}`];

    // Act
    const responses = [];
    for (const attachmentKey of keys) responses.push(await api.postTip({ objectId: 'obj-towel', text: 'From a hotel in Faro, Portugal.', attachmentKey }));

    // Assess
    for (const response of responses) {
      expect(response.status).toBe(400);
      expect((response.body as Json).issues[0].path).toBe('attachmentKey');
    }
  });

  it('lets one tip use a key, answers a second tip with 409 naming attachmentKey, and a retry with the same Idempotency-Key with the first answer', async () => {
    // Prepare
    const form = await attachmentForm('image/png', PNG.length);
    await postForm(form.upload.url, form.upload.fields, PNG, 'image/png');
    const tip = { objectId: 'obj-wallpaper', text: 'This wallpaper was in a flat in Braga, Portugal.', attachmentKey: form.attachmentKey };

    // Act
    const first = await api.postTip(tip, { 'idempotency-key': 'attachment-retry-0001' });
    const retry = await api.postTip(tip, { 'idempotency-key': 'attachment-retry-0001' });
    const second = await api.postTip({ ...tip, text: 'Another tip reusing the same photo, from Porto.' });

    // Assess
    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.body.tipId).toBe(first.body.tipId);
    expect(second.status).toBe(409);
    expect((second.body as Json).issues[0].path).toBe('attachmentKey');
  });
});

describe('malformed percent-encoding in a path', () => {
  it('answers 400 naming the path, on an API route and on a static one', async () => {
    // Prepare
    const token = await mintToken(stack.keys, { groups: ['coordinator'] });

    // Act
    const apiRoute = await api.get<Json>('/investigator/tips/%E0%A4%A', token);
    const staticRoute = await api.get<Json>('/media/%E0%A4%A');

    // Assess
    expect(apiRoute.status).toBe(400);
    expect(apiRoute.body.issues[0].path).toBe('path');
    expect(staticRoute.status).toBe(400);
    expect(staticRoute.body.issues[0].path).toBe('path');
  });
});

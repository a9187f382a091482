import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '#local/jwt.ts';
import type { LocalStack } from '#local/stack.ts';
import { buildWeb } from '../../scripts/build-web.ts';
import { launchChromium, seriousViolations } from '../support/browser.ts';
import { apiClient, eventually } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * A tip with an attachment, in a real browser against the whole local stack:
 * the form uploads the file straight to the bucket through a presigned POST
 * (another origin, allowed by the page's connect-src), sends the tip with the
 * attachment key, and the console links to the file.
 */
/** The API's public POST routes; any other POST from the form is the upload to the bucket (proxied on the page's origin locally, another origin on AWS). */
const API_POSTS = new Set(['/tips', '/tips/attachments', '/tips/challenge']);
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'test-results/screenshots');

type Json = Record<string, any>;

/** A valid 2×2 RGB PNG. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer): number => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  // Two rows, each: filter byte 0 + two RGB pixels.
  const pixels = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('web front end: tip attachments', () => {
  let stack: LocalStack;
  let fileDir: string;
  let browser: Browser;
  let context: BrowserContext;
  const problems: string[] = [];
  const png = tinyPng();

  beforeAll(async () => {
    await buildWeb();
    mkdirSync(SHOTS, { recursive: true });
    fileDir = mkdtempSync(join(tmpdir(), 'tipline-web-files-'));
    writeFileSync(join(fileDir, 'towel.png'), png);
    // The same picture as a second file: each one has its own upload and key.
    writeFileSync(join(fileDir, 'label.png'), png);
    for (let i = 1; i <= 6; i += 1) writeFileSync(join(fileDir, `many-${i}.png`), png);
    // Named and typed as a PNG, but its bytes are HTML: only the server (which reads the bytes) can tell.
    writeFileSync(join(fileDir, 'fake.png'), '<html><script>alert(1)</script></html>');
    // Over the 10 MB limit (sparse zeros are enough: the form refuses it by size).
    writeFileSync(join(fileDir, 'huge.png'), Buffer.alloc(20 * 1024 * 1024));
    stack = await startTestStack({});
    browser = await launchChromium();
    context = await browser.newContext({ baseURL: stack.url, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (fileDir !== undefined) rmSync(fileDir, { recursive: true, force: true });
  });

  /** A page that records CSP violations and script errors (none are allowed). */
  async function open(path: string, on: BrowserContext = context): Promise<Page> {
    const page = await on.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    await page.goto(path);
    return page;
  }

  let tipId = '';

  it('uploads a photo with the tip and says so on the receipt', async () => {
    const page = await open('/#/object/obj-towel');
    await page.getByRole('heading', { level: 1, name: 'Striped beach towel' }).waitFor();
    expect(await page.getByLabel('Photo or PDF (optional)').getAttribute('accept')).toBe('image/jpeg,image/png,image/webp,application/pdf');
    expect(await page.locator('#tip-file-privacy').textContent()).toContain('Only a cleaned copy without that information is ever shown');

    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'POST') return;
      const url = new URL(request.url());
      requests.push(url.origin === new URL(stack.url).origin && API_POSTS.has(url.pathname) ? url.pathname : 'bucket');
    });
    await page.locator('#tip-text').fill('I bought this towel in Porto, Portugal');
    await page.locator('#tip-file').setInputFiles(join(fileDir, 'towel.png'));
    expect(await page.locator('#tip-file-error').isHidden()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'public-form-attachment.png'), fullPage: true });
    await page.locator('#tip-submit').dblclick();
    await page.locator('#receipt-heading').waitFor();
    expect(await page.locator('#receipt-attachment').textContent()).toBe('Your file was sent with your tip.');
    tipId = (await page.locator('#receipt-tip-id').textContent()) ?? '';
    expect(tipId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    await page.waitForTimeout(300);
    // One upload, one tip, in that order, for a double click.
    expect(requests.filter((path) => path !== '/tips/challenge')).toEqual(['/tips/attachments', 'bucket', '/tips']);
    await page.close();
  });

  it('shows a thumbnail of the cleaned copy in the console, never the original', async () => {
    expect(tipId).not.toBe('');
    const coordinator = await mintToken(stack.keys, { groups: ['coordinator'] });
    const api = apiClient(stack.url);
    await eventually(async () => {
      const response = await api.get<Json>(`/investigator/tips/${tipId}`, coordinator);
      return response.status === 200 && response.body.queue === 'PT' ? true : undefined;
    }, 20_000);

    const page = await open('/console');
    const token = await mintToken(stack.keys, { groups: ['PT'], username: 'ines', sub: 'sub-ines' });
    await page.locator('#token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#session-groups').waitFor();
    const row = page.locator(`tr[data-tip-id="${tipId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('I bought this towel in Porto, Portugal');
    await row.getByRole('button').click();
    const item = page.locator('#tip-attachment-0');
    await item.waitFor();
    const link = item.locator('a.thumbnail-link');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await item.locator('img.thumbnail').getAttribute('alt')).toBe('Attachment 1 (cleaned copy)');
    expect(await item.textContent()).toContain('not scanned (local stack)');
    expect(await item.textContent()).toContain(createHash('sha256').update(png).digest('hex'));
    // An investigator (not a coordinator) is offered no download of the original.
    expect(await page.locator('#attachment-original-0').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'console-attachment.png'), fullPage: true });
    const href = (await link.getAttribute('href'))!;
    expect(href).toContain('/viewing/');
    const response = await fetch(href);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 8).equals(png.subarray(0, 8))).toBe(true);

    // When the object is gone from the bucket, the API says so and the console tells the investigator.
    await page.route(`**/investigator/tips/${tipId}`, async (route) => {
      const original = await route.fetch();
      await route.fulfill({ response: original, json: { ...((await original.json()) as Json), attachment: { missing: true }, attachments: [] } });
    });
    await row.getByRole('button').click();
    await page.locator('#tip-attachment', { hasText: 'Attachment could not be found' }).waitFor();
    expect(await page.locator('#tip-attachment-link').count()).toBe(0);
    await page.close();
  });

  it('uploads several files, each under its own presigned policy, and sends them with one tip', async () => {
    // Prepare
    const page = await open('/#/object/obj-towel');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'POST') return;
      const url = new URL(request.url());
      posts.push(url.origin === new URL(stack.url).origin && API_POSTS.has(url.pathname) ? url.pathname : 'bucket');
    });
    const grants: string[] = [];
    page.on('response', async (response) => {
      if (new URL(response.url()).pathname === '/tips/attachments') grants.push(String(((await response.json()) as Json).attachmentKey));
    });
    let sentKeys: unknown;
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/tips') sentKeys = (JSON.parse(request.postData() ?? '{}') as Json).attachmentKeys;
    });

    // Act
    await page.locator('#tip-text').fill('Both pictures are from a market in Braga, Portugal');
    await page.locator('#tip-file').setInputFiles([join(fileDir, 'towel.png'), join(fileDir, 'label.png')]);
    expect(await page.locator('#tip-file-error').isHidden()).toBe(true);
    expect(await page.locator('#tip-file-remove').textContent()).toBe('Remove the file');
    await page.locator('#tip-submit').click();
    await page.locator('#receipt-heading').waitFor();

    // Assess
    expect(await page.locator('#receipt-attachment').textContent()).toBe('Your files were sent with your tip.');
    expect(posts.filter((path) => path !== '/tips/challenge')).toEqual(['/tips/attachments', 'bucket', '/tips/attachments', 'bucket', '/tips']);
    expect(grants).toHaveLength(2);
    expect(new Set(grants).size).toBe(2);
    expect(sentKeys).toEqual(grants);
    const tip = (await page.locator('#receipt-tip-id').textContent()) ?? '';
    const coordinator = await mintToken(stack.keys, { groups: ['coordinator'] });
    const detail = await eventually(async () => {
      const response = await apiClient(stack.url).get<Json>(`/investigator/tips/${tip}`, coordinator);
      return response.status === 200 && Array.isArray(response.body.attachments) && response.body.attachments.length === 2 ? response.body : undefined;
    }, 20_000);
    expect(detail.attachments.map((a: Json) => a.status)).toEqual(['shown', 'shown']);
    await page.close();
  });

  it('refuses a sixth file before anything is sent, and names the file the server refused', async () => {
    // Prepare
    const page = await open('/#/object/obj-bag');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname !== '/tips/challenge') posts.push(request.url());
    });
    await page.locator('#tip-text').fill('Seen in a shop in Gdańsk, Poland');

    // Act: six files, one over the limit of five
    await page.locator('#tip-file').setInputFiles([1, 2, 3, 4, 5, 6].map((i) => join(fileDir, `many-${i}.png`)));
    await page.locator('#tip-file-error').waitFor();
    const tooMany = await page.locator('#tip-file-error').textContent();
    await page.locator('#tip-submit').click();
    await page.waitForTimeout(300);
    const postsAfterTooMany = posts.length;

    // Act: a file that passes every client-side check but whose bytes are not a PNG
    await page.locator('#tip-file').setInputFiles([join(fileDir, 'towel.png'), join(fileDir, 'fake.png')]);
    expect(await page.locator('#tip-file-error').isHidden()).toBe(true);
    await page.locator('#tip-submit').click();
    await page.locator('#tip-file-error').waitFor();

    // Assess
    expect(tooMany).toBe('Please choose at most 5 files.');
    expect(postsAfterTooMany).toBe(0);
    expect(await page.locator('#tip-file-error').textContent()).toBe('fake.png: Please choose a photo (JPEG, PNG or WebP) or a PDF file.');
    expect(await page.locator('#receipt-heading').count()).toBe(0);
    await page.close();
  });

  it('refuses a 20 MB file next to the field, before anything is sent', async () => {
    const page = await open('/#/object/obj-bag');
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url());
    });
    await page.locator('#tip-text').fill('Seen in a shop in Gdańsk');
    await page.locator('#tip-file').setInputFiles(join(fileDir, 'huge.png'));
    // Checked on choosing the file…
    await page.locator('#tip-file-error').waitFor();
    expect(await page.locator('#tip-file-error').textContent()).toBe('This file is too large: at most 10 MB.');
    // …and again on sending.
    await page.locator('#tip-submit').click();
    expect(await page.locator('#tip-file-error').textContent()).toBe('This file is too large: at most 10 MB.');
    expect(await page.locator('#tip-file').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate('document.activeElement.id')).toBe('tip-file');
    await page.waitForTimeout(300);
    expect(posts).toEqual([]);
    expect(await page.locator('#receipt-heading').count()).toBe(0);

    // Removing the file clears the error.
    await page.locator('#tip-file-remove').click();
    expect(await page.locator('#tip-file-error').isHidden()).toBe(true);
    expect(await page.evaluate("document.getElementById('tip-file').files.length")).toBe(0);
    await page.close();
  });

  it('names the oversized one among several files', async () => {
    const page = await open('/#/object/obj-bag');
    await page.locator('#tip-file').setInputFiles([join(fileDir, 'towel.png'), join(fileDir, 'huge.png')]);
    await page.locator('#tip-file-error').waitFor();
    expect(await page.locator('#tip-file-error').textContent()).toBe('huge.png: This file is too large: at most 10 MB.');
    await page.close();
  });

  it('shows a failed upload next to the field and does not send the tip', async () => {
    const page = await open('/#/object/obj-bag');
    const tips: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/tips') tips.push(request.url());
    });
    // The bucket refuses the upload.
    await page.route('**/*', (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || API_POSTS.has(new URL(request.url()).pathname)) return route.continue();
      return route.fulfill({ status: 403, contentType: 'application/xml', headers: { 'access-control-allow-origin': '*' }, body: '<Error><Code>AccessDenied</Code></Error>' });
    });
    await page.locator('#tip-text').fill('Seen in a shop in Gdańsk, Poland');
    await page.locator('#tip-file').setInputFiles(join(fileDir, 'towel.png'));
    await page.locator('#tip-submit').click();
    await page.locator('#tip-file-error').waitFor();
    expect(await page.locator('#tip-file-error').textContent()).toContain('The file could not be uploaded');
    expect(await page.evaluate('document.activeElement.id')).toBe('tip-file');
    expect(await page.locator('#tip-submit').textContent()).toBe('Send tip');
    expect(tips).toEqual([]);
    await page.close();
  });

  it('has no horizontal scroll at 360 px and no serious axe violations with an error shown', async () => {
    const narrow = await browser.newContext({ baseURL: stack.url, locale: 'en-GB', viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, bypassCSP: true });
    const page = await open('/#/object/obj-towel', narrow);
    await page.locator('#tip-file').setInputFiles(join(fileDir, 'huge.png'));
    await page.locator('#tip-file-error').waitFor();
    expect((await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number).toBeLessThanOrEqual(0);
    await page.locator('#tip-file').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'public-form-attachment-360.png') });
    // axe is injected as an inline script, hence bypassCSP for this context only.
    const violations = await seriousViolations(page);
    expect(violations).toEqual([]);
    await narrow.close();
  });

  it('ran under the CSP without violations or script errors', () => {
    expect(problems).toEqual([]);
  });
});

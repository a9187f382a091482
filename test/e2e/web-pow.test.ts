import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { startTestStack } from '../support/stack.ts';
import { buildWeb } from '../../scripts/build-web.ts';
import { launchChromium } from '../support/browser.ts';

/**
 * The form with proof of work switched on, as an operator would configure it:
 * the browser fetches a challenge, solves it and sends the proof; the hidden
 * honeypot field stays empty for a person.
 */

describe('public form with proof of work on', () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    // Handlers read these once at import, as in Lambda.
    process.env.POW_DIFFICULTY = '10';
    process.env.POW_SECRET = 'e2e-test-secret-0123456789';
    await buildWeb();
    stack = await startTestStack({});
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    delete process.env.POW_DIFFICULTY;
    delete process.env.POW_SECRET;
  });

  it('solves the challenge in the browser and gets a receipt', async () => {
    // Prepare
    const page = await browser.newPage({ baseURL: stack.url });
    const posts: { headers: Record<string, string>; body: Record<string, unknown> }[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/tips')) {
        posts.push({ headers: request.headers(), body: JSON.parse(request.postData() ?? '{}') as Record<string, unknown> });
      }
    });
    await page.goto('/#/object/obj-towel');

    // Act
    await page.locator('#tip-text').fill('I saw this towel in a hotel in Valencia, Spain.');
    await page.locator('#tip-submit').click();
    await page.locator('#receipt-heading').waitFor({ timeout: 30_000 });

    // Assess
    expect(await page.locator('#receipt-code').textContent()).toMatch(/^TL-/);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.headers['x-tipline-pow']).toMatch(/^.+:[0-9a-z]+$/);
    expect(posts[0]!.body.website).toBeUndefined();
    await page.close();
  });

  it('refuses a tip without a proof with a 4xx naming the header', async () => {
    // Act
    const response = await fetch(`${stack.url}/tips`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ objectId: 'obj-towel', text: 'From Spain' }),
    });
    const body = (await response.json()) as { error: string };

    // Assess
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(body.error).toMatch(/X-Tipline-Pow/i);
  });
});

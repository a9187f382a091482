import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '#local/jwt.ts';
import type { LocalStack } from '#local/stack.ts';
import { buildWeb } from '../../scripts/build-web.ts';
import { launchChromium, seriousViolations } from '../support/browser.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * Issue 14, done-when "a browser test covers both pages", in Debian's Chromium
 * against the whole local stack: an investigator asks on the console's tip
 * view, the tipster opens the public "Follow up on a tip" page with the
 * receipt, reads the question and answers, and the investigator sees the
 * answer, the queue's unread mark going once the tip is opened. axe-core clean
 * on both pages, with the conversation on them.
 */

type Json = Record<string, any>;

describe('follow-up in the browser: the public page and the console panel', () => {
  let stack: LocalStack;
  let browser: Browser;
  let tipId: string;
  let receipt: string;
  const problems: string[] = [];
  const question = 'Which town was the market stall in? Porto itself or nearby?';
  const answer = 'Porto itself, in the lower town.\nThe stall sold only towels.';

  beforeAll(async () => {
    await buildWeb();
    stack = await startTestStack({});
    const api = apiClient(stack.url);
    const accepted = await api.postTip({ objectId: 'obj-towel', text: 'I bought this towel at a market stall in Porto, Portugal, next to the cathedral.' });
    expect(accepted.status).toBe(202);
    ({ tipId, receipt } = accepted.body as { tipId: string; receipt: string });
    const reader = await investigatorClient(api, stack.keys, ['PT']);
    await eventually(async () => {
      const response = await reader.get(`/investigator/tips/${tipId}`);
      return response.status === 200 && response.body.queue === 'PT' ? true : undefined;
    }, 30_000);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** axe is injected inline, so these contexts bypass the CSP (the CSP itself is checked by web.test.ts and console.test.ts). */
  async function context(): Promise<BrowserContext> {
    return browser.newContext({ baseURL: stack.url, locale: 'en-GB', timezoneId: 'Europe/Lisbon', viewport: { width: 1280, height: 900 }, bypassCSP: true });
  }

  function watch(page: Page): Page {
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    return page;
  }


  /** Signs in on the console as a PT investigator; the PT queue is shown first. */
  async function signIn(page: Page): Promise<void> {
    const token = await mintToken(stack.keys, { groups: ['PT'], username: 'ines', sub: 'sub-ines' });
    await page.goto('/console');
    await page.locator('#token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator(`#queue-table tr[data-tip-id="${tipId}"]`).waitFor();
  }

  const row = (page: Page) => page.locator(`#queue-table tr[data-tip-id="${tipId}"]`);

  it('console: an empty question is refused at the field, a question is sent and listed, triage still saves; axe clean', async () => {
    // Prepare
    const ctx = await context();
    const page = watch(await ctx.newPage());
    await signIn(page);
    await row(page).getByRole('button').click();
    await page.locator('#conversation').waitFor();
    const emptyBefore = await page.locator('#conversation-empty').textContent();

    // Act
    await page.getByRole('button', { name: 'Send to the tipster' }).click();
    const refused = { error: await page.locator('#conversation-error').textContent(), invalid: await page.getByLabel('Question to the tipster').getAttribute('aria-invalid') };
    await page.getByLabel('Question to the tipster').fill(question);
    await page.getByRole('button', { name: 'Send to the tipster' }).click();
    await page.locator('#conversation-messages li').first().waitFor();
    await expect.poll(() => page.locator('#conversation-status').textContent()).toContain('Sent.');
    const violations = await seriousViolations(page);
    // The message moved the tip's version: triage right after it must send the new one (no 412).
    await page.locator('#t-status').selectOption('in_review');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('#detail-feedback').textContent()).toBe('Saved.');

    // Assess
    expect(emptyBefore).toBe('No messages yet.');
    expect(refused).toEqual({ error: 'Write a question first.', invalid: 'true' });
    expect(await page.locator('#conversation-messages li .message-meta').allTextContents()).toEqual([expect.stringMatching(/^Investigator ines, /)]);
    expect(await page.locator('#conversation-messages li .message-text').allTextContents()).toEqual([question]);
    expect(await page.getByLabel('Question to the tipster').getAttribute('aria-invalid')).toBeNull();
    expect(violations).toEqual([]);
    await ctx.close();
  });

  it('public page: the receipt opens the conversation, the question is read and answered; axe clean', async () => {
    // Prepare
    const ctx = await context();
    const page = watch(await ctx.newPage());
    await page.goto('/#/followup');

    // Act: the receipt as a person might type it back (lower case, spaces for dashes)
    await page.locator('#followup-receipt').fill(receipt.toLowerCase().replaceAll('-', ' '));
    await page.locator('#followup-open').click();
    await page.locator('#followup-messages').waitFor();
    const read = await page.locator('#followup-messages .message-text').allTextContents();
    await page.locator('#followup-text').fill(answer);
    await page.locator('#followup-send').click();
    await expect.poll(() => page.locator('#followup-messages .message-text').count()).toBe(2);
    const violations = await seriousViolations(page);

    // Assess
    expect(read).toEqual([question]);
    expect(await page.locator('#followup-messages .message-text').allTextContents()).toEqual([question, answer]);
    expect(await page.locator('#followup-sent').textContent()).not.toBe('');
    // Nothing in the address holds the receipt.
    const address = page.url().toUpperCase();
    expect(address).not.toContain(receipt.slice(3));
    expect(address).not.toContain(receipt.slice(3).replaceAll('-', ''));
    expect(violations).toEqual([]);
    await ctx.close();
  });

  it('console: the queue marks the unread answer, opening the tip shows it and clears the mark; axe clean', async () => {
    // Prepare
    const ctx = await context();
    const page = watch(await ctx.newPage());
    await signIn(page);
    const markedBefore = await row(page).locator('.unread-mark').count();

    // Act
    await row(page).getByRole('button').click();
    await page.locator('#conversation-messages').waitFor();
    const violations = await seriousViolations(page);
    const markedAfter = await row(page).locator('.unread-mark').count();
    const fresh = await (await investigatorClient(apiClient(stack.url), stack.keys, ['PT'])).get(`/investigator/queues/PT`);

    // Assess
    expect(markedBefore).toBe(1);
    expect(await page.locator('#conversation-messages .message-text').allTextContents()).toEqual([question, answer]);
    expect(await page.locator('#conversation-messages .message-meta').allTextContents()).toEqual([expect.stringMatching(/^Investigator ines, /), expect.stringMatching(/^Tipster, /)]);
    await expect.poll(() => page.locator('#conversation-unread').isVisible()).toBe(true);
    expect(markedAfter).toBe(0);
    expect((fresh.body.items as Json[]).find((item) => item.tipId === tipId)?.unreadReply).toBe(false);
    expect(violations).toEqual([]);
    await ctx.close();
  });

  it('ran without script errors', () => {
    expect(problems).toEqual([]);
  });
});

import { type Browser, type Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { buildWeb } from '../../scripts/build-web.ts';
import { launchChromium, seriousViolations, signedInConsole } from '../support/browser.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * Issue 16: wherever the console shows an object id (queue rows, the tip view, search results, the
 * object summary) a plain investigator (not a coordinator) sees the object's title and its picture,
 * loaded, with the title as its alt text and the id kept beside it. axe-core stays clean.
 */
type Json = Record<string, any>;
const TEXT = 'Taką torbę widziałam w piekarni w Łodzi, Polska, rok temu.';

describe('investigator console: object labels', () => {
  let stack: LocalStack;
  let browser: Browser;
  let tipId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    await buildWeb();
    stack = await startTestStack({});
    const api = apiClient(stack.url);
    const pl = await investigatorClient(api, stack.keys, ['PL']);
    tipId = String((await api.postTip({ objectId: 'obj-bag', text: TEXT })).body.tipId);
    await eventually(async () => {
      const response = await pl.get<Json>(`/investigator/tips/${tipId}`);
      return response.status === 200 && response.body.pipeline === 'classified' ? true : undefined;
    }, 30_000);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** What a label shows: its title, its picture's alt text and loaded width, its id. */
  const labelOf = async (label: Locator) => ({
    title: (await label.locator('.object-title').textContent())?.trim(),
    alt: await label.locator('img.object-thumb').getAttribute('alt'),
    naturalWidth: await eventually(async () => {
      const width = await label.locator('img.object-thumb').evaluate((image) => (image as unknown as { complete: boolean; naturalWidth: number }).naturalWidth);
      return width > 0 ? width : undefined;
    }),
    id: (await label.locator('.object-id').textContent())?.trim(),
    // Whether the title's box is at least as wide as its widest word: a narrow table column must not break a title letter by letter.
    wordsFit: await label.locator('.object-title').evaluate((element) => {
      // Runs in the page; the test project has no DOM types.
      const { document, getComputedStyle } = globalThis as any;
      const context = document.createElement('canvas').getContext('2d');
      context.font = getComputedStyle(element).font;
      const widest = Math.max(...String(element.textContent).split(/\s+/).map((word: string) => context.measureText(word).width));
      return element.getBoundingClientRect().width + 1 >= widest;
    }),
  });

  it('shows the picture and title of the object in the queue, the tip, search results and the summary', async () => {
    // Prepare
    const context = await browser.newContext({ baseURL: stack.url, locale: 'en-GB', viewport: { width: 1280, height: 900 }, bypassCSP: true }); // axe-core is injected as a script
    const page = await signedInConsole(context, stack.keys, { groups: ['PL'], username: 'ina' }, '#queue-section', problems);

    // Act: the queue and the tip
    // An investigator of one country chooses among their countries; a coordinator types any.
    const country = page.locator('#q-country');
    if ((await country.evaluate((element) => element.tagName)) === 'SELECT') await country.selectOption('PL');
    else await country.fill('PL');
    await page.getByRole('button', { name: 'Show queue' }).click();
    await page.locator('#queue-status', { hasText: 'PL queue, page' }).waitFor();
    const row = page.locator(`#queue-table tr[data-tip-id="${tipId}"]`);
    const inQueue = await labelOf(row.locator('.object-label'));
    await row.locator('button.linklike').click();
    const inTip = await labelOf(page.locator('#detail-section dl.meta .object-label'));

    // Act: search and the object summary
    await page.locator('#search-q').fill('piekarni');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#search-table tbody tr').first().waitFor();
    const inSearch = await labelOf(page.locator(`#search-table tr[data-tip-id="${tipId}"] .object-label`));
    await page.locator('#s-object').selectOption('obj-bag');
    await page.getByRole('button', { name: 'Show countries' }).click();
    const inSummary = await labelOf(page.locator('#summary-totals .object-label'));
    const violations = await seriousViolations(page);

    // Assess
    for (const label of [inQueue, inTip, inSearch, inSummary]) {
      expect(label.title).toBeTruthy();
      expect(label.title).not.toBe('obj-bag');
      expect(label.alt).toBe(label.title);
      expect(label.naturalWidth).toBeGreaterThan(0);
      expect(label.id).toBe('obj-bag');
      expect(label.wordsFit).toBe(true);
    }
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });
});

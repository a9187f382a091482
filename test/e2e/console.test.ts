import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '#local/jwt.ts';
import type { LocalStack } from '#local/stack.ts';
import { buildWeb } from '../../scripts/build-web.ts';
import { launchChromium, seriousViolations, signedInConsole } from '../support/browser.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * The console as a working tool (issue 16), in Debian's Chromium against the
 * whole local stack: the overview table and map, search, claim controls for a
 * second investigator, long dates with the time zone, and the layout at 1280
 * and 390 px checked with element-overflow assertions; axe-core stays clean.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'test-results/screenshots');

type Json = Record<string, any>;

describe('investigator console', () => {
  let stack: LocalStack;
  let api: ReturnType<typeof apiClient>;
  let browser: Browser;
  const problems: string[] = [];
  let porto: Json;
  let polish: Json;

  async function classified(objectId: string, text: string): Promise<Json> {
    const accepted = await api.postTip({ objectId, text });
    expect(accepted.status).toBe(202);
    const coordinator = await investigatorClient(api, stack.keys, ['coordinator']);
    return eventually(async () => {
      const response = await coordinator.get(`/investigator/tips/${String(accepted.body.tipId)}`);
      return response.status === 200 && response.body.pipeline === 'classified' ? { ...response.body, receipt: accepted.body.receipt } : undefined;
    }, 30_000);
  }

  beforeAll(async () => {
    await buildWeb();
    mkdirSync(SHOTS, { recursive: true });
    stack = await startTestStack({});
    api = apiClient(stack.url);
    porto = await classified('obj-towel', 'I bought this towel at a market stall in Porto, Portugal, next to the cathedral.');
    polish = await classified('obj-bag', 'Taką torbę dostałam w piekarni w Łodzi, Polska.');
    // An abstention: the towel's tally then has an "unrouted" bar, the longest chart label.
    const unrouted = await classified('obj-towel', 'I am sure I have seen this towel somewhere before.');
    expect(unrouted.queue).toBe('unrouted');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function contextAt(width: number, extra: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    return browser.newContext({ baseURL: stack.url, locale: 'en-GB', timezoneId: 'Asia/Tokyo', viewport: { width, height: 900 }, ...extra });
  }

  const signedIn = (context: BrowserContext, groups: string[], username: string): Promise<Page> =>
    signedInConsole(context, stack.keys, { groups, username }, '#overview-table', problems);

  /** Elements whose right edge passes their panel's, unless inside a scroll container that holds them. */
  async function overflowing(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      // Runs in the page; the test project has no DOM types.
      const { document, getComputedStyle } = globalThis as any;
      const found: string[] = [];
      const root = document.documentElement;
      if (root.scrollWidth > root.clientWidth) found.push(`page scrolls sideways by ${root.scrollWidth - root.clientWidth}px`);
      for (const panel of document.querySelectorAll('.panel')) {
        const edge = panel.getBoundingClientRect().right + 0.5;
        for (const element of panel.querySelectorAll('*')) {
          if (element.closest('.table-scroll') !== null && element.closest('.table-scroll') !== element) continue;
          if (element.getBoundingClientRect().right > edge) found.push(`${panel.id} > ${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className}`);
        }
      }
      for (const scroller of document.querySelectorAll('.table-scroll')) {
        if (getComputedStyle(scroller).overflowX !== 'auto') found.push('a table-scroll does not scroll');
      }
      return found;
    });
  }

  /** Chart and map text that falls outside its SVG's view box (clipped). */
  async function clippedLabels(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      // Runs in the page; the test project has no DOM types.
      const { document, getComputedStyle } = globalThis as any;
      const found: string[] = [];
      for (const chart of document.querySelectorAll('svg.chart')) {
        const box = chart.viewBox.baseVal;
        for (const text of chart.querySelectorAll('text')) {
          const b = text.getBBox();
          if (b.x < box.x - 0.5 || b.x + b.width > box.x + box.width + 0.5) found.push(text.textContent ?? '');
        }
      }
      return found;
    });
  }


  it('lands on the overview: counts per queue and a shaded map whose countries open their queue', async () => {
    // Prepare
    const context = await contextAt(1280);
    const page = await signedIn(context, ['coordinator'], 'cora');

    // Act
    const ptRow = page.locator('#overview-table tr[data-country="PT"]');
    await ptRow.waitFor();
    const ptTotal = Number(await ptRow.locator('td').first().textContent());
    const shade = await page.locator('#world-map path[data-country="PT"]').getAttribute('class');
    const unshaded = await page.locator('#world-map path[data-country="IS"]').getAttribute('class');
    await page.locator('#world-map path[data-country="PL"]').click();
    // The loaded status ("PL queue, page 1: …"), not "Loading the PL queue…", which also holds "PL queue".
    await page.locator('#queue-status', { hasText: 'PL queue, page' }).waitFor();

    // Assess
    expect(ptTotal).toBeGreaterThanOrEqual(1);
    expect(shade).toMatch(/map-shade-\d/);
    expect(unshaded).not.toMatch(/map-shade/);
    expect(await page.locator(`#queue-table tr[data-tip-id="${polish.tipId}"]`).count()).toBe(1);
    expect(await page.locator('#world-map desc').textContent()).toContain('PT: ');
    await page.screenshot({ path: join(SHOTS, 'console-overview-1280.png'), fullPage: true });
    await context.close();
  });

  it('opens a queue from the overview table by keyboard', async () => {
    // Prepare
    const context = await contextAt(1280);
    const page = await signedIn(context, ['PT'], 'ines');

    // Act
    await page.getByRole('button', { name: 'Open the PT queue' }).press('Enter');
    await page.locator('#queue-status', { hasText: 'PT queue, page' }).waitFor();

    // Assess
    expect(await page.locator('#overview-table tbody tr').count()).toBe(1);
    expect(await page.locator(`#queue-table tr[data-tip-id="${porto.tipId}"]`).count()).toBe(1);
    await context.close();
  });

  it('searches by word (any case, accents folded) and by tip id, within the caller\'s countries', async () => {
    // Prepare
    const context = await contextAt(1280);
    const pl = await signedIn(context, ['PL'], 'ola');

    // Act
    await pl.locator('#search-q').fill('LODZI piekarni');
    await pl.getByRole('button', { name: 'Search' }).click();
    await pl.locator('#search-status', { hasText: '1 tip found' }).waitFor();
    const byWord = await pl.locator('#search-table tbody tr').getAttribute('data-tip-id');
    await pl.locator('#search-q').fill(porto.tipId);
    await pl.getByRole('button', { name: 'Search' }).click();
    await pl.locator('#search-status', { hasText: '0 tips found' }).waitFor();
    await pl.locator('#search-q').fill(polish.tipId.toLowerCase());
    await pl.getByRole('button', { name: 'Search' }).click();
    await pl.locator('#search-status', { hasText: '1 tip found' }).waitFor();
    await pl.locator('#search-table tbody tr button').click();
    await pl.locator('#tip-text').waitFor();

    // Assess
    expect(byWord).toBe(polish.tipId);
    expect(await pl.locator('#tip-text').textContent()).toBe(polish.text);
    expect(await pl.locator('#search-table td[title="obj-bag"]').textContent()).not.toBe('obj-bag');
    await context.close();
  });

  it('finds a tip by the receipt a tipster quotes, typed loosely, without the code reaching the address, and not across countries', async () => {
    // Prepare
    const context = await contextAt(1280);
    const pl = await signedIn(context, ['PL'], 'ola');
    const requested: string[] = [];
    pl.on('request', (request) => requested.push(request.url()));
    const loose = String(polish.receipt).toLowerCase().replaceAll('-', ' ');

    // Act
    await pl.locator('#receipt-code').fill(String(porto.receipt));
    await pl.getByRole('button', { name: 'Find the tip' }).click();
    await pl.locator('#receipt-status', { hasText: 'No tip' }).waitFor();
    await pl.locator('#receipt-code').fill(loose);
    await pl.getByRole('button', { name: 'Find the tip' }).click();
    await pl.locator('#tip-text').waitFor();

    // Assess
    expect(await pl.locator('#tip-text').textContent()).toBe(polish.text);
    expect(await pl.locator('#receipt-code').inputValue()).toBe('');
    const codes = [String(polish.receipt), String(porto.receipt), loose].map((code) => code.toLowerCase());
    const leaked = [pl.url(), ...requested].filter((url) => codes.some((code) => decodeURIComponent(url).toLowerCase().includes(code)));
    expect(leaked).toEqual([]);
    expect(await pl.content()).not.toContain(String(polish.receipt));
    await context.close();
  });

  it('shows a second investigator who holds the claim, with Claim and Release both off', async () => {
    // Prepare: ana claims through the API.
    const ana = await investigatorClient(api, stack.keys, ['PT']);
    const token = await mintToken(stack.keys, { groups: ['PT'], username: 'ana', sub: 'sub-ana' });
    const claimed = await api.call<Json>('POST', `/investigator/tips/${porto.tipId}/claim`, { headers: { authorization: `Bearer ${token}` } });
    expect(claimed.status).toBe(200);
    expect(ana).toBeDefined();
    const context = await contextAt(1280);
    const page = await signedIn(context, ['PT'], 'rui');

    // Act
    await page.locator(`#queue-table tr[data-tip-id="${porto.tipId}"] button`).click();
    await page.locator('#claim-state').waitFor();

    // Assess
    expect(await page.locator('#claim-state').textContent()).toContain('Claimed by ana');
    expect(await page.locator('#claim-button').isDisabled()).toBe(true);
    expect(await page.locator('#claim-button').textContent()).toBe('Claimed by ana');
    expect(await page.locator('#release-button').isDisabled()).toBe(true);
    await api.call('POST', `/investigator/tips/${porto.tipId}/release`, { headers: { authorization: `Bearer ${token}` } });
    await context.close();
  });

  it('keeps the cluster and duplicate count shown after the investigator claims the tip', async () => {
    // Prepare: a tip and its resubmission (one cluster of two), opened by a PT investigator.
    const text = 'Same towel as in the appeal: I saw it in a hotel in Braga, Portugal, last summer.';
    const head = await classified('obj-towel', text);
    expect((await api.postTip({ objectId: 'obj-towel', text })).status).toBe(202);
    const coordinator = await investigatorClient(api, stack.keys, ['coordinator']);
    await eventually(async () => {
      const response = await coordinator.get(`/investigator/tips/${String(head.tipId)}`);
      return response.body.duplicates === 1 ? response.body : undefined;
    }, 30_000);
    const context = await contextAt(1280);
    const page = await signedIn(context, ['PT'], 'joao');
    await page.locator(`#queue-table tr[data-tip-id="${String(head.tipId)}"] button`).click();
    const duplicates = page.locator('dt', { hasText: 'Duplicates' }).locator('xpath=following-sibling::dd[1]');
    await page.locator('#claim-button').waitFor();
    expect(await duplicates.textContent()).toBe('1');

    // Act
    await page.locator('#claim-button').click();
    await page.locator('#detail-feedback', { hasText: 'Claimed' }).waitFor();

    // Assess: the claim's answer (the tip alone) did not wipe what only the detail read.
    expect(await duplicates.textContent()).toBe('1');
    expect(await page.getByText('Cluster: 2 tips').count()).toBe(1);
    expect(await page.locator('#claim-state').textContent()).toContain('Claimed by you');
    await context.close();
  });

  it('writes dates in the browser locale\'s long form with the time zone', async () => {
    // Prepare
    const context = await contextAt(1280);
    const page = await signedIn(context, ['PT'], 'ines');

    // Act
    const cell = await page.locator(`#queue-table tr[data-tip-id="${porto.tipId}"] time`).textContent();

    // Assess: en-GB long form in Tokyo time, e.g. "3 December 2026 at 19:15:02 GMT+9".
    expect(cell).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(cell).toContain('GMT+9');
    await context.close();
  });

  for (const width of [1280, 390]) {
    it(`keeps every panel within the page at ${width} px (tables scroll inside their panel) and clips no chart label`, async () => {
      // Prepare
      const context = await contextAt(width);
      const page = await signedIn(context, ['coordinator'], 'cora');
      await page.locator('#q-country').fill('unrouted');
      await page.getByRole('button', { name: 'Show queue' }).click();
      await page.locator('#queue-status', { hasText: 'unrouted queue' }).waitFor();
      await page.locator('#q-country').fill('PT');
      await page.getByRole('button', { name: 'Show queue' }).click();
      await page.locator(`#queue-table tr[data-tip-id="${porto.tipId}"]`).waitFor();
      await page.locator(`#queue-table tr[data-tip-id="${porto.tipId}"] button`).click();
      await page.locator('#tip-text').waitFor();
      await page.locator('#s-object').selectOption('obj-towel');
      await page.getByRole('button', { name: 'Show countries' }).click();
      await page.locator('#summary-result svg.chart').waitFor();

      // Act
      const overflow = await overflowing(page);
      const clipped = await clippedLabels(page);
      const submittedReachable = await page.evaluate(() => {
        const { document } = globalThis as any;
        const header = [...document.querySelectorAll('#queue-table th')].find((th) => th.textContent === 'Submitted');
        const scroller = header?.closest('.table-scroll');
        return header !== undefined && scroller !== null && scroller !== undefined && scroller.scrollWidth >= (header as any).offsetLeft + (header as any).offsetWidth;
      });

      // Assess
      expect(overflow).toEqual([]);
      expect(clipped).toEqual([]);
      expect(submittedReachable).toBe(true);
      await page.screenshot({ path: join(SHOTS, `console-layout-${width}.png`), fullPage: true });
      await context.close();
    });
  }

  it('has no serious or critical axe violations on the overview, search results and map', async () => {
    // Prepare
    const context = await contextAt(1280, { bypassCSP: true });
    const page = await signedIn(context, ['coordinator'], 'cora');
    await page.locator('#search-q').fill('towel');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('#search-table').waitFor();

    // Act
    const violations = await seriousViolations(page);

    // Assess
    expect(violations).toEqual([]);
    await context.close();
  });

  it('ran under the CSP without violations or script errors', () => {
    expect(problems).toEqual([]);
  });
});

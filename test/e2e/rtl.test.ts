import { execFileSync } from 'node:child_process';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '#local/jwt.ts';
import type { LocalStack } from '#local/stack.ts';
import { buildWeb } from '../../scripts/build-web.ts';
import { catalogues } from '../../web/src/i18n/index.ts';
import { apiClient, eventually } from '../support/api.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * Issue 17: right to left is a real layout, not only `dir` on <html>. Measured
 * in Debian's Chromium with bounding boxes: in Arabic the form starts at the
 * right edge, while receipt codes (and the follow-up page's code field) still
 * read left to right; English is the control the same measures tell apart.
 * And every script of these languages is drawn by a font that covers it (no boxes).
 */
const WIDTH = 390;

type Box = { left: number; right: number };

/**
 * Where the label of the tip field draws its text, and where the field is.
 * The text's own box (a Range), not the label's, which spans the whole line in both directions.
 */
const FORM_EDGES = `(() => {
  const label = document.querySelector('label[for="tip-text"]');
  const range = document.createRange();
  range.selectNodeContents(label);
  const text = range.getBoundingClientRect();
  const field = document.getElementById('tip-text').getBoundingClientRect();
  const submit = document.getElementById('tip-submit').getBoundingClientRect();
  return { text: { left: text.left, right: text.right }, field: { left: field.left, right: field.right }, submit: { left: submit.left, right: submit.right } };
})()`;

/** The boxes of the first and the last character of an element's text, and its computed direction. */
const CHARACTER_ORDER = (id: string): string => `(() => {
  const element = document.getElementById(${JSON.stringify(id)});
  const node = element.firstChild;
  const box = (at) => { const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 1); const r = range.getBoundingClientRect(); return { left: r.left, right: r.right }; };
  return { text: node.textContent, direction: getComputedStyle(element).direction, first: box(0), last: box(node.textContent.length - 1) };
})()`;

/** Font families fontconfig says cover a language (what Chromium on Linux falls back to). */
function familiesFor(lang: string): Set<string> {
  const out = execFileSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' });
  return new Set(out.split('\n').flatMap((line) => line.split(',')).map((name) => name.trim()).filter((name) => name !== ''));
}

describe('right-to-left layout and scripts in the browser', () => {
  let stack: LocalStack;
  let browser: Browser;

  beforeAll(async () => {
    await buildWeb();
    stack = await startTestStack({});
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function phone(lang: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: stack.url, locale: 'en-GB', viewport: { width: WIDTH, height: 844 } });
    const page = await context.newPage();
    await page.goto(`/?lang=${lang}#/object/obj-towel`);
    await page.locator('#tip-text').waitFor();
    return page;
  }

  it.each([
    ['ar', 'right'],
    ['en', 'left'],
  ] as const)('%s: the form starts at the %s edge (label text and button against the field\'s start side)', async (lang, side) => {
    // Prepare
    const page = await phone(lang);

    // Act
    const edges = (await page.evaluate(FORM_EDGES)) as { text: Box; field: Box; submit: Box };
    await page.context().close();

    // Assess: the text hugs the start side of the field and leaves room on the end side; the button sits at the start.
    const start = (box: Box): number => (side === 'right' ? box.right : box.left);
    const end = (box: Box): number => (side === 'right' ? box.left : box.right);
    expect(Math.abs(start(edges.text) - start(edges.field))).toBeLessThan(2);
    expect(Math.abs(end(edges.text) - end(edges.field))).toBeGreaterThan(40);
    expect(Math.abs(start(edges.submit) - start(edges.field))).toBeLessThan(2);
  }, 60_000);

  it('ar: the receipt code and tip reference read left to right inside the right-to-left receipt', async () => {
    // Prepare
    const page = await phone('ar');
    await page.locator('#tip-text').fill('رأيت هذه المنشفة في متجر في الإسكندرية عام 2019.');

    // Act
    await page.locator('#tip-submit').click();
    await page.locator('#receipt-heading').waitFor();
    const code = (await page.evaluate(CHARACTER_ORDER('receipt-code'))) as { text: string; direction: string; first: Box; last: Box };
    const tipId = (await page.evaluate(CHARACTER_ORDER('receipt-tip-id'))) as { text: string; direction: string; first: Box; last: Box };
    const receiptDirection = await page.evaluate(`getComputedStyle(document.querySelector('.receipt')).direction`);
    const labelAndCode = (await page.evaluate(`(() => {
      const dt = document.querySelector('.receipt-codes dt').getBoundingClientRect();
      const dd = document.getElementById('receipt-code').getBoundingClientRect();
      return { dt: { left: dt.left, right: dt.right }, dd: { left: dd.left, right: dd.right } };
    })()`)) as { dt: Box; dd: Box };
    await page.context().close();

    // Assess: the receipt is right to left, its codes left to right (first character leftmost), and the label comes first, on the right.
    expect(receiptDirection).toBe('rtl');
    expect(code.text).toMatch(/^TL-/);
    for (const shown of [code, tipId]) {
      expect(shown.direction).toBe('ltr');
      expect(shown.first.left).toBeLessThan(shown.last.left);
    }
    expect(labelAndCode.dt.left).toBeGreaterThanOrEqual(labelAndCode.dd.right);
  }, 60_000);

  it('ar: the follow-up page types the receipt code left to right in a right-to-left page', async () => {
    // Prepare
    const context = await browser.newContext({ baseURL: stack.url, locale: 'en-GB', viewport: { width: WIDTH, height: 844 } });
    const page = await context.newPage();
    await page.goto('/?lang=ar#/followup');
    await page.locator('#followup-receipt').waitFor();

    // Act
    await page.locator('#followup-receipt').fill('TL-7Q4M-KX2P-9D3F-WH0B');
    const directions = (await page.evaluate(`({ page: getComputedStyle(document.getElementById('page-heading')).direction, field: getComputedStyle(document.getElementById('followup-receipt')).direction })`)) as Record<string, string>;
    await context.close();

    // Assess
    expect(directions).toEqual({ page: 'rtl', field: 'ltr' });
  }, 60_000);

  /**
   * A tip about Portugal (it lands in the PT queue) with an investigator's question in English,
   * made once: a second identical tip would be a duplicate.
   */
  let conversation: Promise<{ receipt: string; question: string }> | undefined;
  async function askedConversation(): Promise<{ receipt: string; question: string }> {
    const api = apiClient(stack.url);
    const accepted = await api.postTip({ objectId: 'obj-towel', text: 'I bought this towel in a shop in Tavira, Portugal, in 2019.' });
    expect(accepted.status).toBe(202);
    const { tipId, receipt } = accepted.body as { tipId: string; receipt: string };
    const auth = { authorization: `Bearer ${await mintToken(stack.keys, { groups: ['PT'], sub: 'sub-ana', username: 'ana' })}` };
    await eventually(async () => {
      const tip = await api.call<{ queue?: string }>('GET', `/investigator/tips/${tipId}`, { headers: auth });
      return tip.status === 200 && tip.body.queue === 'PT' ? true : undefined;
    }, 30_000);
    const question = 'Do you remember the name of the shop?';
    const asked = await api.call('POST', `/investigator/tips/${tipId}/messages`, { body: JSON.stringify({ text: question }), headers: { ...auth, 'content-type': 'application/json' } });
    expect(asked.status).toBe(201);
    return { receipt, question };
  }

  it.each(['ar', 'fa', 'he'] as const)('%s: the follow-up conversation is right to left, an English question in it left to right, nothing wider than 390 px', async (lang) => {
    // Prepare: one conversation, read in each language.
    const { receipt, question } = await (conversation ??= askedConversation());
    const context = await browser.newContext({ baseURL: stack.url, locale: 'en-GB', viewport: { width: WIDTH, height: 844 } });
    const page = await context.newPage();

    // Act: the tipster opens the conversation with the receipt.
    await page.goto(`/?lang=${lang}#/followup`);
    await page.locator('#followup-receipt').fill(receipt);
    await page.locator('#followup-open').click();
    await page.locator('#followup-messages').waitFor();
    const shown = (await page.evaluate(`(() => {
      const text = document.querySelector('.message-text');
      const meta = document.querySelector('.message-meta');
      const item = document.querySelector('.message').getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(text);
      const words = range.getBoundingClientRect();
      return {
        text: text.textContent, textDirection: getComputedStyle(text).direction, metaDirection: getComputedStyle(meta).direction, meta: meta.textContent,
        gapStart: words.left - item.left, gapEnd: item.right - words.right,
        scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
      };
    })()`)) as Record<string, string | number>;
    await context.close();

    // Assess: the page and its labels right to left, the question left to right (starting at the left), nothing overflowing.
    expect(shown.text).toBe(question);
    expect(shown.metaDirection).toBe('rtl');
    expect(String(shown.meta)).toContain(catalogues[lang].followupFromInvestigator.replace('{date}', '').trim());
    expect(shown.textDirection).toBe('ltr');
    expect(Number(shown.gapStart)).toBeLessThan(Number(shown.gapEnd));
    expect(Number(shown.scrollWidth)).toBeLessThanOrEqual(Number(shown.clientWidth));
  }, 60_000);

  it.each(['ar', 'fa', 'he', 'hi'])('%s: the letters of the heading are drawn with fonts that cover the language (no boxes)', async (lang) => {
    // Prepare: which families fontconfig says cover the language, and the heading's letters alone
    // (spaces and punctuation come from the first font of the stack, whatever the script).
    const covering = familiesFor(lang);
    const page = await phone(lang);
    const letters = (await page.evaluate(`(() => {
      const probe = document.createElement('p');
      probe.id = 'script-probe';
      probe.textContent = document.getElementById('form-heading').textContent.replace(/[^\\p{L}\\p{M}]/gu, '');
      document.getElementById('form-heading').after(probe);
      void probe.getBoundingClientRect().width; // laid out before the fonts are asked for
      return probe.textContent;
    })()`)) as string;
    await page.locator('#script-probe').waitFor({ state: 'visible' });
    const cdp = await page.context().newCDPSession(page);

    // Act: the fonts Chromium really used for those letters.
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#script-probe' });
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    await page.context().close();

    // Assess: the heading is in the language's own script, and each font drawing it covers the language.
    expect(letters.length).toBeGreaterThan(5);
    expect(letters).not.toMatch(/[A-Za-z]/);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(covering, `${font.familyName} draws ${lang}`).toContain(font.familyName);
  }, 60_000);
});

import { execFileSync } from 'node:child_process';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { buildWeb } from '../../scripts/build-web.ts';
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

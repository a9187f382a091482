import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { cldrEndonym, cldrName } from '../../scripts/build-endonyms.ts';
import { buildWeb } from '../../scripts/build-web.ts';
import { catalogues, directionOf, locales, type Locale } from '../../web/src/i18n/index.ts';
import { launchChromium, seriousViolations } from '../support/browser.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * The public form in every interface language, in Debian's Chromium at a
 * phone's width: lang and dir set, no English left over, nothing wider than
 * its box, no character drawn as a box, axe clean. One screenshot per language goes to test-artifacts/i18n/.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'test-artifacts/i18n');
const WIDTH = 390;

/** The visible text of the page, one trimmed line per text node, outside the language switch (which lists every language by name). */
const VISIBLE_TEXT = `(() => {
  const lines = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent.trim();
    if (text === '' || parent === null || parent.closest('select, .visually-hidden, .hp-field, noscript') !== null) continue;
    if (!parent.checkVisibility()) continue;
    lines.push(text);
  }
  return lines;
})()`;

/** Elements whose box reaches outside the viewport, or whose content is wider than their box. */
const OVERFLOWS = `(() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > width) out.push('document: ' + document.documentElement.scrollWidth + ' > ' + width);
  for (const element of document.body.querySelectorAll('*')) {
    if (element.closest('.visually-hidden, .hp-field, .skip-link, select, option') !== null || !element.checkVisibility()) continue;
    const rect = element.getBoundingClientRect();
    const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + (element.className && typeof element.className === 'string' ? '.' + element.className.split(' ')[0] : '');
    if (rect.width > 0 && (rect.right > width + 0.5 || rect.left < -0.5)) out.push(name + ' at ' + Math.round(rect.left) + '..' + Math.round(rect.right));
    const style = getComputedStyle(element);
    if (style.overflowX !== 'visible' && !['TEXTAREA', 'INPUT'].includes(element.tagName) && element.scrollWidth > element.clientWidth + 1) out.push(name + ' content ' + element.scrollWidth + ' > ' + element.clientWidth);
  }
  return out;
})()`;

/**
 * The characters of `text` that Chromium draws as the missing-glyph box: each is drawn on a canvas in the page's font and
 * compared with a private-use code point (U+10FFFD) that no installed font covers. Letters and digits only: spaces and
 * most punctuation draw nothing, or the same, either way.
 */
const TOFU = `((text) => {
  const canvas = document.createElement('canvas');
  canvas.width = 48;
  canvas.height = 48;
  const g = canvas.getContext('2d', { willReadFrequently: true });
  const font = '32px ' + getComputedStyle(document.body).fontFamily;
  const draw = (ch) => {
    g.clearRect(0, 0, 48, 48);
    g.font = font;
    g.fillText(ch, 4, 36);
    const data = g.getImageData(0, 0, 48, 48).data;
    let hash = 0;
    for (let i = 3; i < data.length; i += 4) hash = (hash * 31 + data[i]) >>> 0;
    return hash;
  };
  const box = draw('\u{10FFFD}');
  return [...new Set(text)].filter((ch) => /[\\p{L}\\p{N}\\p{Co}]/u.test(ch) && draw(ch) === box);
})`;

describe('the public form in every interface language', () => {
  let stack: LocalStack;
  let browser: Browser;
  const english: Set<string> = new Set();

  beforeAll(async () => {
    await buildWeb();
    mkdirSync(SHOTS, { recursive: true });
    stack = await startTestStack({});
    browser = await launchChromium();
    // The English page is the reference for "English left over".
    const page = await browser.newPage({ baseURL: stack.url, locale: 'en-GB' } as never);
    for (const path of ['/?lang=en', '/?lang=en#/object/obj-towel', '/?lang=en#/followup']) {
      await page.goto(new URL(path, stack.url).href);
      await page.locator('.gallery, #tip-text, #followup-receipt').first().waitFor();
      for (const line of (await page.evaluate(VISIBLE_TEXT)) as string[]) english.add(line);
    }
    await page.close();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function leftovers(page: Page, locale: Locale): Promise<string[]> {
    const own = new Set(Object.values(catalogues[locale]).flatMap((message) => (typeof message === 'string' ? [message] : Object.values(message))));
    const lines = (await page.evaluate(VISIBLE_TEXT)) as string[];
    // A line the English page shows too is English left over, unless this language's own catalogue says the same (a brand name, "PDF").
    return lines.filter((line) => english.has(line) && !own.has(line) && !/^[\d\s%/.,:()+−-]*$/.test(line));
  }

  /**
   * Language names in the two lists (the language switch, the tip languages) that are English where CLDR
   * names the language otherwise: an engine without a locale's data answers Intl.DisplayNames in English.
   * A label is "Own name" or "Own name (name in the interface language)".
   */
  async function englishNames(page: Page, locale: Locale): Promise<string[]> {
    const options = (await page.evaluate(
      `[...document.querySelectorAll('#ui-lang option, #tip-language option')].filter((o) => o.value !== '').map((o) => [o.parentElement.id, o.value, o.textContent])`,
    )) as [string, string, string][];
    const fold = (text: string | undefined): string | undefined => text?.toLocaleLowerCase('en');
    return options.flatMap(([list, code, label]) => {
      const [, own, inUi] = /^(.*?)(?: \((.*)\))?$/.exec(label)!;
      const english = fold(cldrName(code, 'en'));
      const wrong: string[] = [];
      if (fold(own) === english && fold(cldrEndonym(code)) !== english) wrong.push(`${list} ${code}: own name "${own}" is English`);
      if (inUi !== undefined && fold(inUi) === english && fold(cldrName(code, locale)) !== english) wrong.push(`${list} ${code}: "${inUi}" is English, not ${locale}`);
      return wrong;
    });
  }


  it('finds a language named in English (the check of the lists can fail)', async () => {
    // Prepare: the German form, with one option relabelled as an engine without Maltese data would show it.
    const page = await browser.newPage({ baseURL: stack.url, locale: 'en-GB' } as never);
    await page.goto(new URL('/?lang=de#/object/obj-towel', stack.url).href);
    await page.locator('#tip-text').waitFor();
    await page.evaluate(`document.querySelector('#ui-lang option[value="de"]').textContent = 'German'; document.querySelector('#tip-language option[value="pl"]').textContent = 'Polski (Polish)'`);

    // Act
    const misnamed = await englishNames(page, 'de');
    await page.close();

    // Assess
    expect(misnamed).toEqual(['ui-lang de: own name "German" is English', 'tip-language pl: "Polish" is English, not de']);
  });

  it('finds characters drawn as boxes (the glyph check can fail)', async () => {
    // Prepare
    const page = await browser.newPage({ baseURL: stack.url, locale: 'en-GB' } as never);
    await page.goto(new URL('/?lang=en', stack.url).href);

    // Act: private-use characters (no font has them) among Latin, CJK, Hangul, Arabic and Devanagari ones.
    const boxes = (await page.evaluate(`${TOFU}('a日한عह\u{E000}\u{F0000}')`)) as string[];
    await page.close();

    // Assess
    expect(boxes).toEqual(['\u{E000}', '\u{F0000}']);
  });

  it('has at least the English reference text', () => {
    expect(english.has(catalogues.en.galleryHeading)).toBe(true);
    expect(english.has(catalogues.en.tipLabel)).toBe(true);
    expect(english.has(catalogues.en.followupHeading)).toBe(true);
  });

  it.each(locales.filter((locale) => locale !== 'en'))('%s: lang, dir, no English left, no boxes, no overflow at 390 px, axe clean', async (locale) => {
    // Prepare: a phone-sized window whose browser prefers English, so only the URL picks the language. axe is injected inline: CSP bypassed for it.
    const context = await browser.newContext({ baseURL: stack.url, locale: 'en-GB', viewport: { width: WIDTH, height: 844 }, bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    // Act: the gallery, then one object's form.
    await page.goto(`/?lang=${locale}`);
    await page.locator('.gallery').waitFor();
    const galleryLeft = await leftovers(page, locale);
    const galleryOverflow = (await page.evaluate(OVERFLOWS)) as string[];
    await page.goto(`/?lang=${locale}#/object/obj-towel`);
    await page.locator('#tip-text').waitFor();
    await page.locator('#tip-text').fill('x'.repeat(5003)); // the plural "too many" message shows too
    const formLeft = await leftovers(page, locale);
    const misnamed = await englishNames(page, locale);
    const boxes = (await page.evaluate(`${TOFU}(document.body.innerText + [...document.querySelectorAll('option')].map((o) => o.textContent).join(''))`)) as string[];
    const formOverflow = (await page.evaluate(OVERFLOWS)) as string[];
    const html = (await page.evaluate('({ lang: document.documentElement.lang, dir: document.documentElement.dir, direction: getComputedStyle(document.body).direction, title: document.title })')) as Record<string, string>;
    await page.screenshot({ path: join(SHOTS, `${locale}.png`), fullPage: true });
    const violations = await seriousViolations(page);
    // The follow-up page (entering the receipt code) too.
    await page.goto(`/?lang=${locale}#/followup`);
    await page.locator('#followup-receipt').waitFor();
    const followupLeft = await leftovers(page, locale);
    const followupOverflow = (await page.evaluate(OVERFLOWS)) as string[];

    // Assess
    expect(html.lang).toBe(locale);
    expect(html.dir).toBe(directionOf(locale));
    expect(html.direction).toBe(directionOf(locale));
    expect(html.title).not.toContain('Striped beach towel');
    expect([...galleryLeft, ...formLeft, ...followupLeft]).toEqual([]);
    expect(misnamed).toEqual([]);
    expect(boxes).toEqual([]);
    expect([...galleryOverflow, ...formOverflow, ...followupOverflow]).toEqual([]);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});

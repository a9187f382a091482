import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '#local/jwt.ts';
import type { LocalStack } from '#local/stack.ts';
import { buildWeb } from '../../scripts/build-web.ts';
import { directionOf, endonym } from '../../web/src/i18n/core.ts';
import { consoleCatalogues, consoleLocales, type ConsoleLocale } from '../../web/src/i18n/console/index.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { launchChromium, seriousViolations } from '../support/browser.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * The investigators' console in every registered console language (issue 16), in Debian's Chromium:
 * the overview, a queue and a tip view, each checked for lang/dir, English left over, elements wider
 * than their panel at 1280 and 390 px, and axe. One stack and one browser for all languages; one
 * screenshot per language to test-artifacts/i18n/console-<code>.png.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'test-artifacts/i18n');

type Json = Record<string, any>;

/**
 * The visible interface text, one trimmed line per text node. Left out: the language switch and other
 * lists, and data that is the same in every language: the tipster's words, tip and object ids (`.code`),
 * the signed-in user, and text marked as another language than the page's (object titles are `lang="en"`).
 */
const VISIBLE_TEXT = `(() => {
  const page = document.documentElement.lang;
  const lines = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent.trim();
    if (text === '' || parent === null || !parent.checkVisibility()) continue;
    if (parent.closest('select, .visually-hidden, noscript, .tip-text, .tip-cell, .note-text, .message-text, .code, #session-user, #session-groups') !== null) continue;
    if (parent.closest('[lang]').lang !== page) continue;
    lines.push(text);
  }
  return lines;
})()`;

/** Elements whose right or left edge passes their panel's (the page's at the top), unless a table-scroll holds them. */
const OVERFLOWS = `(() => {
  const found = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) found.push('page scrolls sideways by ' + (root.scrollWidth - root.clientWidth) + 'px');
  for (const panel of document.querySelectorAll('.panel, .site-header')) {
    const box = panel.getBoundingClientRect();
    for (const element of panel.querySelectorAll('*')) {
      const scroller = element.closest('.table-scroll');
      if ((scroller !== null && scroller !== element) || !element.checkVisibility() || element.closest('.visually-hidden, option') !== null) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && (rect.right > box.right + 0.5 || rect.left < box.left - 0.5)) found.push(panel.id + ' > ' + element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + '.' + element.className);
    }
  }
  return found;
})()`;

describe('the investigators\' console in every console language', () => {
  let stack: LocalStack;
  let browser: Browser;
  let token: string;
  let tipId: string;
  const english = new Set<string>();

  async function openViews(page: Page, locale: string): Promise<string[]> {
    // The token in the fragment (as Cognito's redirect brings it): the console keeps ?lang and drops the token from the address.
    await page.goto(`/console?lang=${locale}#id_token=${token}`);
    await page.locator('#overview-table tr[data-country="PT"] button').click();
    await page.locator(`#queue-table tr[data-tip-id="${tipId}"] .tip-cell button`).click();
    await page.locator('#tip-text').waitFor();
    await page.locator('#claim-state').waitFor();
    return (await page.evaluate(VISIBLE_TEXT)) as string[];
  }

  /** Lines the English console shows too that this language's catalogue does not say itself (a brand, "CSV"). */
  function leftovers(lines: readonly string[], locale: ConsoleLocale | null): string[] {
    const messages: readonly (string | Readonly<Record<string, string>>)[] = locale === null ? [] : Object.values(consoleCatalogues[locale]);
    const texts = messages.flatMap((message) => (typeof message === 'string' ? [message] : Object.values(message)));
    // A message drawn around an element ("Signed in as {user}") shows as its pieces.
    const own = new Set<string>(texts.flatMap((text) => [text, ...text.split(/\{\w+\}/).map((piece) => piece.trim())]));
    // A template of this catalogue filled with data ("“{text}”" around a tip's words, where the
    // language quotes as English does) is this language's own line, whatever the data.
    const filled = texts.filter((text) => /\{\w+\}/.test(text) && text.replace(/\{\w+\}/g, '').trim() !== '').map((text) => new RegExp(`^${text.trim().split(/\{\w+\}/).map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`, 'su'));
    const ownLine = (line: string): boolean => own.has(line) || filled.some((pattern) => pattern.test(line));
    return lines.filter((line) => english.has(line) && !ownLine(line) && !/^[\d\s%/.,:()+·–-]*$/.test(line) && !/^[A-Z]{2}$/.test(line));
  }

  beforeAll(async () => {
    await buildWeb();
    mkdirSync(SHOTS, { recursive: true });
    stack = await startTestStack({});
    const api = apiClient(stack.url);
    const accepted = await api.postTip({ objectId: 'obj-towel', text: 'I bought this towel at a market stall in Porto, Portugal, next to the cathedral.' });
    expect(accepted.status).toBe(202);
    tipId = String(accepted.body.tipId);
    const coordinator = await investigatorClient(api, stack.keys, ['coordinator']);
    await eventually(async () => {
      const response = await coordinator.get<Json>(`/investigator/tips/${tipId}`);
      return response.status === 200 && response.body.pipeline === 'classified' ? true : undefined;
    }, 30_000);
    token = await mintToken(stack.keys, { groups: ['coordinator'], username: 'cora', sub: 'sub-cora' });
    browser = await launchChromium();
    // The English console is the reference for "English left over".
    const context = await browser.newContext({ baseURL: stack.url, locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    for (const line of await openViews(await context.newPage(), 'en')) english.add(line);
    await context.close();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('finds English left over (the check can fail): the English console against an empty catalogue', () => {
    // Act
    const left = leftovers([...english], null);

    // Assess: the interface words are found, and the tipster's words are not counted as interface.
    expect(left).toContain(consoleCatalogues.en.overviewHeading);
    expect(left).toContain(consoleCatalogues.en.claimHeading);
    expect(left.join('\n')).not.toContain('market stall');
  });

  // Concurrent: the browser does the work, so a few languages at a time keep 39 of them within CI's budget.
  it.concurrent.each(consoleLocales)('%s: lang, dir, no English left, the switch by endonyms, no overflow at 1280 and 390 px, axe clean', async (locale) => {
    // Prepare: a browser that prefers English, so only the address picks the language. axe is injected inline: CSP bypassed for it.
    const context = await browser.newContext({ baseURL: stack.url, locale: 'en-GB', timezoneId: 'Europe/Lisbon', viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    // Act
    const lines = await openViews(page, locale);
    const html = (await page.evaluate(`({ lang: document.documentElement.lang, dir: document.documentElement.dir, direction: getComputedStyle(document.body).direction, url: location.search + location.hash, switchValue: document.querySelector('#ui-lang')?.value ?? null, names: [...document.querySelectorAll('#ui-lang option')].map((o) => o.value + '=' + o.textContent) })`)) as Json;
    const wide = (await page.evaluate(OVERFLOWS)) as string[];
    await page.setViewportSize({ width: 390, height: 844 });
    const narrow = (await page.evaluate(OVERFLOWS)) as string[];
    await page.screenshot({ path: join(SHOTS, `console-${locale}.png`), fullPage: true });
    const violations = await seriousViolations(page);
    await context.close();

    // Assess
    expect(html.lang).toBe(locale);
    expect(html.dir).toBe(directionOf(locale));
    expect(html.direction).toBe(directionOf(locale));
    expect(html.url).toBe(`?lang=${locale}#/tip/${tipId}`);
    expect(html.switchValue).toBe(locale);
    expect(html.names).toEqual(consoleLocales.map((code) => `${code}=${endonym(code)}`));
    expect(wide).toEqual([]);
    expect(narrow).toEqual([]);
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    expect(locale === 'en' ? [] : leftovers(lines, locale)).toEqual([]);
  });
});

import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { buildWeb } from '../../scripts/build-web.ts';
import { launchChromium, seriousViolations } from '../support/browser.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * The object's picture full size (web/src/public/zoom.ts) in Debian's Chromium:
 * recognising the object is the whole point of the page, so the viewer must
 * work by keyboard and by touch, and stay accessible while it is open.
 */

/** The scale factor of the picture's CSS transform (1 when none). */
const SCALE = `(() => { const t = getComputedStyle(document.querySelector('.zoom-image')).transform; return t === 'none' ? 1 : new DOMMatrix(t).a; })()`;

describe('the object picture viewer', () => {
  let stack: LocalStack;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    await buildWeb();
    stack = await startTestStack({});
    browser = await launchChromium();
    // hasTouch: the page gets touch (and so touch pointer) events from CDP's Input.dispatchTouchEvent. axe is injected inline: CSP bypassed for it.
    context = await browser.newContext({ baseURL: stack.url, locale: 'en-GB', viewport: { width: 390, height: 844 }, hasTouch: true, bypassCSP: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function objectPage(): Promise<Page> {
    const page = await context.newPage();
    await page.goto('/?lang=en#/object/obj-towel');
    await page.locator('.zoom-open').waitFor();
    return page;
  }

  it('opens full size from the keyboard, zooms with + and −, closes with Escape and gives focus back', async () => {
    // Prepare
    const page = await objectPage();
    const thumbnail = (await page.locator('.zoom-open img').boundingBox())!;

    // Act: focus the opener and press Enter, zoom in twice and out once, then Escape.
    await page.locator('.zoom-open').focus();
    await page.keyboard.press('Enter');
    await page.locator('dialog.zoom-dialog[open]').waitFor();
    const opened = { modal: await page.evaluate(`document.querySelector('dialog.zoom-dialog').matches(':modal')`), box: (await page.locator('.zoom-stage').boundingBox())!, scale: await page.evaluate(SCALE) };
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const zoomedIn = { scale: (await page.evaluate(SCALE)) as number, level: await page.locator('.zoom-level').textContent() };
    await page.keyboard.press('-');
    const zoomedOut = { scale: (await page.evaluate(SCALE)) as number, level: await page.locator('.zoom-level').textContent() };
    await page.keyboard.press('Escape');
    await page.locator('dialog.zoom-dialog').waitFor({ state: 'detached' });
    const focused = await page.evaluate(`document.activeElement === document.querySelector('.zoom-open')`);
    await page.close();

    // Assess: a modal larger than the picture on the page, 1.5 per step, the level announced, focus back on the opener.
    expect(opened.modal).toBe(true);
    expect(opened.box.width * opened.box.height).toBeGreaterThan(thumbnail.width * thumbnail.height);
    expect(opened.scale).toBeCloseTo(1);
    expect(zoomedIn).toEqual({ scale: expect.closeTo(2.25, 5), level: '225%' });
    expect(zoomedOut).toEqual({ scale: expect.closeTo(1.5, 5), level: '150%' });
    expect(focused).toBe(true);
  }, 60_000);

  it('is axe clean while open', async () => {
    // Prepare
    const page = await objectPage();
    await page.locator('.zoom-open').click();
    await page.locator('dialog.zoom-dialog[open]').waitFor();

    // Act
    const violations = await seriousViolations(page);
    await page.close();

    // Assess
    expect(violations).toEqual([]);
  }, 60_000);

  it('zooms by pinching with two fingers (CDP touch events)', async () => {
    // Prepare: the viewer open, two fingers 40 px apart around the stage's centre.
    const page = await objectPage();
    await page.locator('.zoom-open').click();
    await page.locator('dialog.zoom-dialog[open]').waitFor();
    const box = (await page.locator('.zoom-stage').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const cdp = await context.newCDPSession(page);
    const fingers = (spread: number) => [
      { x: cx - spread / 2, y: cy, id: 0 },
      { x: cx + spread / 2, y: cy, id: 1 },
    ];

    // Act: spread them to 120 px (three times as far apart) in steps.
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(40) });
    for (const spread of [60, 80, 100, 120]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(spread) });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    const scale = (await page.evaluate(SCALE)) as number;
    const level = await page.locator('.zoom-level').textContent();
    await page.close();

    // Assess: the scale follows the fingers' distance (×3).
    expect(scale).toBeCloseTo(3, 1);
    expect(level).toBe('300%');
  }, 60_000);
});

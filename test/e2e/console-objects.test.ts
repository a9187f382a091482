import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { buildWeb } from '../../scripts/build-web.ts';
import { launchChromium, seriousViolations, signedInConsole } from '../support/browser.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * The console as a place to work (issue 16), in Debian's Chromium against the whole local stack:
 * a coordinator takes an object through its whole lifecycle (draft with its picture, Polish texts,
 * published, retired, published again, identified, a new picture) and the public API follows each
 * step; a coordinator re-routes a tip and the console shows the new country's confidence (or none,
 * by hand) and the audit entry. axe-core stays clean on the objects panel.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'test-results/screenshots');

type Json = Record<string, any>;

/** Two valid PNGs (1×1 and 2×1), so a replaced picture can be told from the first. */
const PNG_1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PNG_2 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGNgaGBgOGEEAARJAXsKarxzAAAAAElFTkSuQmCC', 'base64');

describe('investigator console: objects and re-routing', () => {
  let stack: LocalStack;
  let api: ReturnType<typeof apiClient>;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    await buildWeb();
    mkdirSync(SHOTS, { recursive: true });
    stack = await startTestStack({});
    api = apiClient(stack.url);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function contextAt(width: number, extra: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    return browser.newContext({ baseURL: stack.url, locale: 'en-GB', timezoneId: 'Europe/Lisbon', viewport: { width, height: 900 }, ...extra });
  }

  const signedIn = (context: BrowserContext, groups: string[], username: string): Promise<Page> =>
    signedInConsole(context, stack.keys, { groups, username }, '#objects-list', problems);

  const publicObject = async (objectId: string, lang = 'en'): Promise<Json | undefined> =>
    (await api.get<Json>(`/objects?lang=${lang}`)).body.items.find((item: Json) => item.objectId === objectId);

  describe('the object lifecycle', () => {
    it('creates a draft with its picture, writes its Polish texts, publishes, retires, republishes, marks it identified and replaces its picture', async () => {
      // Prepare
      const context = await contextAt(1280);
      const page = await signedIn(context, ['coordinator'], 'cora');
      const feedback = page.locator('#objects-feedback');
      const item = page.locator('#objects-list li.object', { has: page.locator('h3', { hasText: 'Green glass lamp' }) });
      const stepTo = async (status: string, done: string): Promise<void> => {
        await item.locator(`button[data-step="${status}"]`).click();
        await feedback.getByText(done).waitFor();
      };

      // Act: a draft with its picture
      await page.locator('#new-object-title').fill('Green glass lamp');
      await page.locator('#new-object-description').fill('A desk lamp with a green glass shade.');
      await page.locator('#new-object-picture').setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: PNG_1 });
      await page.getByRole('button', { name: 'Create draft' }).click();
      await feedback.getByText('Draft “Green glass lamp” created.').waitFor();
      const objectId = String(await item.getAttribute('data-object-id'));
      const draftStatus = await item.getAttribute('data-status');
      const draftSteps = await item.locator('button[data-step]').allTextContents();
      const pictureWidth = await eventually(async () => {
        const width = await item.locator('img.object-picture').evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth);
        return width > 0 ? width : undefined;
      });
      const hiddenWhileDraft = await publicObject(objectId);

      // Act: Polish texts, then the public steps
      await item.locator('summary').click();
      await item.locator('select.object-lang').selectOption('pl');
      const englishPlaceholder = await item.locator(`[id="object-${objectId}-title"]`).getAttribute('placeholder');
      await item.locator(`[id="object-${objectId}-title"]`).fill('Lampa z zielonego szkła');
      await item.locator(`[id="object-${objectId}-description"]`).fill('Lampa biurkowa z zielonym szklanym kloszem.');
      await item.getByRole('button', { name: 'Save texts' }).click();
      await feedback.getByText('Saved the Polski texts').waitFor();
      await stepTo('published', 'is published');
      const published = { pl: await publicObject(objectId, 'pl'), de: await publicObject(objectId, 'de') };
      await stepTo('retired', 'is retired');
      const retired = await publicObject(objectId);
      const retiredSteps = await item.locator('button[data-step]').allTextContents();
      await stepTo('published', 'is published');
      await stepTo('identified', 'is marked identified');
      const identified = await publicObject(objectId);
      const identifiedSteps = await item.locator('button[data-step]').allTextContents();
      const tipOnIdentified = await api.postTip({ objectId, text: 'I have seen this lamp in Ghent, Belgium.' });

      // Act: a new picture
      await item.locator('summary').click();
      await item.locator(`[id="object-${objectId}-picture"]`).setInputFiles({ name: 'lamp-2.png', mimeType: 'image/png', buffer: PNG_2 });
      await item.getByRole('button', { name: 'Upload picture' }).click();
      await feedback.getByText('New picture of “Green glass lamp” uploaded.').waitFor();
      const served = Buffer.from(await (await fetch(`${stack.url}/media/objects/${objectId}/image`)).arrayBuffer());
      await page.screenshot({ path: join(SHOTS, 'console-objects-1280.png'), fullPage: true });

      // Assess
      expect(draftStatus).toBe('draft');
      expect(draftSteps).toEqual(['Publish', 'Retire']);
      expect(pictureWidth).toBe(1);
      expect(hiddenWhileDraft).toBeUndefined();
      expect(englishPlaceholder).toBe('Green glass lamp');
      expect(published.pl).toMatchObject({ title: 'Lampa z zielonego szkła', description: 'Lampa biurkowa z zielonym szklanym kloszem.', lang: 'pl', identified: false });
      expect(published.de).toMatchObject({ title: 'Green glass lamp', lang: 'en' });
      expect(retired).toBeUndefined();
      expect(retiredSteps).toEqual(['Publish again']);
      expect(identified).toMatchObject({ identified: true });
      expect(identifiedSteps).toEqual(['Publish again']);
      expect(tipOnIdentified.status).toBe(409);
      expect(served.equals(PNG_2)).toBe(true);
      expect(await item.getAttribute('data-status')).toBe('identified');
      await context.close();
    });

    it('names the field when a draft has no title, and sends nothing', async () => {
      // Prepare
      const context = await contextAt(390);
      const page = await signedIn(context, ['coordinator'], 'cora');
      const before = (await (await investigatorClient(api, stack.keys, ['coordinator'])).get('/investigator/objects')).body.items.length;

      // Act
      await page.getByRole('button', { name: 'Create draft' }).click();

      // Assess
      expect(await page.locator('#new-object-error').textContent()).toContain('Title');
      expect(await page.locator('#new-object-title').getAttribute('aria-invalid')).toBe('true');
      expect((await (await investigatorClient(api, stack.keys, ['coordinator'])).get('/investigator/objects')).body.items.length).toBe(before);
      await context.close();
    });

    it('shows a country investigator the objects with their pictures but no step, edit or create control', async () => {
      // Prepare
      const context = await contextAt(1280);
      const page = await signedIn(context, ['NL'], 'noor');

      // Act
      const towel = page.locator('#objects-list li[data-object-id="obj-towel"]');
      await towel.waitFor();

      // Assess
      expect(await towel.locator('img.object-picture').getAttribute('alt')).toBe(`Picture of ${String(await towel.locator('h3').textContent())}`);
      expect(await page.locator('#objects-list button[data-step]').count()).toBe(0);
      expect(await page.locator('#objects-list details.object-edit').count()).toBe(0);
      expect(await page.locator('#new-object-title').count()).toBe(0);
      await context.close();
    });

    it('has no serious or critical axe violations on the objects panel with an edit form open', async () => {
      // Prepare
      const context = await contextAt(1280, { bypassCSP: true });
      const page = await signedIn(context, ['coordinator'], 'cora');
      await page.locator('#objects-list li[data-object-id="obj-towel"] summary').click();

      // Act
      const violations = await seriousViolations(page, '#objects-section');

      // Assess
      expect(violations).toEqual([]);
      await context.close();
    });
  });

  describe('re-routing a tip', () => {
    it('moves a tip from BR to PT: the PT queue shows it with Portugal\'s score, the audit names the move, and a country the classifier never named shows no confidence', async () => {
      // Prepare: a tip whose candidates are Brazil (first) and Portugal. (With "Lisbon, Portugal" spelled
      // out as fully as "São Paulo, Brazil", the 2026-12-04 model puts Portugal first at 0.63: a known miss,
      // reported in issue 13, not what this test is about.)
      const accepted = await api.postTip({ objectId: 'obj-towel', text: 'I bought this towel in São Paulo, Brazil, at a beach shop. My aunt in Lisbon has one too.' });
      const coordinator = await investigatorClient(api, stack.keys, ['coordinator']);
      const tip = await eventually(async () => {
        const response = await coordinator.get(`/investigator/tips/${String(accepted.body.tipId)}`);
        return response.status === 200 && response.body.pipeline === 'classified' ? response.body : undefined;
      }, 30_000);
      const score = (country: string): number => tip.candidates.find((candidate: Json) => candidate.country === country).score;
      expect(tip.queue).toBe('BR');
      expect(score('PT')).not.toBe(score('BR'));
      const context = await contextAt(1280);
      const page = await signedIn(context, ['coordinator'], 'cora');
      const confidenceShown = async (): Promise<string> => String(await page.locator('#detail-section dt', { hasText: /^Confidence$/ }).locator('xpath=following-sibling::dd[1]').textContent());
      const reroute = async (country: string): Promise<void> => {
        await page.locator('#t-country').fill(country);
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.locator('#detail-feedback', { hasText: 'Saved.' }).waitFor();
      };

      // Act: open it in the BR queue and move it to PT
      await page.locator('#q-country').fill('BR');
      await page.getByRole('button', { name: 'Show queue' }).click();
      await page.locator('#queue-status', { hasText: 'BR queue, page 1' }).waitFor();
      await page.locator(`#queue-table tr[data-tip-id="${tip.tipId}"] button`).click();
      await page.locator('#tip-text').waitFor();
      const before = await confidenceShown();
      await reroute('PT');
      const afterPt = await confidenceShown();
      await page.locator('#detail-section summary', { hasText: 'History' }).click();
      const history = String(await page.locator('#detail-section ol.history').textContent());
      await page.locator('#q-country').fill('PT');
      await page.getByRole('button', { name: 'Show queue' }).click();
      // The BR table (holding the same tip id) stays on screen until the PT page has loaded.
      await page.locator('#queue-status', { hasText: 'PT queue, page 1' }).waitFor();
      const ptRow = page.locator(`#queue-table tr[data-tip-id="${tip.tipId}"]`);
      await ptRow.waitFor();
      const ptRowConfidence = await ptRow.locator('td.num').first().textContent();
      const brQueue = (await coordinator.get('/investigator/queues/BR?limit=100')).body.items.map((item: Json) => item.tipId);

      // Act: then to a country the classifier did not name
      await ptRow.locator('button').click();
      await page.locator('#tip-text').waitFor();
      await reroute('IS');
      const afterManual = await confidenceShown();
      const stored = (await coordinator.get(`/investigator/tips/${tip.tipId}`)).body;
      await page.screenshot({ path: join(SHOTS, 'console-reroute-1280.png'), fullPage: true });

      // Assess
      expect(before).toBe(score('BR').toFixed(2));
      expect(afterPt).toBe(score('PT').toFixed(2));
      expect(ptRowConfidence).toBe(score('PT').toFixed(2));
      expect(history).toContain('cora: queue BR → PT');
      expect(brQueue).not.toContain(tip.tipId);
      expect(afterManual).toMatch(/^none: re-routed by hand/);
      expect(stored).toMatchObject({ queue: 'IS', confidence: null, confidenceReason: 'manual' });
      await context.close();
    });
  });

  describe('translating a tip', () => {
    it('shows a kept machine translation beside the original, labelled as such, and says locally that Translate needs AWS', async () => {
      // Prepare: a Polish tip, and a translation kept for it as the AWS path keeps one (shared/store/translations.ts).
      const text = 'Taką torbę dostałam w piekarni w Łodzi, Polska.';
      const accepted = await api.postTip({ objectId: 'obj-bag', text });
      const tipId = String(accepted.body.tipId);
      const pl = await investigatorClient(api, stack.keys, ['PL']);
      await eventually(async () => ((await pl.get(`/investigator/tips/${tipId}`)).body.pipeline === 'classified' ? true : undefined), 30_000);
      const { storeTranslation } = await import('#shared/store/translations.ts');
      await storeTranslation(tipId, 'nl', { text: 'Zo\'n tas kreeg ik in een bakkerij in Łódź, Polen.', sourceLanguage: 'pl', machineTranslated: true, engine: 'amazon-translate', at: '2026-12-03T10:00:00Z' });
      const context = await contextAt(1280, { locale: 'de-DE' });
      const page = await signedIn(context, ['PL'], 'ola');

      // Act
      await page.locator('#q-country').selectOption('PL');
      await page.getByRole('button', { name: 'Show queue' }).click();
      await page.locator(`#queue-table tr[data-tip-id="${tipId}"] button`).click();
      await page.locator('#tip-text').waitFor();
      const preselected = await page.locator('#translate-target').inputValue();
      const kept = page.locator('#tip-translations section[data-target="nl"]');
      const label = await kept.locator('.machine-translation-label').textContent();
      const translated = await kept.locator('.tip-text').textContent();
      await page.getByRole('button', { name: 'Translate' }).click();
      const refusal = await page.locator('#translation-failed').textContent();

      // Assess
      // The interface language (English here, in a German browser), not the browser's.
      expect(preselected).toBe('en');
      expect(label).toMatch(/^Machine translation into Nederlands \(from Polski\), by Amazon Translate/);
      expect(label).toContain('Not checked by a person');
      expect(translated).toBe('Zo\'n tas kreeg ik in een bakkerij in Łódź, Polen.');
      expect(await page.locator('#tip-text').textContent()).toBe(text);
      expect(refusal).toContain('needs Amazon Translate, which runs on AWS only');
      await context.close();
    });
  });

  it('ran under the CSP without violations or script errors', () => {
    expect(problems).toEqual([]);
  });
});

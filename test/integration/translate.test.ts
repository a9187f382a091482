import { DetectedLanguageLowConfidenceException, TooManyRequestsException, TranslateClient, TranslateTextCommand, UnsupportedLanguagePairException } from '@aws-sdk/client-translate';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * POST /investigator/tips/{tipId}/translate against the local stack with translation switched on
 * and Amazon Translate (AWS only, no emulator) mocked: the translation is kept beside the original,
 * marked machine-translated; a Translate failure leaves the tip readable and unchanged and says why.
 */
type Json = Record<string, any>;

const translate = mockClient(TranslateClient);
const POLISH = 'Taką torbę dostałam w piekarni w Łodzi, Polska.';

describe('machine translation of a tip', () => {
  let stack: LocalStack;
  let api: ReturnType<typeof apiClient>;
  let pl: Awaited<ReturnType<typeof investigatorClient>>;
  let nl: Awaited<ReturnType<typeof investigatorClient>>;
  let tipId: string;

  const ask = (client: typeof pl, target: unknown, id = tipId, source?: string) =>
    client.call<Json>('POST', `/investigator/tips/${id}/translate`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ target, source }) });

  beforeAll(async () => {
    process.env.TRANSLATE_ENABLED = 'true';
    stack = await startTestStack({});
    api = apiClient(stack.url);
    pl = await investigatorClient(api, stack.keys, ['PL']);
    nl = await investigatorClient(api, stack.keys, ['NL']);
    const accepted = await api.postTip({ objectId: 'obj-bag', text: POLISH });
    tipId = String(accepted.body.tipId);
    await eventually(async () => {
      const response = await pl.get(`/investigator/tips/${tipId}`);
      return response.status === 200 && response.body.pipeline === 'classified' ? response.body : undefined;
    }, 30_000);
  });

  beforeEach(() => translate.reset());

  afterAll(async () => {
    delete process.env.TRANSLATE_ENABLED;
    await stack?.stop();
  });

  it('fails with the service unavailable: the tip stays readable, its original and version unchanged, and the answer says why', async () => {
    // Prepare
    translate.on(TranslateTextCommand).rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }));
    const before = await pl.get(`/investigator/tips/${tipId}`);

    // Act
    const response = await ask(pl, 'nl');
    const after = await pl.get(`/investigator/tips/${tipId}`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ tipId, target: 'nl', status: 'failed', reason: 'unavailable' });
    expect(after.status).toBe(200);
    expect(after.body.text).toBe(POLISH);
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(after.body.machineTranslations?.nl).toBeUndefined();
  });

  it.each([
    { error: new UnsupportedLanguagePairException({ message: 'no pair', $metadata: {}, SourceLanguageCode: 'pl', TargetLanguageCode: 'xx' }), reason: 'unsupported-language' },
    { error: new DetectedLanguageLowConfidenceException({ message: 'unsure', $metadata: {} }), reason: 'language-not-detected' },
  ])('names $reason when Translate refuses the text', async ({ error, reason }) => {
    // Prepare
    translate.on(TranslateTextCommand).rejects(error);

    // Act
    const response = await ask(pl, 'de');

    // Assess
    expect(response.body).toMatchObject({ status: 'failed', reason });
  });

  it('translates with the explicit source the pipeline detected (never auto) and keeps the translation beside the original, marked as a machine\'s', async () => {
    // Prepare
    translate.on(TranslateTextCommand).resolves({ TranslatedText: 'Zo\'n tas kreeg ik in een bakkerij in Łódź, Polen.', SourceLanguageCode: 'pl', TargetLanguageCode: 'nl' });

    // Act
    const response = await ask(pl, 'nl');
    const again = await ask(pl, 'nl');
    const tip = await pl.get(`/investigator/tips/${tipId}`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'translated', stored: true, translation: { text: 'Zo\'n tas kreeg ik in een bakkerij in Łódź, Polen.', sourceLanguage: 'pl', machineTranslated: true, engine: 'amazon-translate' } });
    expect(translate.commandCalls(TranslateTextCommand)).toHaveLength(1);
    expect(translate.commandCalls(TranslateTextCommand)[0]!.args[0].input).toEqual({ Text: POLISH, SourceLanguageCode: 'pl', TargetLanguageCode: 'nl' });
    expect(again.body.translation).toEqual(response.body.translation);
    expect(tip.body.text).toBe(POLISH);
    expect(tip.body.machineTranslations.nl).toEqual(response.body.translation);
    expect(tip.body.machineTranslations.nl.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('sends the source the investigator names instead, as Amazon Translate\'s code, and translates again when it differs from the kept one', async () => {
    // Prepare
    translate.on(TranslateTextCommand).resolves({ TranslatedText: 'Eine solche Tasche', SourceLanguageCode: 'cs', TargetLanguageCode: 'de' });

    // Act
    const response = await ask(pl, 'de', tipId, 'CS');
    const again = await ask(pl, 'de', tipId, 'cs');

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'translated', translation: { sourceLanguage: 'cs' } });
    expect(again.body.translation).toEqual(response.body.translation);
    const inputs = translate.commandCalls(TranslateTextCommand).map((call) => call.args[0].input);
    expect(inputs).toEqual([{ Text: POLISH, SourceLanguageCode: 'cs', TargetLanguageCode: 'de' }]);
  });

  it('answers 400 naming source for a source language Amazon Translate does not have, calling nothing', async () => {
    // Act
    const response = await ask(pl, 'fr', tipId, 'tlh');

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.issues.map((issue: Json) => issue.path)).toEqual(['source']);
    expect(translate.commandCalls(TranslateTextCommand)).toHaveLength(0);
  });

  it('answers 403 for a tip outside the caller\'s countries and 400 naming target for a bad language, calling nothing', async () => {
    // Act
    const foreign = await ask(nl, 'nl');
    const bad = await ask(pl, '<script>');
    const missing = await pl.call<Json>('POST', `/investigator/tips/${tipId}/translate`, { headers: { 'content-type': 'application/json' }, body: '{}' });

    // Assess
    expect(foreign.status).toBe(403);
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((issue: Json) => issue.path)).toEqual(['target']);
    expect(missing.status).toBe(400);
    expect(missing.body.issues.map((issue: Json) => issue.path)).toEqual(['target']);
    expect(translate.commandCalls(TranslateTextCommand)).toHaveLength(0);
  });
});

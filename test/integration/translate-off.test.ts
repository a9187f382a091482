import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

/** Locally translation is off (no Amazon Translate to call): the route says so and the tip is untouched. */
type Json = Record<string, any>;

describe('machine translation on the local stack', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startTestStack({});
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers 409 saying translation needs AWS, with the marker the console shows', async () => {
    // Prepare
    const api = apiClient(stack.url);
    const pl = await investigatorClient(api, stack.keys, ['PL']);
    const accepted = await api.postTip({ objectId: 'obj-bag', text: 'Taką torbę dostałam w piekarni w Łodzi, Polska.' });
    const tipId = String(accepted.body.tipId);
    await eventually(async () => ((await pl.get(`/investigator/tips/${tipId}`)).body.pipeline === 'classified' ? true : undefined), 30_000);

    // Act
    const response = await pl.call<Json>('POST', `/investigator/tips/${tipId}/translate`, { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ target: 'nl' }) });
    const tip = await pl.get(`/investigator/tips/${tipId}`);

    // Assess
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ status: 'failed', reason: 'translation-off' });
    expect(response.body.error).toMatch(/AWS/);
    expect(tip.body.machineTranslations).toBeUndefined();
  });
});

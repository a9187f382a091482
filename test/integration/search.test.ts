/**
 * GET /investigator/search (issue 16): words in any script folded as the
 * deduplicator folds them, an exact tip id, filters, the caller's countries,
 * and an index read instead of a scan.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { sweepExpired } from '#local/sweeper.ts';
import { dynamo } from '#shared/store/clients/dynamo.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

type Json = Record<string, any>;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
const sent: string[] = [];
let counting = false;

const as = (groups: string[]) => investigatorClient(api, stack.keys, groups);

async function classified(objectId: string, text: string): Promise<Json> {
  const accepted = await api.postTip({ objectId, text });
  expect(accepted.status).toBe(202);
  const coordinator = await as(['coordinator']);
  return eventually(async () => {
    const response = await coordinator.get(`/investigator/tips/${String(accepted.body.tipId)}`);
    return response.status === 200 && response.body.pipeline === 'classified' ? response.body : undefined;
  }, 30_000);
}

const ids = (response: { body: Json }): string[] => (response.body.items as Json[]).map((item) => item.tipId);
const q = (params: Record<string, string>): string => `/investigator/search?${new URLSearchParams(params).toString()}`;

let polish: Json;
let japanese: Json;
let portuguese: Json;

beforeAll(async () => {
  stack = await startTestStack({});
  api = apiClient(stack.url);
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      if (counting) sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'searchTestCountCommands' },
  );
  polish = await classified('obj-towel', 'Ten ręcznik kupiłam w sklepie w Łodzi, Polska, na ulicy Piotrkowskiej.');
  japanese = await classified('obj-towel', 'このタオルは東京駅の売店で買いました。日本です。');
  portuguese = await classified('obj-bag', 'This bag is from a bakery in Évora, Portugal, they give them away.');
  expect([polish.queue, japanese.queue, portuguese.queue]).toEqual(['PL', 'JP', 'PT']);
});

afterAll(async () => {
  dynamo.middlewareStack.remove('searchTestCountCommands');
  await stack?.stop();
});

describe('GET /investigator/search', () => {
  it('finds a word whatever its case and diacritics, for an investigator of its country', async () => {
    // Prepare
    const pl = await as(['PL']);

    // Act
    const plain = await pl.get(q({ q: 'PIOTRKOWSKIEJ reczNIK' }));
    const accented = await pl.get(q({ q: 'Ręcznik' }));

    // Assess
    expect(plain.status).toBe(200);
    expect(ids(plain)).toEqual([polish.tipId]);
    expect(ids(accented)).toEqual([polish.tipId]);
    expect(plain.body.items[0]).toMatchObject({ country: 'PL', objectId: 'obj-towel', status: 'new' });
  });

  it('finds part of a word in a script written without spaces', async () => {
    // Act
    const found = await (await as(['JP'])).get(q({ q: '東京' }));

    // Assess
    expect(ids(found)).toEqual([japanese.tipId]);
  });

  it('shows nothing of another country, by word or by tip id', async () => {
    // Prepare
    const nl = await as(['NL']);

    // Act
    const byWord = await nl.get(q({ q: 'ręcznik' }));
    const byId = await nl.get(q({ q: polish.tipId }));
    const otherCountry = await nl.get(q({ q: 'ręcznik', country: 'PL' }));

    // Assess
    expect(byWord.status).toBe(200);
    expect(ids(byWord)).toEqual([]);
    expect(ids(byId)).toEqual([]);
    expect(otherCountry.status).toBe(403);
  });

  it('finds a tip by its exact id, in any case', async () => {
    // Act
    const found = await (await as(['PT'])).get(q({ q: portuguese.tipId.toLowerCase() }));

    // Assess
    expect(ids(found)).toEqual([portuguese.tipId]);
  });

  it('narrows by object, country and date for a coordinator', async () => {
    // Prepare
    const coordinator = await as(['coordinator']);
    const day = String(polish.submittedAt).slice(0, 10);

    // Act
    const inObject = await coordinator.get(q({ q: 'ręcznik', objectId: 'obj-towel' }));
    const otherObject = await coordinator.get(q({ q: 'ręcznik', objectId: 'obj-bag' }));
    const inCountry = await coordinator.get(q({ q: 'ręcznik', country: 'PL', from: day, to: day }));
    const before = await coordinator.get(q({ q: 'ręcznik', to: '2000-01-01' }));

    // Assess
    expect(ids(inObject)).toEqual([polish.tipId]);
    expect(ids(otherObject)).toEqual([]);
    expect(ids(inCountry)).toEqual([polish.tipId]);
    expect(ids(before)).toEqual([]);
  });

  it('answers 400 naming the field for a query without a searchable word or a bad date', async () => {
    // Prepare
    const coordinator = await as(['coordinator']);

    // Act
    const empty = await coordinator.get(q({ q: '!!' }));
    const badDate = await coordinator.get(q({ q: 'towel', from: 'yesterday' }));
    const missing = await coordinator.get('/investigator/search');

    // Assess
    expect(empty.status).toBe(400);
    expect(empty.body.issues).toEqual([expect.objectContaining({ path: 'q' })]);
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body.issues)).toContain('from');
    expect(missing.status).toBe(400);
  });

  it('reads the index and the hits, never scanning', async () => {
    // Prepare
    const coordinator = await as(['coordinator']);
    sent.length = 0;
    counting = true;

    // Act
    const found = await coordinator.get(q({ q: 'Évora bakery' }));
    counting = false;

    // Assess
    expect(ids(found)).toEqual([portuguese.tipId]);
    expect(sent).not.toContain('ScanCommand');
    expect(sent.filter((name) => name === 'QueryCommand')).toHaveLength(2);
  });

  it('forgets an expired tip', async () => {
    // Prepare
    const tip = await classified('obj-wallpaper', 'Wallpaper like this is in a hostel in Tromsø, Norway.');
    const no = await as(['NO']);
    const review = await no.patch(`/investigator/tips/${tip.tipId}`, { status: 'in_review' }, tip.version);
    const dismissed = await no.patch(`/investigator/tips/${tip.tipId}`, { status: 'dismissed' }, review.body.version);
    expect(ids(await no.get(q({ q: 'tromso hostel' })))).toEqual([tip.tipId]);

    // Act
    await sweepExpired(dismissed.body.expiresAt + 1);
    sent.length = 0;
    counting = true;
    await no.get(q({ q: 'tromso' }));
    counting = false;

    // Assess
    expect(ids(await no.get(q({ q: 'tromso hostel' })))).toEqual([]);
  });
});

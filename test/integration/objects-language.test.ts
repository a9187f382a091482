import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { apiClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

/** GET /objects answers each object in the best language the caller asks for, English otherwise. */
type Json = Record<string, any>;

describe('GET /objects language negotiation', () => {
  let stack: LocalStack;
  let api: ReturnType<typeof apiClient>;

  beforeAll(async () => {
    stack = await startTestStack({});
    api = apiClient(stack.url);
    const { createObject } = await import('#shared/store/objects.ts');
    // Prepare: an object with Polish and Brazilian Portuguese only.
    await createObject({
      objectId: 'obj-mug',
      title: 'Mug',
      description: 'A white mug.',
      imageUrl: '/media/demo/obj-bag.svg',
      status: 'published',
      createdAt: '2026-01-01T00:00:00Z',
      translations: { pl: { title: 'Kubek', description: 'Biały kubek.' }, 'pt-BR': { title: 'Caneca', description: 'Uma caneca branca.' } },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const mug = (body: Json): Json => body.items.find((item: Json) => item.objectId === 'obj-mug');
  const withHeader = (path: string, acceptLanguage: string) => api.call<Json>('GET', path, { headers: { 'accept-language': acceptLanguage } });

  it('answers English, marked as such, when nothing is asked', async () => {
    const response = await api.get<Json>('/objects');
    expect(response.status).toBe(200);
    expect(response.body.lang).toBe('en');
    expect(mug(response.body)).toMatchObject({ title: 'Mug', description: 'A white mug.', lang: 'en' });
  });

  it('takes Accept-Language by q-value and primary subtag', async () => {
    const response = await withHeader('/objects', 'de;q=0.9, pl-PL;q=0.95, en;q=0.1');
    expect(response.body.lang).toBe('pl');
    expect(mug(response.body)).toMatchObject({ title: 'Kubek', description: 'Biały kubek.', lang: 'pl' });
    expect(response.headers.get('vary')).toMatch(/accept-language/i);
  });

  it('lets ?lang= win over Accept-Language and matches a regional text from the bare language', async () => {
    const response = await withHeader('/objects?lang=pt', 'pl');
    expect(mug(response.body)).toMatchObject({ title: 'Caneca', lang: 'pt-BR' });
  });

  it('falls back to English per object for a language it lacks, and still names the best language of the answer', async () => {
    const response = await api.get<Json>('/objects?lang=de');
    expect(mug(response.body)).toMatchObject({ title: 'Mug', lang: 'en' });
    // The seeded objects carry every interface language.
    const towel = response.body.items.find((item: Json) => item.objectId === 'obj-towel');
    expect(towel.lang).toBe('de');
    expect(towel.title).not.toBe('Striped beach towel');
    expect(response.body.lang).toBe('de');
  });

  it('ignores a malformed Accept-Language and refuses a malformed ?lang= with a 400 naming the field', async () => {
    const broken = await withHeader('/objects', ';;;q=abc, 12345, *');
    expect(broken.status).toBe(200);
    expect(broken.body.lang).toBe('en');
    const bad = await api.get<Json>('/objects?lang=%3Cscript%3E');
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual([expect.objectContaining({ path: 'lang' })]);
  });
});

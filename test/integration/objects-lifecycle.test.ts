import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { apiClient, investigatorClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

/**
 * Objects managed from the console (issue 16): the lifecycle draft -> published -> retired |
 * identified as shared/objects/lifecycle.ts allows it, the picture (re-)uploaded through a presigned
 * POST, and title and description per language, served by GET /objects with English as fallback.
 * Only coordinators change objects.
 */
type Json = Record<string, any>;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('objects from the console', () => {
  let stack: LocalStack;
  let api: ReturnType<typeof apiClient>;
  let coordinator: Awaited<ReturnType<typeof investigatorClient>>;
  let nl: Awaited<ReturnType<typeof investigatorClient>>;

  const send = (client: typeof coordinator, method: string, path: string, body: unknown) =>
    client.call<Json>(method, path, { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const listed = async (lang?: string): Promise<Json[]> => (await api.get<Json>(`/objects${lang === undefined ? '' : `?lang=${lang}`}`)).body.items;
  const draft = async (objectId: string): Promise<Json> => {
    const created = await send(coordinator, 'POST', '/investigator/objects', { objectId, title: 'Brass lamp', description: 'A lamp with a green shade.' });
    expect(created.status).toBe(201);
    return created.body;
  };

  beforeAll(async () => {
    stack = await startTestStack({});
    api = apiClient(stack.url);
    coordinator = await investigatorClient(api, stack.keys, ['coordinator']);
    nl = await investigatorClient(api, stack.keys, ['NL']);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('walks draft -> published -> retired -> published -> identified, each step visible to the public', async () => {
    // Prepare
    await draft('obj-lamp');
    const seen: (Json | undefined)[] = [];
    const step = async (status: string): Promise<number> => {
      const response = await send(coordinator, 'PATCH', '/investigator/objects/obj-lamp', { status });
      seen.push((await listed()).find((item) => item.objectId === 'obj-lamp'));
      return response.status;
    };

    // Act
    const statuses = [await step('published'), await step('retired'), await step('published'), await step('identified')];

    // Assess
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(seen.map((item) => (item === undefined ? 'hidden' : item.identified ? 'solved' : 'listed'))).toEqual(['listed', 'hidden', 'listed', 'solved']);
  });

  it('refuses a step outside the lifecycle with 409 listing the allowed ones, and takes a repeat of the current status as no change', async () => {
    // Prepare
    await draft('obj-kettle');

    // Act
    const skip = await send(coordinator, 'PATCH', '/investigator/objects/obj-kettle', { status: 'identified' });
    const same = await send(coordinator, 'PATCH', '/investigator/objects/obj-kettle', { status: 'draft' });
    await send(coordinator, 'PATCH', '/investigator/objects/obj-kettle', { status: 'published' });
    const back = await send(coordinator, 'PATCH', '/investigator/objects/obj-kettle', { status: 'draft' });

    // Assess
    expect(skip.status).toBe(409);
    expect(skip.body.allowed).toEqual(['published', 'retired']);
    expect(same.status).toBe(200);
    expect(same.body.status).toBe('draft');
    expect(back.status).toBe(409);
    expect(back.body.allowed).toEqual(['retired', 'identified']);
  });

  it('keeps title and description per language, served by GET /objects with English as fallback', async () => {
    // Prepare
    await draft('obj-clock');
    await send(coordinator, 'PATCH', '/investigator/objects/obj-clock', { status: 'published' });

    // Act
    const polish = await send(coordinator, 'PATCH', '/investigator/objects/obj-clock', { lang: 'pl', title: 'Mosiężna lampa', description: 'Lampa z zielonym kloszem.' });
    const brazil = await send(coordinator, 'PATCH', '/investigator/objects/obj-clock', { lang: 'PT-br', title: 'Luminária de latão' });
    const english = await send(coordinator, 'PATCH', '/investigator/objects/obj-clock', { lang: 'en', title: 'Brass table lamp' });
    const inPolish = (await listed('pl')).find((item) => item.objectId === 'obj-clock');
    const inGerman = (await listed('de')).find((item) => item.objectId === 'obj-clock');
    const inPortuguese = (await listed('pt')).find((item) => item.objectId === 'obj-clock');

    // Assess
    expect([polish.status, brazil.status, english.status]).toEqual([200, 200, 200]);
    expect(english.body.translations).toEqual({
      pl: { title: 'Mosiężna lampa', description: 'Lampa z zielonym kloszem.' },
      'pt-BR': { title: 'Luminária de latão', description: '' },
    });
    expect(inPolish).toMatchObject({ title: 'Mosiężna lampa', description: 'Lampa z zielonym kloszem.', lang: 'pl' });
    expect(inGerman).toMatchObject({ title: 'Brass table lamp', description: 'A lamp with a green shade.', lang: 'en' });
    expect(inPortuguese).toMatchObject({ title: 'Luminária de latão', lang: 'pt-BR' });
  });

  it('issues a new picture upload pinned to one raster type and serves the uploaded picture', async () => {
    // Prepare
    const { object } = await draft('obj-vase');

    // Act
    const grant = await send(coordinator, 'POST', '/investigator/objects/obj-vase/image', { contentType: 'image/png' });
    const form = new FormData();
    for (const [name, value] of Object.entries(grant.body.upload.fields as Record<string, string>)) form.append(name, value);
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'vase.png');
    const uploaded = await fetch(grant.body.upload.url as string, { method: 'POST', body: form });
    const served = await fetch(`${stack.url}${String(object.imageUrl)}`);

    // Assess
    expect(grant.status).toBe(201);
    expect(grant.body.upload.contentType).toBe('image/png');
    expect(uploaded.status).toBeLessThan(300);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('answers 403 to a country investigator on every object change', async () => {
    // Prepare
    await draft('obj-rug');

    // Act
    const statuses = [
      (await send(nl, 'POST', '/investigator/objects', { title: 'Rug' })).status,
      (await send(nl, 'PATCH', '/investigator/objects/obj-rug', { status: 'published' })).status,
      (await send(nl, 'PATCH', '/investigator/objects/obj-rug', { lang: 'nl', title: 'Tapijt' })).status,
      (await send(nl, 'POST', '/investigator/objects/obj-rug/image', { contentType: 'image/png' })).status,
    ];

    // Assess
    expect(statuses).toEqual([403, 403, 403, 403]);
    expect((await coordinator.get<Json>('/investigator/objects')).body.items.find((item: Json) => item.objectId === 'obj-rug')).toMatchObject({ status: 'draft' });
  });

  it.each([
    { what: 'a translation without a title', path: '/investigator/objects/obj-towel', method: 'PATCH', body: { lang: 'pl', description: 'Ręcznik' }, field: 'title' },
    { what: 'a malformed language', path: '/investigator/objects/obj-towel', method: 'PATCH', body: { lang: '<b>', title: 'X' }, field: 'lang' },
    { what: 'an empty title', path: '/investigator/objects/obj-towel', method: 'PATCH', body: { title: '   ' }, field: 'title' },
    { what: 'an unknown status', path: '/investigator/objects/obj-towel', method: 'PATCH', body: { status: 'deleted' }, field: 'status' },
    { what: 'an SVG picture', path: '/investigator/objects/obj-towel/image', method: 'POST', body: { contentType: 'image/svg+xml' }, field: 'contentType' },
    { what: 'a picture without a type', path: '/investigator/objects/obj-towel/image', method: 'POST', body: {}, field: 'contentType' },
  ])('answers 400 naming the field for $what', async ({ path, method, body, field }) => {
    // Act
    const response = await send(coordinator, method, path, body);

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.issues.map((issue: Json) => issue.path)).toContain(field);
  });

  it('answers 404 for a picture of an unknown object', async () => {
    expect((await send(coordinator, 'POST', '/investigator/objects/obj-none/image', { contentType: 'image/jpeg' })).status).toBe(404);
  });
});

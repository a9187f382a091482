import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeTime } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { apiClient, eventually, tokenFor } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

/** The millisecond time a ULID-shaped id would carry, or NaN when it decodes to none. */
function ulidTime(id: string): number {
  try {
    return decodeTime(id);
  } catch {
    return Number.NaN;
  }
}

interface QueuePage {
  items: { tipId: string; objectId: string; text: string; country: string; confidence: number; status: string; submittedAt: string; duplicates: number }[];
  nextCursor: string | null;
}

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack({});
  api = apiClient(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

async function waitInQueue(queue: string, tipId: string, token: string): Promise<QueuePage['items'][number]> {
  return eventually(async () => {
    const page = await api.get<QueuePage>(`/investigator/queues/${queue}?limit=100`, token);
    return page.body.items?.find((item) => item.tipId === tipId);
  });
}

describe('a tip travels from POST /tips to the investigator queue', () => {
  it('routes "I think this towel is from Portugal" to the PT queue', async () => {
    // Prepare
    const token = await tokenFor(stack.keys, ['PT']);

    // Act
    const accepted = await api.postTip({ objectId: 'obj-towel', text: 'I think this towel is from Portugal' });

    // Assess
    expect(accepted.status).toBe(202);
    expect(accepted.body.tipId).toMatch(/^[0-9A-Z]{26}$/);
    expect(accepted.body.receipt).toMatch(/^TL-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const dayMs = 86_400_000;
    expect(Math.abs(ulidTime(String(accepted.body.tipId)) - Date.now()) < dayMs, 'the tip id must not encode when it was sent').toBe(false);
    const item = await waitInQueue('PT', String(accepted.body.tipId), token);
    expect(item).toMatchObject({ objectId: 'obj-towel', text: 'I think this towel is from Portugal', country: 'PT', status: 'new' });
    expect(item.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('accepts form-encoded tips', async () => {
    // Prepare
    const body = new URLSearchParams({ objectId: 'obj-bag', text: 'This bag is from a supermarket in Poland' }).toString();

    // Act
    const accepted = await api.call<Record<string, string>>('POST', '/tips', {
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    // Assess
    expect(accepted.status).toBe(202);
    const item = await waitInQueue('PL', accepted.body.tipId!, await tokenFor(stack.keys, ['PL']));
    expect(item.objectId).toBe('obj-bag');
  });

  it('puts a tip that says nothing about place in the unrouted queue', async () => {
    // Prepare
    const coordinator = await tokenFor(stack.keys, ['coordinator']);

    // Act
    const accepted = await api.postTip({ objectId: 'obj-wallpaper', text: 'My aunt had exactly this pattern in her hallway.' });

    // Assess
    expect(accepted.status).toBe(202);
    const item = await waitInQueue('unrouted', String(accepted.body.tipId), coordinator);
    expect(item.country).toBe('unrouted');
    // The classifier's reason travels with the tip, for the console to show.
    const detail = await api.get<{ abstainReason?: string | null }>(`/investigator/tips/${String(accepted.body.tipId)}`, coordinator);
    expect(detail.body.abstainReason).toBe('no-place-evidence');
  });

  it('keeps an exact resubmission out of the queue and counts it on the first tip', async () => {
    // Prepare
    const token = await tokenFor(stack.keys, ['IE']);
    const first = await api.postTip({ objectId: 'obj-towel', text: 'Seen this towel in a hotel in Ireland.' });
    await waitInQueue('IE', String(first.body.tipId), token);

    // Act
    const again = await api.postTip({ objectId: 'obj-towel', text: '  seen THIS towel in a hotel in Ireland.  ' });

    // Assess
    expect(again.status).toBe(202);
    const head = await eventually(async () => {
      const page = await api.get<QueuePage>('/investigator/queues/IE?limit=100', token);
      const found = page.body.items.find((item) => item.tipId === first.body.tipId);
      return found !== undefined && found.duplicates === 1 ? found : undefined;
    });
    expect(head.duplicates).toBe(1);
    const page = await api.get<QueuePage>('/investigator/queues/IE?limit=100', token);
    expect(page.body.items.some((item) => item.tipId === again.body.tipId)).toBe(false);
  });

  it('returns the first response for a retried Idempotency-Key and creates nothing new', async () => {
    // Prepare
    const tip = { objectId: 'obj-towel', text: 'The towel is sold in Denmark, I am sure.' };
    const headers = { 'idempotency-key': 'retry-test-0001' };

    // Act
    const first = await api.postTip(tip, headers);
    const second = await api.postTip(tip, headers);

    // Assess
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    const token = await tokenFor(stack.keys, ['DK']);
    await waitInQueue('DK', String(first.body.tipId), token);
    const page = await api.get<QueuePage>('/investigator/queues/DK?limit=100', token);
    expect(page.body.items.filter((item) => item.text === tip.text)).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused for a different tip with 409', async () => {
    // Act
    await api.postTip({ objectId: 'obj-towel', text: 'first text' }, { 'idempotency-key': 'reuse-test-0001' });
    const reused = await api.postTip({ objectId: 'obj-towel', text: 'another text' }, { 'idempotency-key': 'reuse-test-0001' });

    // Assess
    expect(reused.status).toBe(409);
  });

  it('pages through a queue with an opaque cursor', async () => {
    // Prepare
    const token = await tokenFor(stack.keys, ['AT']);
    const ids: string[] = [];
    for (const city of ['Vienna', 'Graz', 'Linz']) {
      const accepted = await api.postTip({ objectId: 'obj-wallpaper', text: `I saw this wallpaper in a flat in ${city}, Austria.` });
      ids.push(String(accepted.body.tipId));
    }
    for (const id of ids) await waitInQueue('AT', id, token);

    // Act
    const first = await api.get<QueuePage>('/investigator/queues/AT?limit=2', token);
    const second = await api.get<QueuePage>(`/investigator/queues/AT?limit=2&cursor=${first.body.nextCursor}`, token);

    // Assess: newest first by submission second; tips of the same second come in no particular order (ids are random)
    const items = [...first.body.items, ...second.body.items];
    expect(first.body.items).toHaveLength(2);
    expect(items.map((item) => item.tipId).sort()).toEqual([...ids].sort());
    const times = items.map((item) => item.submittedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(second.body.nextCursor).toBeNull();
  });
});

describe('POST /tips rejects bad input with a 4xx naming the field', () => {
  it('answers 400 with the field for an empty text', async () => {
    // Act
    const response = await api.postTip({ objectId: 'obj-towel', text: '   ' });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([expect.objectContaining({ path: 'text' })]);
  });

  it('answers 400 naming text when it is too long', async () => {
    // Act
    const response = await api.postTip({ objectId: 'obj-towel', text: 'x'.repeat(5001) });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([expect.objectContaining({ path: 'text' })]);
  });

  it('answers 400 for malformed JSON', async () => {
    // Act
    const response = await api.call<Record<string, unknown>>('POST', '/tips', { body: '{"objectId":', headers: { 'content-type': 'application/json' } });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/JSON/);
  });

  it('answers 404 for an unknown object', async () => {
    // Act
    const response = await api.postTip({ objectId: 'obj-nope', text: 'From Spain' });

    // Assess
    expect(response.status).toBe(404);
  });

  it('answers 413 for a body over 64 KB', async () => {
    // Act
    const response = await api.postTip({ objectId: 'obj-towel', text: 'a'.repeat(70_000) });

    // Assess
    expect(response.status).toBe(413);
  });

  it('answers 415 for an unsupported content type', async () => {
    // Act
    const response = await api.call('POST', '/tips', { body: 'hello', headers: { 'content-type': 'text/plain' } });

    // Assess
    expect(response.status).toBe(415);
  });
});

describe('GET /objects', () => {
  it('lists the seeded demo objects', async () => {
    // Act
    const response = await api.get<{ items: { objectId: string; title: string; imageUrl: string }[] }>('/objects');

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.items.map((item) => item.objectId)).toEqual(['obj-bag', 'obj-towel', 'obj-wallpaper']);
  });
});

describe('investigator queue authorisation', () => {
  it('answers 401 without a token', async () => {
    expect((await api.get('/investigator/queues/PT')).status).toBe(401);
  });

  it('answers 401 for an expired token', async () => {
    const token = await tokenFor(stack.keys, ['PT'], -60);
    expect((await api.get('/investigator/queues/PT', token)).status).toBe(401);
  });

  it('answers 401 for a token signed by another key', async () => {
    // Prepare
    const { loadOrCreateKeys } = await import('#local/jwt.ts');
    const otherKeys = await loadOrCreateKeys(mkdtempSync(join(tmpdir(), 'tipline-otherkey-')));
    const forged = await tokenFor(otherKeys, ['PT']);

    // Act + Assess
    expect((await api.get('/investigator/queues/PT', forged)).status).toBe(401);
  });

  it('answers 403 for another country', async () => {
    const token = await tokenFor(stack.keys, ['BE']);
    expect((await api.get('/investigator/queues/PT', token)).status).toBe(403);
  });

  it('lets a coordinator read any country and unrouted', async () => {
    const token = await tokenFor(stack.keys, ['coordinator']);
    expect((await api.get('/investigator/queues/PT', token)).status).toBe(200);
    expect((await api.get('/investigator/queues/unrouted', token)).status).toBe(200);
  });

  it('answers 400 for a malformed country or cursor', async () => {
    const token = await tokenFor(stack.keys, ['coordinator']);
    expect((await api.get('/investigator/queues/portugal', token)).status).toBe(400);
    expect((await api.get('/investigator/queues/PT?cursor=bm9wZQ', token)).status).toBe(400);
  });
});

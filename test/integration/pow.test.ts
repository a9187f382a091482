/**
 * The optional proof-of-work on POST /tips, switched on by configuration
 * (POW_DIFFICULTY, POW_SECRET) before the handlers load, and the honeypot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { POW_HEADER, powHeaderValue, solve } from '#shared/pow.ts';
import { apiClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
const saved = { difficulty: process.env.POW_DIFFICULTY, secret: process.env.POW_SECRET };

beforeAll(async () => {
  process.env.POW_DIFFICULTY = '8';
  process.env.POW_SECRET = 'integration-test-secret';
  stack = await startTestStack({ startPollers: false, rateLimitPerMinute: 0 });
  api = apiClient(stack.url);
});

afterAll(async () => {
  await stack?.stop();
  for (const [name, value] of [['POW_DIFFICULTY', saved.difficulty], ['POW_SECRET', saved.secret]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function solvedHeader(): Promise<string> {
  const challenge = await api.get<{ challenge: string; difficulty: number; expiresAt: number }>('/tips/challenge');
  expect(challenge.status).toBe(200);
  return powHeaderValue(challenge.body.challenge, await solve(challenge.body.challenge, challenge.body.difficulty));
}

describe('proof of work on POST /tips', () => {
  it('hands out a signed, expiring challenge of the configured difficulty', async () => {
    // Act
    const response = await api.get<{ challenge: string; difficulty: number; expiresAt: number }>('/tips/challenge');

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.difficulty).toBe(8);
    expect(response.body.challenge.split('.')).toHaveLength(4);
    expect(response.body.expiresAt).toBeGreaterThan(Date.now() / 1000);
  });

  it('accepts a tip with a solved challenge, once', async () => {
    // Prepare
    const header = await solvedHeader();
    const tip = { objectId: 'obj-towel', text: 'Seen in a shop in Tallinn, Estonia.' };

    // Act
    const first = await api.postTip(tip, { [POW_HEADER]: header });
    const replay = await api.postTip(tip, { [POW_HEADER]: header });

    // Assess
    expect(first.status).toBe(202);
    expect(replay.status).toBe(409);
    expect(JSON.stringify(replay.body)).toContain(POW_HEADER);
  });

  it('refuses a missing, malformed, forged or unsolved proof with a 4xx naming the header', async () => {
    // Prepare
    const tip = { objectId: 'obj-towel', text: 'Seen in Riga.' };
    const challenge = (await api.get<{ challenge: string }>('/tips/challenge')).body.challenge;
    let unsolved = 0;
    // A nonce that does NOT meet 8 bits (most do not).
    const { leadingZeroBits } = await import('#shared/pow.ts');
    const digest = async (nonce: number) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${challenge}:${nonce.toString(36)}`)));
    while (leadingZeroBits(await digest(unsolved)) >= 8) unsolved += 1;
    const forged = challenge.replace(/\.[^.]+$/, '.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');

    // Act
    const responses = [
      await api.postTip(tip),
      await api.postTip(tip, { [POW_HEADER]: 'nonsense' }),
      await api.postTip(tip, { [POW_HEADER]: powHeaderValue(forged, '0') }),
      await api.postTip(tip, { [POW_HEADER]: powHeaderValue(challenge, unsolved.toString(36)) }),
    ];

    // Assess
    for (const response of responses) {
      expect(response.status).toBe(400);
      expect((response.body.issues as { path: string }[])[0]?.path).toBe(POW_HEADER);
    }
  });
});

describe('honeypot field', () => {
  it('answers a filled-in `website` with an ordinary 202 and stores nothing', async () => {
    // Prepare
    const { getTip } = await import('#shared/store/tips.ts');
    const form = new URLSearchParams({ objectId: 'obj-bag', text: 'cheap watches', website: 'http://spam.example' }).toString();

    // Act
    const response = await api.call<{ tipId: string; receipt: string }>('POST', '/tips', {
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded', [POW_HEADER]: await solvedHeader() },
    });

    // Assess
    expect(response.status).toBe(202);
    expect(response.body.tipId).toMatch(/^[0-9A-Z]{26}$/);
    expect(response.body.receipt).toMatch(/^TL-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(await getTip(response.body.tipId)).toBeUndefined();
  });

  it('stores a tip whose hidden `website` field is empty, as the real form sends it', async () => {
    // Prepare
    const { getTip } = await import('#shared/store/tips.ts');
    const form = new URLSearchParams({ objectId: 'obj-bag', text: 'From a Lidl in Vilnius', website: '' }).toString();

    // Act
    const response = await api.call<{ tipId: string }>('POST', '/tips', {
      body: form,
      headers: { 'content-type': 'application/x-www-form-urlencoded', [POW_HEADER]: await solvedHeader() },
    });

    // Assess
    expect(response.status).toBe(202);
    expect((await getTip(response.body.tipId))?.text).toBe('From a Lidl in Vilnius');
  });
});

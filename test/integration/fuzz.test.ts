/**
 * Hostile input against POST /tips through the local HTTP adapter (the same
 * handler module Lambda runs): random JSON, wrong types, huge strings, deep
 * nesting, prototype keys, invalid UTF-8, NUL and bidi controls, emoji
 * floods, form-encoded edge cases, odd content types and missing bodies.
 *
 * Every answer must be a 2xx or 4xx (never a 5xx, never a dropped
 * connection), the server must stay up, and an accepted tip's stored evidence
 * copy (read back from DynamoDB) must equal the text that was sent, trimmed:
 * byte for byte when the request was valid UTF-8.
 *
 * Runs are bounded for `npm test` (FUZZ_RUNS, default 100 per property);
 * `node scripts/fuzz-long.ts` runs the same properties many more times.
 */
import { request as httpRequest, Agent } from 'node:http';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { startTestStack } from '../support/stack.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const params = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };

let stack: LocalStack;
let url: URL;
let getTip: (tipId: string) => Promise<Record<string, unknown> | undefined>;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const statuses = new Map<number, number>();

beforeAll(async () => {
  // No pollers: only intake is under test; the rate limit would (rightly) stop a fuzzer.
  stack = await startTestStack({ startPollers: false, rateLimitPerMinute: 0 });
  url = new URL(stack.url);
  ({ getTip } = await import('#shared/store/tips.ts'));
});

afterAll(async () => {
  agent.destroy();
  await stack?.stop();
});

interface RawResponse {
  readonly status: number;
  readonly text: string;
}

/** One request with exact bytes and headers (fetch would normalise both). */
function send(body: Buffer | undefined, headers: Record<string, string>, method = 'POST', path = '/tips'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        agent,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-length': String(body.length) }) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          resolve({ status, text: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const OBJECT_IDS = ['obj-towel', 'obj-bag', 'obj-wallpaper'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];

/** Text a tipster (or an attacker) might send. */
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom('\u0000', '\u202E', '\u202D', '\u2066', '\u2069', '\u200F', '\u200B', '\uFEFF', 'a', 'ب', 'א', '\n', '\t', ' ', '\r', '\u00A0'), {
    minLength: 1,
    maxLength: 400,
  }).map((parts) => parts.join('')),
  // Unpaired surrogates survive JSON escaping (\ud800) but are not Unicode text.
  fc.tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\uD800', '\uDFFF', '\uDBFF\u0041'), fc.string({ maxLength: 20 })).map((parts) => parts.join('')),
  // Emoji floods on both sides of the 5,000-character limit.
  fc.tuple(fc.integer({ min: 1, max: 6_000 }), fc.constantFrom('😀', '👩‍👩‍👧', '🏳️‍🌈', '🇵🇹')).map(([count, emoji]) => emoji.repeat(count)),
  // Huge strings: around the character limit and past the 64 KB body limit.
  fc.tuple(fc.integer({ min: 4_990, max: 70_000 }), fc.constantFrom('x', 'é', ' ', '中')).map(([count, char]) => char.repeat(count)),
  fc.constantFrom('', ' ', '\u200B\u200B', '\u00AD', 'I think this towel is from Portugal', '  trailing and leading  '),
);

/** Wrong types in every field. */
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 40 }));

function expectAnswered(response: RawResponse): void {
  expect(response.status, response.text.slice(0, 300)).toBeGreaterThanOrEqual(200);
  expect(response.status, response.text.slice(0, 300)).toBeLessThan(500);
}

/** The stored evidence copy of an accepted tip equals `expected` (already trimmed), byte for byte. */
async function expectStored(response: RawResponse, expected: string | undefined, honeypot: boolean): Promise<void> {
  if (response.status !== 202) return;
  const { tipId } = JSON.parse(response.text) as { tipId: string };
  const item = await getTip(tipId);
  if (honeypot) {
    expect(item).toBeUndefined();
    return;
  }
  expect(typeof item?.text).toBe('string');
  expect(Buffer.from(String(item!.text), 'utf8').equals(Buffer.from(expected ?? '', 'utf8'))).toBe(true);
  expect(item!.text).toBe(expected);
}

const isHoneypot = (website: unknown): boolean => typeof website === 'string' && website.trim() !== '';
/** What the server should keep of a text: trimmed, and unpaired surrogates (not encodable in UTF-8) replaced by U+FFFD. */
const kept = (text: string): string => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD').trim();

describe('POST /tips under hostile input never fails with a 5xx', () => {
  it('answers random JSON documents with a 2xx or 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        // Prepare
        const body = Buffer.from(JSON.stringify(value) ?? 'null', 'utf8');

        // Act
        const response = await send(body, { 'content-type': 'application/json' });

        // Assess
        expectAnswered(response);
        expect(response.status).not.toBe(202);
      }),
      params,
    );
  });

  it('stores exactly the trimmed text of tip-shaped JSON with wrong types, prototype keys and hostile text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            objectId: fc.oneof(fc.constantFrom(...OBJECT_IDS), fc.constantFrom(...OBJECT_IDS), anyValue, fc.constant('obj-unknown'), fc.string({ maxLength: 80 })),
            text: fc.oneof(hostileText, hostileText, hostileText, anyValue),
            language: fc.oneof(fc.constantFrom('en', 'pt-BR', 'nl', 'zzz', 'x', 'en--', ''), anyValue),
            website: fc.oneof(fc.constant(''), fc.string({ maxLength: 30 }), fc.constant('https://spam.example'), anyValue),
          },
          { requiredKeys: [] },
        ),
        fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 10 })), anyValue), { maxLength: 4 }),
        async (fields, extras) => {
          // Prepare: a null-prototype object so `__proto__` is serialised as an ordinary key
          const tip = Object.create(null) as Record<string, unknown>;
          for (const [key, value] of extras) tip[key] = value;
          Object.assign(tip, fields);
          const body = Buffer.from(JSON.stringify(tip), 'utf8');

          // Act
          const response = await send(body, { 'content-type': 'application/json' });

          // Assess
          expectAnswered(response);
          if (response.status === 202) {
            expect(typeof fields.text).toBe('string');
            await expectStored(response, kept(String(fields.text)), isHoneypot(fields.website));
          }
        },
      ),
      params,
    );
  });

  it('survives deeply nested JSON in the body and in the text field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40_000 }), fc.constantFrom('array', 'object', 'in-text'), async (depth, shape) => {
        // Prepare
        const nested = shape === 'object' ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`;
        const json = shape === 'in-text' ? `{"objectId":"obj-towel","text":${nested}}` : nested;

        // Act
        const response = await send(Buffer.from(json, 'utf8'), { 'content-type': 'application/json' });

        // Assess
        expectAnswered(response);
        expect(response.status).not.toBe(202);
      }),
      { ...params, numRuns: Math.max(5, Math.floor(RUNS / 4)) },
    );
  });

  it('keeps raw bytes inside a JSON text, replacing only invalid UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 300 }), async (raw) => {
        // Prepare: arbitrary bytes inside the text string (quotes, backslashes and controls may break the JSON: then a 400)
        const body = Buffer.concat([Buffer.from('{"objectId":"obj-bag","text":"x', 'utf8'), Buffer.from(raw), Buffer.from('"}', 'utf8')]);

        // Act
        const response = await send(body, { 'content-type': 'application/json; charset=utf-8' });

        // Assess
        expectAnswered(response);
        if (response.status === 202) {
          // The adapter decodes as UTF-8, as API Gateway does: invalid sequences become U+FFFD, valid ones stay byte for byte.
          const sent = (JSON.parse(body.toString('utf8')) as { text: string }).text;
          await expectStored(response, kept(sent), false);
        }
      }),
      params,
    );
  });

  it('answers arbitrary bytes under any content type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uint8Array({ maxLength: 2_000 }), fc.string({ unit: 'binary', maxLength: 500 }).map((text) => new TextEncoder().encode(text))),
        fc.oneof(
          fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/octet-stream'),
          fc.string({ unit: 'binary-ascii', maxLength: 40 }).filter((value) => /^[\x20-\x7e]*$/.test(value)),
        ),
        async (bytes, contentType) => {
          // Act
          const response = await send(Buffer.from(bytes), { 'content-type': contentType });

          // Assess
          expectAnswered(response);
        },
      ),
      params,
    );
  });

  it('stores the first text field of form-encoded bodies with odd encodings', async () => {
    const formPart = fc.oneof(
      fc.tuple(fc.constantFrom('objectId', 'text', 'language', 'website', '__proto__', 'constructor', 'text[]', 'TEXT', ''), fc.string({ unit: 'grapheme', maxLength: 60 })).map(
        ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`,
      ),
      fc.constantFrom('objectId=obj-towel', 'objectId=obj-wallpaper', 'text=seen+in+Lisbon', 'text=%E0%A4%A', 'text=%ZZ%', 'text=%00%00abc', 'text=%E2%80%AE%E2%80%AEevil', 'text', '=', '&&', 'website=', 'website=http%3A%2F%2Fx'),
      fc.string({ unit: 'binary-ascii', maxLength: 30 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(formPart, { maxLength: 8 }), fc.boolean(), async (parts, withObject) => {
        // Prepare
        const text = [...(withObject ? ['objectId=obj-towel'] : []), ...parts].join('&');
        const form = new URLSearchParams(text);

        // Act
        const response = await send(Buffer.from(text, 'utf8'), { 'content-type': 'application/x-www-form-urlencoded' });

        // Assess
        expectAnswered(response);
        if (response.status === 202) await expectStored(response, kept(form.get('text') ?? ''), isHoneypot(form.get('website') ?? undefined));
      }),
      params,
    );
  });

  it('answers odd content types and missing bodies without a 5xx', async () => {
    const validJson = JSON.stringify({ objectId: 'obj-towel', text: 'Bought in Gent, Belgium' });
    await fc.assert(
      fc.asyncProperty(
        fc.option(
          fc.constantFrom('application/json', 'APPLICATION/JSON', 'application/json; charset=latin1', 'application/vnd.api+json', 'application/json;;;', 'text/json', 'application/x-www-form-urlencoded; charset=utf-8', ' application/json ', 'application/', ';', 'multipart/form-data'),
          { nil: undefined },
        ),
        fc.constantFrom<'none' | 'empty' | 'json' | 'form' | 'spaces'>('none', 'empty', 'json', 'form', 'spaces'),
        async (contentType, bodyKind) => {
          // Prepare
          const body = { none: undefined, empty: Buffer.alloc(0), json: Buffer.from(validJson), form: Buffer.from('objectId=obj-bag&text=Seen+in+Riga'), spaces: Buffer.from('   ') }[bodyKind];

          // Act
          const response = await send(body, contentType === undefined ? {} : { 'content-type': contentType });

          // Assess
          expectAnswered(response);
          if (body === undefined || body.length === 0 || bodyKind === 'spaces') expect(response.status).not.toBe(202);
        },
      ),
      params,
    );
  });
});

describe('characters that once broke intake', () => {
  it.each([
    ['emoji (astral, refused raw by the SQS emulator)', '😀 towel from Porto 👩‍👩‍👧'],
    ['NUL and C0 controls', 'a\u0000b\u0007c\u000Bd'],
    ['noncharacters SQS refuses raw', 'towel \uFFFE\uFFFF from Gent'],
    ['right-to-left override', 'from \u202Eeniarku\u202C Kyiv'],
    ['unpaired surrogate (stored as U+FFFD)', 'x\uD800y'],
  ])('accepts %s and stores exactly the trimmed text', async (_name, text) => {
    // Prepare
    const body = Buffer.from(JSON.stringify({ objectId: 'obj-towel', text: ` ${text} ` }), 'utf8');

    // Act
    const response = await send(body, { 'content-type': 'application/json' });

    // Assess
    expect(response.status, response.text).toBe(202);
    await expectStored(response, kept(text), false);
  });
});

describe('the local server stays up', () => {
  it('answers /health after the fuzzing and never answered a 5xx', async () => {
    // Act
    const health = await send(undefined, {}, 'GET', '/health');

    // Assess
    expect(health.status).toBe(200);
    expect(statuses.get(202) ?? 0).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
  });
});

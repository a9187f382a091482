/**
 * Security properties of the local stack (the same handlers and an
 * authorizer with the Cognito authorizer's checks):
 *  - every investigator route refuses a missing, expired or foreign-signed
 *    token (401) and a principal without the right group (403), derived from
 *    `routes` so a new route cannot slip through untested;
 *  - a BE investigator cannot see an NL tip through any route;
 *  - the evidence bucket answers anonymous reads with a denial (if fauxqs
 *    enforces it; see the note on that test);
 *  - no IP address or user agent appears in any log line of a whole stack
 *    run (a child `node local/start.ts` at DEBUG level);
 *  - the per-source rate limit answers 429 with Retry-After.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyHandler } from '#local/handlers.ts';
import { RateLimiter, rateLimitFromEnv, startHttpAdapter } from '#local/http-adapter.ts';
import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { LOCAL_CLIENT_ID, LOCAL_ISSUER, loadOrCreateKeys, mintToken } from '#local/jwt.ts';
import { localBucketName } from '#local/names.ts';
import type { LocalStack } from '#local/stack.ts';
import { createLogger } from '#shared/logger.ts';
import { routes, type FunctionKey, type RouteDef } from '#shared/resources.ts';
import { startChildStack, type ChildStack } from '../support/child-stack.ts';
import { apiClient, eventually } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

type Json = Record<string, any>;

let stack: LocalStack;
let otherKeysDir: string;
let api: ReturnType<typeof apiClient>;
let nlTip: string;
/** The NL tip's receipt: a BE investigator's lookup of it must find nothing. */
let nlReceipt: string;
let nlDuplicate: string;
const NL_TEXT = 'Ik heb deze handdoek gekocht bij de HEMA in Utrecht, Nederland.';

async function waitClassified(tipId: string, queue: string | null): Promise<Json> {
  const coordinator = await mintToken(stack.keys, { groups: ['coordinator'] });
  return eventually(async () => {
    const response = await api.call<Json>('GET', `/investigator/tips/${tipId}`, { headers: { authorization: `Bearer ${coordinator}` } });
    if (response.status !== 200) return undefined;
    if (queue === null) return typeof response.body.duplicateOf === 'string' ? response.body : undefined;
    return response.body.queue === queue ? response.body : undefined;
  }, 20_000);
}

beforeAll(async () => {
  otherKeysDir = mkdtempSync(join(tmpdir(), 'tipline-sec-keys-'));
  stack = await startTestStack({ rateLimitPerMinute: 0 });
  api = apiClient(stack.url);
  const first = await api.postTip({ objectId: 'obj-towel', text: NL_TEXT });
  nlTip = String(first.body.tipId);
  nlReceipt = String(first.body.receipt);
  await waitClassified(nlTip, 'NL');
  const again = await api.postTip({ objectId: 'obj-towel', text: `  ${NL_TEXT.toUpperCase()} ` });
  nlDuplicate = String(again.body.tipId);
  await waitClassified(nlDuplicate, null);
});

afterAll(async () => {
  await stack?.stop();
  rmSync(otherKeysDir, { recursive: true, force: true });
});

const investigatorRoutes = routes.filter((route) => route.auth === 'investigator');
const label = (route: RouteDef): string => `${route.method} ${route.path}`;

/** A request for each route, aimed at NL data where the route takes a target. */
function requestFor(route: RouteDef): { path: string; body?: string } {
  const path = route.path
    .replace('{country}', 'NL')
    .replace('{tipId}', nlTip)
    .replace('{objectId}', 'obj-towel');
  const queries: Record<string, string> = { '/investigator/exports': '?country=NL', '/investigator/search': `?country=NL&q=${nlTip}` };
  const query = queries[route.path] ?? '';
  const bodies: Record<string, unknown> = {
    'PATCH /investigator/tips/{tipId}': { status: 'dismissed' },
    'POST /investigator/objects': { title: 'Injected object' },
    'PATCH /investigator/objects/{objectId}': { status: 'retired' },
    'POST /investigator/objects/{objectId}/image': { contentType: 'image/png' },
    'POST /investigator/tips/{tipId}/translate': { target: 'fr' },
    'POST /investigator/tips/{tipId}/messages': { text: 'Injected question' },
    'POST /investigator/receipts/lookup': { receipt: nlReceipt },
  };
  const body = bodies[label(route)];
  return { path: `${path}${query}`, ...(body === undefined ? {} : { body: JSON.stringify(body) }) };
}

function call(route: RouteDef, token: string | undefined, extra: Record<string, string> = {}): ReturnType<typeof api.call<Json>> {
  const { path, body } = requestFor(route);
  const headers: Record<string, string> = { ...extra };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['if-match'] = '"1"';
  }
  return api.call<Json>(route.method, path, { headers, ...(body === undefined ? {} : { body }) });
}

/**
 * What a BE investigator gets on each route aimed at NL data. Routes open to
 * every investigator (the object list, the per-object tally) answer 200 and
 * are checked for leaks below. A new investigator route must be added here.
 */
const wrongGroupStatus: Record<string, number> = {
  'GET /investigator/queues/{country}': 403,
  'GET /investigator/tips/{tipId}': 403,
  'GET /investigator/tips/{tipId}/history': 403,
  'PATCH /investigator/tips/{tipId}': 403,
  'POST /investigator/tips/{tipId}/claim': 403,
  'POST /investigator/tips/{tipId}/release': 403,
  'POST /investigator/tips/{tipId}/messages': 403,
  // Another country's tip is answered like an unknown receipt (no tip id, no hint that it exists).
  'POST /investigator/receipts/lookup': 404,
  'GET /investigator/objects': 200,
  'POST /investigator/objects': 403,
  'PATCH /investigator/objects/{objectId}': 403,
  'POST /investigator/objects/{objectId}/image': 403,
  'POST /investigator/tips/{tipId}/translate': 403,
  'GET /investigator/objects/{objectId}/summary': 200,
  'GET /investigator/exports': 403,
  // Served from the caller's own queues: a BE investigator sees BE counts only.
  'GET /investigator/overview': 200,
  // Searching another country's queue (here for an NL tip's id).
  'GET /investigator/search': 403,
  // Coordinators only; the route table's placeholder index is not a number, so the path is refused first.
  'POST /investigator/tips/{tipId}/attachments/{index}/original': 400,
};

describe('every investigator route refuses callers without a valid token', () => {
  it('has an expectation for every investigator route in shared/resources.ts', () => {
    // Assess
    expect(investigatorRoutes.map(label).sort()).toEqual(Object.keys(wrongGroupStatus).sort());
  });

  it.each(investigatorRoutes.map((route) => ({ route, name: label(route) })))('$name: 401 without a token, with an expired one, with one signed by another key', async ({ route }) => {
    // Prepare
    const expired = await mintToken(stack.keys, { groups: ['coordinator'], expiresInSeconds: -60 });
    const foreign = await mintToken(await loadOrCreateKeys(otherKeysDir), { groups: ['coordinator'] });
    const unsigned = `${expired.split('.').slice(0, 2).join('.')}.`;

    // Act
    const results = [await call(route, undefined), await call(route, expired), await call(route, foreign), await call(route, unsigned), await call(route, 'not-a-jwt')];

    // Assess
    expect(results.map((result) => result.status)).toEqual([401, 401, 401, 401, 401]);
  });

  it.each(investigatorRoutes.map((route) => ({ route, name: label(route) })))('$name: a BE investigator gets the expected status for NL targets', async ({ route }) => {
    // Prepare
    const be = await mintToken(stack.keys, { groups: ['BE'], sub: 'sub-be', username: 'be-investigator' });

    // Act
    const response = await call(route, be);

    // Assess
    expect(response.status).toBe(wrongGroupStatus[label(route)]);
    if (response.status === 200) {
      expect(JSON.stringify(response.body)).not.toContain(nlTip);
      expect(JSON.stringify(response.body)).not.toContain('HEMA');
    }
  });

  it('refuses a token without any group, or with only unknown groups, on every investigator route', async () => {
    // Prepare
    const nobody = await mintToken(stack.keys, { groups: [] });
    const stranger = await mintToken(stack.keys, { groups: ['staff', 'nl'] });

    // Act
    const statuses = await Promise.all(investigatorRoutes.flatMap((route) => [nobody, stranger].map(async (token) => (await call(route, token)).status)));

    // Assess
    expect(statuses).toEqual(investigatorRoutes.flatMap(() => [403, 403]));
  });

  it('refuses, on every investigator route, tokens the Cognito authorizer would refuse: no exp, another client, no or another token_use', async () => {
    // Prepare
    const key = await importJWK(stack.keys.privateJwk, 'ES256');
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: JWTPayload): Promise<string> =>
      new SignJWT({ sub: 'sub-forger', iss: LOCAL_ISSUER, iat: now, 'cognito:groups': ['coordinator'], ...claims }).setProtectedHeader({ alg: 'ES256', kid: 'local' }).sign(key);
    const forged = await Promise.all([
      sign({ token_use: 'id', aud: LOCAL_CLIENT_ID }),
      sign({ token_use: 'id', aud: 'another-client', exp: now + 600 }),
      sign({ token_use: 'access', client_id: 'another-client', exp: now + 600 }),
      sign({ aud: LOCAL_CLIENT_ID, exp: now + 600 }),
    ]);

    // Act
    const statuses = await Promise.all(investigatorRoutes.flatMap((route) => forged.map(async (token) => (await call(route, token)).status)));

    // Assess
    expect(statuses).toEqual(investigatorRoutes.flatMap(() => [401, 401, 401, 401]));
  });

  it('grants no country to a single group that names two ("NL PT")', async () => {
    // Prepare
    const twoInOne = await mintToken(stack.keys, { groups: ['NL PT'], sub: 'sub-two', username: 'two-in-one' });
    const auth = { authorization: `Bearer ${twoInOne}` };

    // Act
    const tip = await api.call<Json>('GET', `/investigator/tips/${nlTip}`, { headers: auth });
    const nlQueue = await api.call<Json>('GET', '/investigator/queues/NL', { headers: auth });
    const ptQueue = await api.call<Json>('GET', '/investigator/queues/PT', { headers: auth });

    // Assess
    expect([tip.status, nlQueue.status, ptQueue.status]).toEqual([403, 403, 403]);
  });
});

describe('no route leaks another country’s tips', () => {
  it('keeps an NL tip and its duplicate away from a BE investigator on every path', async () => {
    // Prepare
    const be = await mintToken(stack.keys, { groups: ['BE'], sub: 'sub-be', username: 'be-investigator' });
    const auth = { authorization: `Bearer ${be}` };

    // Act
    const queue = await api.call<Json>('GET', '/investigator/queues/NL', { headers: auth });
    const ownQueue = await api.call<Json>('GET', '/investigator/queues/BE?limit=100', { headers: auth });
    const tip = await api.call<Json>('GET', `/investigator/tips/${nlTip}`, { headers: auth });
    const duplicate = await api.call<Json>('GET', `/investigator/tips/${nlDuplicate}`, { headers: auth });
    const claim = await api.call<Json>('POST', `/investigator/tips/${nlTip}/claim`, { headers: auth });
    const release = await api.call<Json>('POST', `/investigator/tips/${nlTip}/release`, { headers: auth });
    const patch = await api.call<Json>('PATCH', `/investigator/tips/${nlTip}`, {
      headers: { ...auth, 'content-type': 'application/json', 'if-match': '"1"' },
      body: JSON.stringify({ status: 'dismissed' }),
    });
    const exportNl = await api.call<Json>('GET', '/investigator/exports?country=NL', { headers: auth });
    const exportObject = await api.call<Json>('GET', '/investigator/exports?objectId=obj-towel', { headers: auth });
    const summary = await api.call<Json>('GET', '/investigator/objects/obj-towel/summary', { headers: auth });

    // Assess
    expect([queue, tip, duplicate, claim, release, patch, exportNl, exportObject].map((response) => response.status)).toEqual([403, 403, 403, 403, 403, 403, 403, 403]);
    expect(ownQueue.status).toBe(200);
    expect(JSON.stringify(ownQueue.body)).not.toContain(nlTip);
    expect(summary.status).toBe(200);
    const nl = (summary.body.countries as Json[]).find((tally) => tally.country === 'NL');
    expect(nl).toMatchObject({ strongestTipId: null, strongestEvidence: [] });
    expect(JSON.stringify(summary.body)).not.toContain(nlTip);
    expect(JSON.stringify(summary.body)).not.toContain('HEMA');
    // The refused writes changed nothing.
    const coordinator = await mintToken(stack.keys, { groups: ['coordinator'] });
    const after = await api.call<Json>('GET', `/investigator/tips/${nlTip}`, { headers: { authorization: `Bearer ${coordinator}` } });
    expect(after.body).toMatchObject({ status: 'new' });
    expect(after.body.claimedBy).toBeUndefined();
  });

  it('lets the NL investigator see the same tip (the refusals above are about the group, not the tip)', async () => {
    // Prepare
    const nl = await mintToken(stack.keys, { groups: ['NL'] });

    // Act
    const tip = await api.call<Json>('GET', `/investigator/tips/${nlTip}`, { headers: { authorization: `Bearer ${nl}` } });

    // Assess
    expect(tip.status).toBe(200);
    expect(tip.body.text).toBe(NL_TEXT);
  });
});

describe('forged pagination cursors', () => {
  const cursorOf = (key: unknown): string => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

  it.each([
    ['another queue', (tipId: string) => ({ tipId, queue: 'BE', queueTime: `2026-01-01T00:00:00Z#${tipId}` }), ''],
    ['a number where a string is stored', (tipId: string) => ({ tipId, queue: 'NL', queueTime: 7 }), ''],
    ['an empty key value', () => ({ tipId: '', queue: 'NL', queueTime: '' }), ''],
    ['a tip id that is no tip id', () => ({ tipId: 'x', queue: 'NL', queueTime: '2026-01-01T00:00:00Z#x' }), ''],
    ['the time index key on the confidence index', (tipId: string) => ({ tipId, queue: 'NL', queueTime: `2026-01-01T00:00:00Z#${tipId}` }), '&sort=confidence'],
    ['a confidence below the minimum asked for', (tipId: string) => ({ tipId, queue: 'NL', queueConfidence: `01000#${tipId}` }), '&sort=confidence&minConfidence=0.5'],
  ])('answers 400 naming cursor for %s', async (_name, key, query) => {
    // Prepare
    const coordinator = await mintToken(stack.keys, { groups: ['coordinator'] });

    // Act
    const response = await api.call<Json>('GET', `/investigator/queues/NL?cursor=${cursorOf(key(nlTip))}${query}`, { headers: { authorization: `Bearer ${coordinator}` } });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });

  it.each([[{ seq: -1 }], [{ seq: 1.5 }], [{ seq: '3' }], [{ seq: 0, tipId: 'x' }], [[]]])('answers 400 naming cursor for the history cursor %j', async (key) => {
    // Prepare
    const coordinator = await mintToken(stack.keys, { groups: ['coordinator'] });

    // Act
    const response = await api.call<Json>('GET', `/investigator/tips/${nlTip}/history?cursor=${cursorOf(key)}`, { headers: { authorization: `Bearer ${coordinator}` } });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.issues).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });

  it('still follows the cursors it hands out, on both indexes', async () => {
    // Prepare
    const coordinator = await mintToken(stack.keys, { groups: ['coordinator'] });
    const auth = { authorization: `Bearer ${coordinator}` };
    for (const city of ['Leiden', 'Delft']) await api.postTip({ objectId: 'obj-bag', text: `This bag came from a shop in ${city}, Netherlands.` });
    await eventually(async () => {
      const page = await api.call<Json>('GET', '/investigator/queues/NL?limit=100', { headers: auth });
      return page.body.items.length >= 3 ? true : undefined;
    }, 20_000);

    // Act
    const seen: Record<string, string[]> = {};
    for (const sort of ['time', 'confidence']) {
      seen[sort] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof api.call<Json>>> = await api.call<Json>('GET', `/investigator/queues/NL?limit=1&sort=${sort}&minConfidence=0.5${cursor === null ? '' : `&cursor=${cursor}`}`, { headers: auth });
        expect(page.status).toBe(200);
        seen[sort]!.push(...page.body.items.map((item: Json) => String(item.tipId)));
        cursor = page.body.nextCursor;
      } while (cursor !== null);
    }

    // Assess
    expect(seen.time!.length).toBeGreaterThanOrEqual(3);
    expect([...seen.confidence!].sort()).toEqual([...seen.time!].sort());
  });
});

describe('the evidence bucket is never public', () => {
  it('denies an anonymous GET of an object, or fauxqs does not enforce access (then test/infra asserts the template)', async () => {
    // Prepare
    const s3 = new S3Client({
      endpoint: stack.emulators.awsEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      forcePathStyle: true,
    });
    const bucket = localBucketName('evidence');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'exports/secret.csv', Body: 'tipId,text\n1,secret' }));
    s3.destroy();

    // Act
    const anonymous = await fetch(`${stack.emulators.awsEndpoint}/${bucket}/exports/secret.csv`);
    const text = await anonymous.text();

    // Assess
    // fauxqs (an SQS/S3 emulator) does not implement IAM or ACLs: an unsigned
    // GET is served. Public access is blocked on AWS by the bucket's
    // PublicAccessBlockConfiguration (BLOCK_ALL), TLS-only policy and the
    // absence of any public grant, asserted on the CDK template in
    // test/infra/stateful.test.ts and test/infra/evidence-public.test.ts.
    if (anonymous.status === 200) {
      expect(text).toContain('secret');
      console.warn('fauxqs serves unsigned S3 GETs: bucket privacy is asserted on the CDK template (test/infra) instead');
    } else {
      expect([401, 403]).toContain(anonymous.status);
    }
  });
});

describe('no IP address or user agent in any log line', () => {
  const UA = 'Mozilla/5.0 (TiplineLogProbe-7f3a9c; rv:99) Gecko/20100101 ProbeFox/99.0';
  const XFF = '203.0.113.77, 198.51.100.23';
  const IPV6 = '2001:db8:85a3::8a2e:370:7334';
  let stack: ChildStack;

  beforeAll(() => {
    stack = startChildStack('tipline-logs-');
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('logs neither the User-Agent nor X-Forwarded-For / Forwarded / X-Real-IP values nor any address, across intake, errors, the pipeline and the investigator API', async () => {
    // Prepare
    const url = await stack.url(30_000);
    const identifying = { 'user-agent': UA, 'x-forwarded-for': XFF, 'x-real-ip': '198.51.100.99', forwarded: `for="[${IPV6}]";proto=https`, 'cf-connecting-ip': '192.0.2.44' };
    const client = apiClient(url);

    // Act: accepted, rejected, honeypot, unknown route, investigator calls
    const accepted = await client.postTip({ objectId: 'obj-towel', text: 'Seen this towel at a market in Antwerpen, Belgium.' }, identifying);
    await client.postTip({ objectId: 'obj-towel', text: '' }, identifying);
    await client.postTip({ objectId: 'obj-towel', text: 'buy cheap', website: 'http://203.0.113.77/' }, identifying);
    await client.call('POST', '/tips', { body: '{broken', headers: { 'content-type': 'application/json', ...identifying } });
    await client.call('GET', '/no-such-route', { headers: identifying });
    const keys = await loadOrCreateKeys(stack.dataDir);
    const token = await mintToken(keys, { groups: ['coordinator'] });
    await eventually(async () => {
      const tip = await client.call<Json>('GET', `/investigator/tips/${String(accepted.body.tipId)}`, { headers: { authorization: `Bearer ${token}`, ...identifying } });
      return tip.status === 200 && typeof tip.body.classifiedAt === 'string' ? true : undefined;
    }, 20_000);
    await client.call('GET', '/investigator/queues/BE', { headers: { authorization: `Bearer ${token}`, ...identifying } });
    await client.call('GET', '/investigator/queues/BE', { headers: { authorization: 'Bearer forged', ...identifying } });
    await stack.terminate();

    // Assess
    const output = stack.output();
    const lines = output.split('\n').filter((line) => line.trim() !== '');
    // The run did log (DEBUG): the stack's own lines and each stage of the tip.
    expect(lines.some((line) => line.includes('tip accepted'))).toBe(true);
    expect(lines.some((line) => line.includes('tip classified'))).toBe(true);
    expect(lines.some((line) => line.includes('"message":"honeypot"'))).toBe(true);
    const offending: string[] = [];
    for (const line of lines) {
      // The only address allowed: the loopback in the URLs the stack prints about itself (http://127.0.0.1:<port>).
      const scrubbed = line.replace(/https?:\/\/127\.0\.0\.1:\d+/g, '<local-url>');
      const ipv4 = scrubbed.match(/(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g) ?? [];
      const ipv6 = scrubbed.match(/(?<![0-9a-f:])(?:[0-9a-f]{1,4}:){2,7}:?[0-9a-f]{0,4}(?::[0-9a-f]{1,4})*(?![0-9a-f:])/gi)?.filter((match) => match.includes('::') || match.split(':').length >= 8) ?? [];
      const found = [
        ...ipv4,
        ...ipv6,
        ...(scrubbed.includes('TiplineLogProbe') || scrubbed.includes('ProbeFox') || scrubbed.includes('Mozilla') ? ['user agent'] : []),
        ...(/user-?agent|x-forwarded-for|x-real-ip|sourceIp|"forwarded"/i.test(scrubbed) ? ['identifying header name'] : []),
      ];
      if (found.length > 0) offending.push(`${found.join(', ')} in: ${line.slice(0, 300)}`);
    }
    expect(lines.length).toBeGreaterThan(5);
    expect(offending).toEqual([]);
    // No time finer than the second: not in a timestamp, not anywhere else in a line.
    const acceptedLine = lines.find((line) => line.includes('tip accepted'))!;
    expect(JSON.parse(acceptedLine).timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(lines.filter((line) => /\d{2}:\d{2}:\d{2}[.,]\d/.test(line))).toEqual([]);
  });
});

describe('per-source rate limiting (local stand-in for the WAF rule)', () => {
  it('answers 429 with Retry-After once a source has used its budget, and says nothing about the caller', async () => {
    // Prepare: the real adapter in front of a stub handler
    const adapter = await startHttpAdapter({
      port: 0,
      handlers: { listObjects: async () => ({ statusCode: 200, body: '{"items":[]}' }) } as unknown as Record<FunctionKey, AnyHandler>,
      authorizer: { verify: async () => null },
      logger: createLogger('rate-limit-test'),
      isReady: () => true,
      rateLimitPerMinute: 3,
    });
    const client = apiClient(adapter.url);

    // Act
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof client.call>> | undefined;
    for (let index = 0; index < 5; index += 1) {
      last = await client.call('GET', '/objects', { headers: { 'x-forwarded-for': `198.51.100.${index}` } });
      statuses.push(last.status);
    }
    const health = await client.call('GET', '/health');
    await adapter.close();

    // Assess: X-Forwarded-For (forgeable) does not buy a fresh budget
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(last!.body)).not.toContain('127.0.0.1');
    expect(health.status).toBe(200);
  });

  it('refills the bucket over time and can be switched off', () => {
    // Prepare
    const limiter = new RateLimiter(60);
    const t0 = 1_000_000;

    // Act
    const burst = Array.from({ length: 61 }, () => limiter.take('a', t0));
    const afterOneSecond = limiter.take('a', t0 + 1_000);
    const otherSource = limiter.take('b', t0);

    // Assess
    expect(burst.slice(0, 60).every((wait) => wait === 0)).toBe(true);
    expect(burst[60]).toBe(1);
    expect(afterOneSecond).toBe(0);
    expect(otherSource).toBe(0);
    expect(rateLimitFromEnv('0')).toBe(0);
    expect(rateLimitFromEnv(undefined)).toBeGreaterThanOrEqual(60);
    expect(() => rateLimitFromEnv('-1')).toThrow();
  });
});

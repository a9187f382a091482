import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '#local/jwt.ts';
import type { LocalStack } from '#local/stack.ts';
import { sweepExpired } from '#local/sweeper.ts';
import { apiClient, eventually } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

type Json = Record<string, any>;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
const tokens: Record<string, string> = {};

async function token(name: string, groups: string[]): Promise<string> {
  tokens[name] ??= await mintToken(stack.keys, { groups, sub: `sub-${name}`, username: name });
  return tokens[name]!;
}

function as(tokenValue: string) {
  const auth = { authorization: `Bearer ${tokenValue}` };
  return {
    get: (path: string) => api.call<Json>('GET', path, { headers: auth }),
    post: (path: string, body?: unknown) =>
      api.call<Json>('POST', path, body === undefined ? { headers: auth } : { headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    patch: (path: string, body: unknown, version?: number | string) =>
      api.call<Json>('PATCH', path, {
        headers: { ...auth, 'content-type': 'application/json', ...(version === undefined ? {} : { 'if-match': `"${version}"` }) },
        body: JSON.stringify(body),
      }),
  };
}

/** Submits a tip and waits until it is classified into `queue`. */
async function classifiedTip(objectId: string, text: string, queue: string): Promise<string> {
  const accepted = await api.postTip({ objectId, text });
  expect(accepted.status).toBe(202);
  const tipId = String(accepted.body.tipId);
  const coordinator = as(await token('coord', ['coordinator']));
  await eventually(async () => {
    const response = await coordinator.get(`/investigator/tips/${tipId}`);
    return response.status === 200 && response.body.queue === queue ? true : undefined;
  });
  return tipId;
}

let nlTip: string;

beforeAll(async () => {
  stack = await startTestStack({});
  api = apiClient(stack.url);
  nlTip = await classifiedTip('obj-towel', 'I am sure this towel was bought at a HEMA store in Amsterdam, Netherlands.', 'NL');
});

afterAll(async () => {
  await stack?.stop();
});

describe('roles', () => {
  it('lets an NL investigator read an NL tip, with its evidence and cluster', async () => {
    // Act
    const response = await as(await token('nl', ['NL'])).get(`/investigator/tips/${nlTip}`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tipId: nlTip, queue: 'NL', status: 'new', version: 1 });
    expect(response.body.candidates[0].evidence.length).toBeGreaterThan(0);
    expect(response.body.cluster.map((member: Json) => member.tipId)).toEqual([nlTip]);
    expect(response.body.receipt).toBeUndefined();
    expect(response.headers.get('etag')).toBe('"1"');
  });

  it('forbids a BE investigator to read, claim or change an NL tip by its id', async () => {
    // Prepare
    const be = as(await token('be', ['BE']));

    // Act
    const read = await be.get(`/investigator/tips/${nlTip}`);
    const claim = await be.post(`/investigator/tips/${nlTip}/claim`);
    const patch = await be.patch(`/investigator/tips/${nlTip}`, { status: 'in_review' }, 1);

    // Assess
    expect([read.status, claim.status, patch.status]).toEqual([403, 403, 403]);
  });

  it('answers 404 for a tip that does not exist', async () => {
    const response = await as(await token('coord', ['coordinator'])).get('/investigator/tips/01KZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(response.status).toBe(404);
  });

  it('keeps the unrouted queue for coordinators', async () => {
    expect((await as(await token('nl', ['NL'])).get('/investigator/queues/unrouted')).status).toBe(403);
    expect((await as(await token('coord', ['coordinator'])).get('/investigator/queues/unrouted')).status).toBe(200);
  });
});

describe('queue filters and sorting', () => {
  it('filters by objectId, status and minConfidence and sorts by confidence', async () => {
    // Prepare
    const be = as(await token('be', ['BE']));
    const bag = await classifiedTip('obj-bag', 'This bag is from a Delhaize supermarket in Brussels, Belgium.', 'BE');
    const wall = await classifiedTip('obj-wallpaper', 'Wallpaper like this was in my flat in Ghent, Belgium.', 'BE');

    // Act
    const byObject = await be.get('/investigator/queues/BE?objectId=obj-bag');
    const byStatus = await be.get('/investigator/queues/BE?status=dismissed');
    const byConfidence = await be.get('/investigator/queues/BE?sort=confidence&minConfidence=0.5');
    const bad = await be.get('/investigator/queues/BE?minConfidence=2');

    // Assess
    expect(byObject.body.items.map((item: Json) => item.tipId)).toEqual([bag]);
    expect(byStatus.body.items).toEqual([]);
    const confidences = byConfidence.body.items.map((item: Json) => item.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(byConfidence.body.items.map((item: Json) => item.tipId).sort()).toEqual([bag, wall].sort());
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toBe('minConfidence');
  });
});

describe('claiming', () => {
  it('gives a lease, refuses a second investigator with 409 naming the holder, and releases', async () => {
    // Prepare
    const tipId = await classifiedTip('obj-bag', 'Bag from an Albert Heijn in Utrecht, Netherlands.', 'NL');
    const anna = as(await token('anna', ['NL']));
    const bram = as(await token('bram', ['NL']));

    // Act
    const claimed = await anna.post(`/investigator/tips/${tipId}/claim`);
    const refused = await bram.post(`/investigator/tips/${tipId}/claim`);
    const bramPatch = await bram.patch(`/investigator/tips/${tipId}`, { status: 'in_review' }, claimed.body.version);
    const bramRelease = await bram.post(`/investigator/tips/${tipId}/release`);
    const released = await anna.post(`/investigator/tips/${tipId}/release`);
    const bramClaim = await bram.post(`/investigator/tips/${tipId}/claim`);

    // Assess
    expect(claimed.status).toBe(200);
    expect(claimed.body.claimedBy).toBe('anna');
    expect(claimed.body.claimExpiresAt * 1000).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toContain('anna');
    expect(refused.body.claimedBy).toBe('anna');
    expect(bramPatch.status).toBe(409);
    expect(bramRelease.status).toBe(409);
    expect(released.status).toBe(200);
    expect(released.body.claimedBy).toBeUndefined();
    expect(bramClaim.status).toBe(200);
  });
});

describe('triage', () => {
  it('requires If-Match, refuses a stale version with 412 and applies a fresh one with an audit entry', async () => {
    // Prepare
    const tipId = await classifiedTip('obj-wallpaper', 'This wallpaper was sold by Praxis in Rotterdam, Netherlands.', 'NL');
    const nl = as(await token('nl', ['NL']));
    const read = await nl.get(`/investigator/tips/${tipId}`);
    const version = read.body.version as number;

    // Act
    const missing = await nl.patch(`/investigator/tips/${tipId}`, { status: 'in_review' });
    const fresh = await nl.patch(`/investigator/tips/${tipId}`, { status: 'in_review', note: 'Checking Praxis catalogues', assignee: 'nl' }, version);
    const stale = await nl.patch(`/investigator/tips/${tipId}`, { status: 'dismissed' }, version);

    // Assess
    expect(missing.status).toBe(428);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ status: 'in_review', assignee: 'nl', version: version + 1 });
    expect(fresh.body.notes).toEqual([expect.objectContaining({ by: 'nl', text: 'Checking Praxis catalogues' })]);
    expect(fresh.body.history.at(-1)).toMatchObject({
      by: 'nl',
      changes: expect.arrayContaining([{ field: 'status', from: 'new', to: 'in_review' }, { field: 'assignee', from: null, to: 'nl' }]),
    });
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(version + 1);
  });

  it('refuses an invalid transition with 409', async () => {
    // Prepare
    const tipId = await classifiedTip('obj-towel', 'Towel from a Blokker shop in Eindhoven, Netherlands.', 'NL');
    const nl = as(await token('nl', ['NL']));

    // Act
    const response = await nl.patch(`/investigator/tips/${tipId}`, { status: 'actionable' }, 1);

    // Assess
    expect(response.status).toBe(409);
    expect(response.body.allowed).toEqual(['in_review']);
  });

  it('answers 400 naming the field for an unknown status', async () => {
    const response = await as(await token('nl', ['NL'])).patch(`/investigator/tips/${nlTip}`, { status: 'closed' }, 1);
    expect(response.status).toBe(400);
    expect(response.body.issues[0].path).toBe('status');
  });

  it('lets only a coordinator re-route, and the tip moves queue', async () => {
    // Prepare
    const tipId = await classifiedTip('obj-bag', 'The bag comes from a Jumbo supermarket in Tilburg, Netherlands.', 'NL');
    const nl = as(await token('nl', ['NL']));
    const coordinator = as(await token('coord', ['coordinator']));

    // Act
    const refused = await nl.patch(`/investigator/tips/${tipId}`, { country: 'BE' }, 1);
    const moved = await coordinator.patch(`/investigator/tips/${tipId}`, { country: 'BE' }, 1);
    const beQueue = await as(await token('be', ['BE'])).get('/investigator/queues/BE?limit=100');

    // Assess
    expect(refused.status).toBe(403);
    expect(moved.status).toBe(200);
    expect(moved.body.queue).toBe('BE');
    expect(beQueue.body.items.map((item: Json) => item.tipId)).toContain(tipId);
  });

  it("re-routes with the new country's candidate score, or null with reason manual when it was no candidate", async () => {
    // Prepare: a tip naming two countries, so the classifier scores both.
    const accepted = await api.postTip({ objectId: 'obj-bag', text: 'I bought this bag in Porto, Portugal. My cousin thinks it is from a shop in Madrid, Spain.' });
    const tipId = String(accepted.body.tipId);
    const coordinator = as(await token('coord', ['coordinator']));
    const tip = await eventually(async () => {
      const response = await coordinator.get(`/investigator/tips/${tipId}`);
      return response.body.version === 1 ? response.body : undefined;
    });
    const other = (tip.candidates as Json[]).find((candidate) => candidate.country !== tip.queue);
    expect(other, 'a second candidate country').toBeDefined();
    const stranger = ['JP', 'KR', 'IS'].find((country) => !(tip.candidates as Json[]).some((candidate) => candidate.country === country))!;

    // Act
    const toCandidate = await coordinator.patch(`/investigator/tips/${tipId}`, { country: other!.country }, 1);
    const toStranger = await coordinator.patch(`/investigator/tips/${tipId}`, { country: stranger }, toCandidate.body.version);
    const strangerQueue = await coordinator.get(`/investigator/queues/${stranger}?limit=100`);

    // Assess
    expect(toCandidate.status).toBe(200);
    expect(toCandidate.body).toMatchObject({ queue: other!.country, confidence: other!.score, confidenceReason: 'candidate' });
    expect(toStranger.status).toBe(200);
    expect(toStranger.body).toMatchObject({ queue: stranger, confidence: null, confidenceReason: 'manual' });
    expect(strangerQueue.body.items.find((item: Json) => item.tipId === tipId)?.confidence).toBeNull();
  });

  it('expires a dismissed tip after the retention period (TTL locally swept)', async () => {
    // Prepare
    const tipId = await classifiedTip('obj-towel', 'Towel seen at a campsite in Zeeland, Netherlands.', 'NL');
    const nl = as(await token('nl', ['NL']));
    const review = await nl.patch(`/investigator/tips/${tipId}`, { status: 'in_review' }, 1);
    const dismissed = await nl.patch(`/investigator/tips/${tipId}`, { status: 'dismissed' }, review.body.version);

    // Act
    const beforeExpiry = await sweepExpired(dismissed.body.expiresAt - 1);
    const stillThere = await nl.get(`/investigator/tips/${tipId}`);
    await sweepExpired(dismissed.body.expiresAt + 1);
    const gone = await nl.get(`/investigator/tips/${tipId}`);

    // Assess
    expect(dismissed.body.expiresAt).toBeGreaterThan(Date.now() / 1000 + 86_400);
    expect(beforeExpiry).toBe(0);
    expect(stillThere.status).toBe(200);
    expect(gone.status).toBe(404);
  });
});

describe('object summary', () => {
  it('tallies distinct tips per country with statuses and the strongest evidence', async () => {
    // Prepare
    const coordinator = as(await token('coord', ['coordinator']));
    await coordinator.post('/investigator/objects', { objectId: 'obj-summary', title: 'Mug', description: '' });
    await coordinator.patch('/investigator/objects/obj-summary', { status: 'published' });
    await classifiedTip('obj-summary', 'The mug is from a café in Porto, Portugal.', 'PT');
    await classifiedTip('obj-summary', 'I saw this mug for sale in Lisbon, Portugal.', 'PT');
    const spain = await classifiedTip('obj-summary', 'This mug is sold in Madrid, Spain.', 'ES');
    await api.postTip({ objectId: 'obj-summary', text: 'This mug is sold in Madrid, Spain.' });

    // Act
    const summary = await eventually(async () => {
      const response = await coordinator.get('/investigator/objects/obj-summary/summary');
      return response.body.duplicates === 1 ? response : undefined;
    });

    // Assess
    expect(summary.status).toBe(200);
    expect(summary.body.distinctTips).toBe(3);
    const byCountry = Object.fromEntries(summary.body.countries.map((tally: Json) => [tally.country, tally]));
    expect(byCountry.PT).toMatchObject({ tips: 2, people: 2, byStatus: { new: 2 } });
    expect(byCountry.ES).toMatchObject({ tips: 1, people: 2, strongestTipId: spain });
    expect(byCountry.ES.strongestEvidence.length).toBeGreaterThan(0);
    expect(byCountry.ES.strongestEvidence.map((span: Json) => span.kind)).not.toContain('language');
  });
});

describe('exports', () => {
  it('writes a complete CSV with formula injection neutralised and links to it', async () => {
    // Prepare
    const tipId = await classifiedTip('obj-bag', '=HYPERLINK("http://evil") bag bought in Krakow, Poland, "quoted"', 'PL');
    const pl = as(await token('pl', ['PL']));

    // Act
    const response = await pl.get('/investigator/exports?country=PL&format=csv');
    const file = await fetch(response.headers.get('location')!);
    const csv = await file.text();

    // Assess
    expect(response.status).toBe(303);
    expect(response.body.count).toBe(1);
    expect(csv.split('\r\n')[0]).toBe('tipId,objectId,submittedAt,queue,country,confidence,status,assignee,duplicates,language,text,candidates,evidence,notes');
    expect(csv).toContain(`"${tipId}"`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"") bag bought in Krakow, Poland, ""quoted"""`);
  });

  it('shows each tip\'s duplicate count in the export', async () => {
    // Prepare
    const text = 'Bought this bag at a Lidl in Salzburg, Austria, in 2019.';
    const tipId = await classifiedTip('obj-bag', text, 'AT');
    await api.postTip({ objectId: 'obj-bag', text: `  ${text.toUpperCase()} ` });
    const at = as(await token('at', ['AT']));
    await eventually(async () => {
      const page = await at.get('/investigator/queues/AT');
      return page.body.items.find((item: Json) => item.tipId === tipId)?.duplicates === 1 ? true : undefined;
    });

    // Act
    const response = await at.get('/investigator/exports?country=AT&format=jsonl');
    const rows = (await (await fetch(response.headers.get('location')!)).text()).trim().split('\n').map((line) => JSON.parse(line) as Json);

    // Assess
    expect(rows.find((row) => row.tipId === tipId)?.duplicates).toBe(1);
  });

  it('refuses another country export with 403 and requires a filter', async () => {
    const pl = as(await token('pl', ['PL']));
    expect((await pl.get('/investigator/exports?country=NL')).status).toBe(403);
    expect((await pl.get('/investigator/exports')).status).toBe(400);
  });
});

describe('objects', () => {
  it('lets a coordinator create a draft with a presigned image upload and publish it', async () => {
    // Prepare
    const coordinator = as(await token('coord', ['coordinator']));

    // Act
    const created = await coordinator.post('/investigator/objects', { title: 'Lamp', description: 'A brass lamp' });
    const beforePublish = await api.get<Json>('/objects');
    const published = await coordinator.patch(`/investigator/objects/${created.body.object.objectId}`, { status: 'published' });
    const afterPublish = await api.get<Json>('/objects');

    // Assess
    expect(created.status).toBe(201);
    expect(created.body.object.status).toBe('draft');
    expect(created.body.upload.fields.Policy).toBeDefined();
    expect(beforePublish.body.items.map((item: Json) => item.objectId)).not.toContain(created.body.object.objectId);
    expect(published.status).toBe(200);
    expect(afterPublish.body.items.map((item: Json) => item.objectId)).toContain(created.body.object.objectId);
  });

  it('refuses object changes to country investigators', async () => {
    const nl = as(await token('nl', ['NL']));
    expect((await nl.post('/investigator/objects', { title: 'X' })).status).toBe(403);
    expect((await nl.patch('/investigator/objects/obj-towel', { status: 'retired' })).status).toBe(403);
  });

  it('shows an identified object as solved and refuses new tips with 409', async () => {
    // Prepare
    const coordinator = as(await token('coord', ['coordinator']));
    await coordinator.post('/investigator/objects', { objectId: 'obj-solved', title: 'Solved', description: '' });
    await coordinator.patch('/investigator/objects/obj-solved', { status: 'published' });

    // Act
    const identified = await coordinator.patch('/investigator/objects/obj-solved', { status: 'identified' });
    const listed = await api.get<Json>('/objects');
    const tip = await api.postTip({ objectId: 'obj-solved', text: 'From Italy' });

    // Assess
    expect(identified.status).toBe(200);
    expect(listed.body.items.find((item: Json) => item.objectId === 'obj-solved')?.identified).toBe(true);
    expect(tip.status).toBe(409);
    expect(tip.body.error).toMatch(/identified/);
  });

  it('answers 404 for an unknown object and 400 for an unknown field', async () => {
    const coordinator = as(await token('coord', ['coordinator']));
    expect((await coordinator.patch('/investigator/objects/obj-missing', { status: 'published' })).status).toBe(404);
    expect((await coordinator.patch('/investigator/objects/obj-towel', { colour: 'red' })).status).toBe(400);
  });
});

/** ISO 8601 to the second, as the README promises: no fraction of a second anywhere. */
const WHOLE_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('the audit trail is bounded without ever blocking work', () => {
  it('keeps taking claims, edits, releases and re-routes past 100 history entries, and keeps every entry readable', async () => {
    // Prepare: 60 investigators each claim and release once (120 entries), as a busy tip or a spammer would
    const tipId = await classifiedTip('obj-towel', 'This towel came from a Zeeman shop in Groningen, Netherlands.', 'NL');
    const statuses: number[] = [];
    for (let n = 0; n < 60; n += 1) {
      const investigator = as(await token(`busy-${n}`, ['NL']));
      statuses.push((await investigator.post(`/investigator/tips/${tipId}/claim`)).status);
      statuses.push((await investigator.post(`/investigator/tips/${tipId}/release`)).status);
    }
    const coordinator = as(await token('coord', ['coordinator']));
    const nl = as(await token('nl', ['NL']));

    // Act
    const claimed = await nl.post(`/investigator/tips/${tipId}/claim`);
    const edited = await nl.patch(`/investigator/tips/${tipId}`, { status: 'in_review', note: 'Zeeman stock list requested' }, claimed.body.version);
    const released = await coordinator.post(`/investigator/tips/${tipId}/release`);
    const rerouted = await coordinator.patch(`/investigator/tips/${tipId}`, { country: 'BE' }, released.body.version);
    const tip = await coordinator.get(`/investigator/tips/${tipId}`);
    const trail: Json[] = [];
    const pageStatuses: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof coordinator.get>> = await coordinator.get(`/investigator/tips/${tipId}/history?limit=50${cursor === null ? '' : `&cursor=${cursor}`}`);
      pageStatuses.push(page.status);
      trail.push(...(page.body.items ?? []));
      cursor = page.body.nextCursor ?? null;
    } while (cursor !== null && pageStatuses.length < 10);

    // Assess
    expect(statuses.map((status, n) => `${n % 2 === 0 ? 'claim' : 'release'} ${Math.floor(n / 2)}: ${status}`).filter((line) => !line.endsWith(': 200'))).toEqual([]);
    expect([claimed.status, edited.status, released.status, rerouted.status]).toEqual([200, 200, 200, 200]);
    expect(pageStatuses).toEqual([200, 200, 200]);
    const total = 120 + 4;
    expect(tip.body.history.length).toBeLessThanOrEqual(100);
    expect(tip.body.historyArchived + tip.body.history.length).toBe(total);
    expect(tip.body.historyArchived).toBeGreaterThan(0);
    expect(trail.map((entry) => entry.seq)).toEqual(Array.from({ length: total }, (_, seq) => seq));
    expect(trail.slice(0, 4).map((entry) => [entry.by, entry.changes[0].to === null ? 'release' : 'claim'])).toEqual([
      ['busy-0', 'claim'],
      ['busy-0', 'release'],
      ['busy-1', 'claim'],
      ['busy-1', 'release'],
    ]);
    expect(trail.at(-1)).toMatchObject({ by: 'coord', changes: [{ field: 'queue', from: 'NL', to: 'BE' }] });
    expect(trail.slice(-tip.body.history.length).map(({ seq: _seq, ...entry }) => entry)).toEqual(tip.body.history);
  });

  it('answers 429 naming the limit when one investigator re-claims the same tip too often', async () => {
    // Prepare
    const tipId = await classifiedTip('obj-bag', 'The bag is from a Kruidvat in Leiden, Netherlands.', 'NL');
    const ravi = as(await token('ravi', ['NL']));
    const other = as(await token('other', ['NL']));

    // Act
    const statuses: number[] = [];
    let last: Json = {};
    for (let n = 0; n < 6; n += 1) {
      const response = await ravi.post(`/investigator/tips/${tipId}/claim`);
      statuses.push(response.status);
      last = response.body;
    }
    const othersTip = await classifiedTip('obj-bag', 'A bag like this is sold at Hema in Delft, Netherlands.', 'NL');
    const elsewhere = await ravi.post(`/investigator/tips/${othersTip}/claim`);
    const released = await ravi.post(`/investigator/tips/${tipId}/release`);
    const otherClaim = await other.post(`/investigator/tips/${tipId}/claim`);

    // Assess
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(last.error).toMatch(/5 times in 10 minutes/);
    expect(elsewhere.status).toBe(200);
    expect(released.status).toBe(200);
    expect(otherClaim.status).toBe(200);
  });

  it('stores every time (submission, pipeline, history, notes, claims) to the second', async () => {
    // Prepare
    const tipId = await classifiedTip('obj-wallpaper', 'This wallpaper hung in a house in Breda, Netherlands.', 'NL');
    const nl = as(await token('nl', ['NL']));

    // Act
    const claimed = await nl.post(`/investigator/tips/${tipId}/claim`);
    await nl.patch(`/investigator/tips/${tipId}`, { status: 'in_review', note: 'Asked the Breda archive' }, claimed.body.version);
    const tip = await nl.get(`/investigator/tips/${tipId}`);

    // Assess
    const times = [
      tip.body.submittedAt,
      tip.body.dedupedAt,
      tip.body.classifiedAt,
      ...tip.body.history.map((entry: Json) => entry.at),
      ...tip.body.notes.map((note: Json) => note.at),
      ...tip.body.history.flatMap((entry: Json) => entry.changes.map((change: Json) => /until (.*)$/.exec(String(change.to))?.[1]).filter(Boolean)),
    ];
    expect(times.length).toBeGreaterThanOrEqual(6);
    expect(times.filter((time) => !WHOLE_SECOND.test(String(time)))).toEqual([]);
  });
});

describe('rolling the history into the Audit table (no transactions)', () => {
  /** A classified tip written straight into the table with `entries` inline audit entries. */
  async function tipWithHistory(entries: number): Promise<import('#shared/schemas/stored.ts').StoredTip> {
    const { seedClassifiedTips } = await import('../support/seed-tips.ts');
    const { documents } = await import('#shared/store/clients/dynamo.ts');
    const { tableName } = await import('#shared/config.ts');
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { toStoredTip } = await import('#shared/store/tips.ts');
    const [tipId] = await seedClassifiedTips(1, 'SE', 'obj-towel');
    const history = Array.from({ length: entries }, (_, n) => ({ at: '2026-01-01T00:00:00Z', by: `user-${n}`, changes: [{ field: 'assignee', from: null, to: `a-${n}` }] }));
    const { Attributes } = await documents.send(
      new UpdateCommand({ TableName: tableName('tips'), Key: { tipId }, UpdateExpression: 'SET history = :h', ExpressionAttributeValues: { ':h': history }, ReturnValues: 'ALL_NEW' }),
    );
    return toStoredTip(Attributes!);
  }

  async function wholeTrail(tipId: string): Promise<string[]> {
    const { trailPage } = await import('#shared/store/audit.ts');
    const { getTip } = await import('#shared/store/tips.ts');
    const item = (await getTip(tipId))!;
    const trail: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 20; pages += 1) {
      const page = await trailPage(item, { limit: 7, ...(cursor === undefined ? {} : { cursor }) });
      trail.push(...page.items.map((entry) => `${entry.seq}:${entry.by}`));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    return trail;
  }

  it('loses and doubles no entry when rolls race each other or stop between writing and trimming', async () => {
    // Prepare
    const { rollHistory } = await import('#shared/store/audit.ts');
    const { getTip } = await import('#shared/store/tips.ts');
    const item = await tipWithHistory(60);
    const tipId = String(item.tipId);
    const expected = Array.from({ length: 60 }, (_, n) => `${n}:user-${n}`);

    // Act: a roll whose trim loses (stale version), as if it stopped between its two steps
    await rollHistory({ ...item, version: Number(item.version) - 1 });
    const afterStopped = await getTip(tipId);
    const trailAfterStopped = await wholeTrail(tipId);
    // ... then three rolls of the same read at once, and a late one from the stale read
    await Promise.all([rollHistory(item), rollHistory(item), rollHistory(item)]);
    await rollHistory(item);
    const rolled = await getTip(tipId);
    const trailAfterRolls = await wholeTrail(tipId);

    // Assess
    expect(afterStopped!.history).toHaveLength(60);
    expect(trailAfterStopped).toEqual(expected);
    expect(rolled).toMatchObject({ historyArchived: 35, version: item.version });
    expect(rolled!.history).toHaveLength(25);
    expect(trailAfterRolls).toEqual(expected);
  });

  it('rolls a tip at 50 entries on its next change and keeps its version meaningful', async () => {
    // Prepare
    const item = await tipWithHistory(50);
    const tipId = String(item.tipId);
    const se = as(await token('se', ['SE']));

    // Act
    const changed = await se.patch(`/investigator/tips/${tipId}`, { assignee: 'se' }, Number(item.version));
    const stale = await se.patch(`/investigator/tips/${tipId}`, { assignee: 'someone' }, Number(item.version));
    const trail = await wholeTrail(tipId);

    // Assess
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ historyArchived: 25, version: Number(item.version) + 1 });
    expect(changed.body.history).toHaveLength(26);
    expect(stale.status).toBe(412);
    expect(trail).toHaveLength(51);
    expect(trail.at(-1)).toBe('50:se');
  });
});

describe('answers match the response schemas the OpenAPI document and the web app are typed from', () => {
  it('queue page, tip detail, lease answers, object summary, overview, search and an image upload each parse with their schema', async () => {
    // Prepare
    const { ImageUpload, ObjectSummary, Overview, QueuePageItem, SearchResult, TipDetail, TipView } = await import('#shared/schemas/responses.ts');
    const z = await import('zod/mini');
    const nl = as(await token('nl', ['NL']));
    const coordinator = as(await token('coord', ['coordinator']));

    // Act
    const answers = {
      queue: (await nl.get('/investigator/queues/NL')).body,
      summary: (await nl.get('/investigator/objects/obj-towel/summary')).body,
      overview: (await coordinator.get('/investigator/overview')).body,
      search: (await nl.get('/investigator/search?q=HEMA')).body,
      image: (await coordinator.post('/investigator/objects/obj-towel/image', { contentType: 'image/png' })).body,
      detail: (await nl.get(`/investigator/tips/${nlTip}`)).body,
      claim: (await nl.post(`/investigator/tips/${nlTip}/claim`)).body,
      release: (await nl.post(`/investigator/tips/${nlTip}/release`)).body,
    };

    // Assess
    const issues = (schema: Parameters<typeof z.safeParse>[0], value: unknown) => z.safeParse(schema, value).error?.issues ?? [];
    expect(answers.queue.items.length).toBeGreaterThan(0);
    expect(answers.summary.countries.length).toBeGreaterThan(0);
    expect(answers.search.items.length).toBeGreaterThan(0);
    expect({
      queue: issues(z.array(QueuePageItem), answers.queue.items),
      summary: issues(ObjectSummary, answers.summary),
      overview: issues(Overview, answers.overview),
      search: issues(SearchResult, answers.search),
      image: issues(ImageUpload, answers.image.upload),
      detail: issues(TipDetail, answers.detail),
      claim: issues(TipView, answers.claim),
      release: issues(TipView, answers.release),
    }).toEqual({ queue: [], summary: [], overview: [], search: [], image: [], detail: [], claim: [], release: [] });
    expect(answers.detail.candidates.length).toBeGreaterThan(0);
  });
});

/**
 * The DynamoDB dedupe index against dynalite: same decisions as the
 * in-memory index, conditional-write races, redelivery, and a bounded number
 * of DynamoDB commands per tip however many tips the object already has.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DedupeEngine, MemoryDedupeIndex } from '#shared/dedupe/index.ts';
import { clusterSizes } from '#shared/dedupe/clusters.ts';
import type { BucketState, DedupeIndexPort, TipInput } from '#shared/dedupe/index.ts';
import { tables } from '#shared/resources.ts';
import { DynamoDedupeIndex } from '#shared/store/dedupe-index.ts';
import { claim, EVASIONS, rng } from '../unit/dedupe/synth.ts';

/** How many tips a cluster counts, read the way the investigator API reads it. */
const sizeOf = async (index: Parameters<typeof clusterSizes>[0], objectId: string, clusterId: string) => (await clusterSizes(index, [{ objectId, clusterId }])).get(clusterId);

const server = dynalite({ createTableMs: 0 });
let client: DynamoDBClient;
const commands = new Map<string, number>();
let tableSeq = 0;

async function newTable(): Promise<string> {
  const def = tables.dedupe;
  const name = `dedupe-test-${++tableSeq}`;
  await client.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: def.partitionKey.name, AttributeType: def.partitionKey.type }],
      KeySchema: [{ AttributeName: def.partitionKey.name, KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  return name;
}

const countCommands = (): number => [...commands.values()].reduce((a, b) => a + b, 0);

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, () => r()));
  const { port } = server.address() as AddressInfo;
  client = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      commands.set(name, (commands.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
});

afterAll(async () => {
  client.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

/** The development set lives beside the checkout (../shared/data), not in it. */
const DEV_FILE = join(process.env['TIPLINE_DEV_DATA'] ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'data'), 'dedupe-dev.jsonl');

function devTips(): TipInput[] {
  return readFileSync(DEV_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; objectId: string; text: string })
    .map((r) => ({ tipId: r.id, objectId: r.objectId, text: r.text }));
}

/** A flood on one object: distinct claims, each resubmitted with evasions. */
function flood(n: number, seed: number, objectId = 'obj-flood'): TipInput[] {
  const r = rng(seed);
  const kinds = Object.values(EVASIONS);
  const out: TipInput[] = [];
  for (let i = 0; out.length < n; i++) {
    const c = claim(r);
    const text = `${c.text} Reference ${i}.`;
    out.push({ tipId: `t${seed}-${String(out.length).padStart(7, '0')}`, objectId, text });
    for (let k = 0; k < 2 && out.length < n; k++) {
      out.push({ tipId: `t${seed}-${String(out.length).padStart(7, '0')}`, objectId, text: kinds[Math.floor(r() * kinds.length)]!(text, r) });
    }
  }
  return out;
}

describe('DynamoDedupeIndex', () => {
  it.skipIf(!existsSync(DEV_FILE))('gives the same decisions as the in-memory index on the dev set', async () => {
    // Prepare
    const tips = devTips();
    const dynamo = new DedupeEngine(new DynamoDedupeIndex({ tableName: await newTable(), client }));
    const memory = new DedupeEngine(new MemoryDedupeIndex());
    // Act
    const got = [];
    const want = [];
    for (const t of tips) {
      got.push(await dynamo.process(t));
      want.push(await memory.process(t));
    }
    // Assess
    expect(got).toEqual(want);
    expect(got.filter((d) => d.reason === 'new').length).toBe(16);
  });

  it('counts cluster sizes and ignores a redelivered tip', async () => {
    // Prepare
    const index = new DynamoDedupeIndex({ tableName: await newTable(), client });
    const engine = new DedupeEngine(index);
    const text = 'The lamp is from a hotel in Ghent, room 12.';
    await engine.process({ tipId: 'a1', objectId: 'o1', text });
    const first = await engine.process({ tipId: 'a2', objectId: 'o1', text: `Hello! ${text.toUpperCase()} Thanks.` });
    const writesBefore = index.stats.writeRequests;
    // Act
    const again = await new DedupeEngine(index).process({ tipId: 'a2', objectId: 'o1', text: `Hello! ${text.toUpperCase()} Thanks.` });
    // Assess
    expect(again).toEqual(first);
    expect(first).toMatchObject({ clusterId: 'a1', duplicateOf: 'a1', reason: 'near' });
    expect(index.stats.writeRequests).toBe(writesBefore);
    expect(await sizeOf(index, 'o1', 'a1')).toBe(2);
  });

  it('lets one of two racing identical tips win; the other becomes its duplicate', async () => {
    // Prepare: both engines read the (empty) bucket before either writes.
    const index = new DynamoDedupeIndex({ tableName: await newTable(), client });
    let waiting: (() => void)[] = [];
    const barrier: DedupeIndexPort = {
      getBuckets: async (keys, consistent) => {
        const got = await index.getBuckets(keys, consistent);
        if (!consistent) {
          await new Promise<void>((r) => {
            waiting.push(r);
            if (waiting.length === 2) {
              for (const w of waiting) w();
              waiting = [];
            }
          });
        }
        return got;
      },
      putBucket: (k, next: BucketState, v) => index.putBucket(k, next, v),
      getClusters: (k, c) => index.getClusters(k, c),
      putCluster: (k, next, n) => index.putCluster(k, next, n),
      deleteCluster: (k) => index.deleteCluster(k),
    };
    const text = 'Call the hotel on +33 4 55 55 01 87, they sell these towels.';
    // Act
    const [a, b] = await Promise.all([
      new DedupeEngine(barrier).process({ tipId: 'r1', objectId: 'o2', text }),
      new DedupeEngine(barrier).process({ tipId: 'r2', objectId: 'o2', text }),
    ]);
    // Assess
    const decisions = [a, b];
    const winner = decisions.find((d) => d.reason === 'new');
    const loser = decisions.find((d) => d.reason === 'exact');
    expect(winner).toBeDefined();
    expect(loser?.duplicateOf).toBe(winner?.tipId);
    expect(index.stats.conditionFailures).toBe(1);
  });

  it('keeps DynamoDB commands per tip bounded as the object index grows', async () => {
    // Prepare: the same probe tips against a small and a 5x larger object index.
    const perTip = async (prefill: number): Promise<{ perTip: number; max: number; memory: number }> => {
      const index = new DynamoDedupeIndex({ tableName: await newTable(), client });
      const engine = new DedupeEngine(index);
      const tips = flood(prefill, 1);
      for (let i = 0; i < tips.length; i += 10) await engine.processBatch(tips.slice(i, i + 10));
      const mirror = new MemoryDedupeIndex();
      const mirrorEngine = new DedupeEngine(mirror);
      for (let i = 0; i < tips.length; i += 10) await mirrorEngine.processBatch(tips.slice(i, i + 10));
      const probes = flood(120, 99);
      const before = countCommands();
      const m0 = mirror.stats.readRequests + mirror.stats.writeRequests;
      let max = 0;
      for (const p of probes) {
        const c0 = countCommands();
        await engine.process(p);
        await mirrorEngine.process(p);
        max = Math.max(max, countCommands() - c0);
      }
      return {
        perTip: (countCommands() - before) / probes.length,
        max,
        memory: (mirror.stats.readRequests + mirror.stats.writeRequests - m0) / probes.length,
      };
    };
    // Act
    const small = await perTip(300);
    const large = await perTip(1500);
    // Assess
    expect(small.max).toBeLessThanOrEqual(8);
    expect(large.max).toBeLessThanOrEqual(8);
    expect(Math.abs(large.perTip - small.perTip)).toBeLessThan(0.5);
    // The in-memory port counts the same requests as the DynamoDB one.
    expect(large.memory).toBeCloseTo(large.perTip, 5);
  });
});

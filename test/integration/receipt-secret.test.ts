/**
 * Issue 14, security finding: a receipt must be a secret. Before the fix it was
 * SHA-256("receipt:" + tipId), computable by anyone who knows the tip id (every
 * investigator, every export), and it was stored in clear on the tip item.
 */
import { createHash } from 'node:crypto';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { apiClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack({ startPollers: false, rateLimitPerMinute: 0 });
  api = apiClient(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

/** The derivation main used (shared/ids.ts receiptFor before issue 14), written out here so the test outlives it. */
function derivedFromTipId(tipId: string): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const digest = createHash('sha256').update(`receipt:${tipId}`).digest();
  let code = '';
  for (let i = 0; i < 8; i += 1) code += alphabet[(digest[i] ?? 0) % alphabet.length];
  return `TL-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The receipt without prefix and dashes, as it would appear if stored in any layout. */
const body = (receipt: string): string => receipt.replace(/^TL-/, '').replaceAll('-', '');

async function accepted(text: string, headers: Record<string, string> = {}): Promise<{ tipId: string; receipt: string }> {
  const response = await api.postTip({ objectId: 'obj-towel', text }, headers);
  expect(response.status).toBe(202);
  return response.body as { tipId: string; receipt: string };
}

describe('the receipt is a secret', () => {
  it('cannot be computed from the tip id', async () => {
    // Prepare
    const tips = [await accepted('Seen in a shop in Tartu, Estonia.'), await accepted('Seen in a shop in Tartu, Estonia.', { 'idempotency-key': 'receipt-test-key-1' })];

    // Act
    const derived = tips.map((tip) => derivedFromTipId(tip.tipId));

    // Assess
    for (const [index, tip] of tips.entries()) {
      expect(tip.receipt).not.toBe(derived[index]);
      // 16 Crockford base32 characters (80 bits) in groups of four.
      expect(tip.receipt).toMatch(/^TL-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    }
  });

  it('is never stored in clear: no item of any table holds it', async () => {
    // Prepare
    const tip = await accepted('The towel is from a hotel in Pärnu, Estonia.');
    const { documents } = await import('#shared/store/clients/dynamo.ts');
    const { tableName } = await import('#shared/config.ts');
    const { tables } = await import('#shared/resources.ts');

    // Act
    const item = (await documents.send(new GetCommand({ TableName: tableName('tips'), Key: { tipId: tip.tipId } }))).Item;
    const everything: string[] = [];
    for (const key of Object.keys(tables) as (keyof typeof tables)[]) {
      const scan = await documents.send(new ScanCommand({ TableName: tableName(key) }));
      everything.push(JSON.stringify(scan.Items ?? []));
    }

    // Assess
    expect(item).toBeDefined();
    expect(item?.receipt).toBeUndefined();
    const dump = everything.join('\n').toUpperCase();
    expect(dump).not.toContain(body(tip.receipt));
    expect(dump).not.toContain(tip.receipt);
  });
});

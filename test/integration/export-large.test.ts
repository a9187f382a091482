import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '#local/jwt.ts';
import type { LocalStack } from '#local/stack.ts';
import { apiClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';
import { seedClassifiedTips } from '../support/seed-tips.ts';

// Enough tips that a queue spans several 1 MB DynamoDB pages; `npm run bench:export` runs 100,000.
const TIPS = 6_000;
let stack: LocalStack;
let ids: string[];

beforeAll(async () => {
  stack = await startTestStack({ startPollers: false });
  ids = await seedClassifiedTips(TIPS, 'SE', 'obj-towel');
}, 300_000);

afterAll(async () => {
  await stack?.stop();
});

describe('exports over many pages', () => {
  it('contains every tip of the queue exactly once, as CSV and as JSON Lines', async () => {
    // Prepare
    const api = apiClient(stack.url);
    const token = await mintToken(stack.keys, { groups: ['SE'] });
    const headers = { authorization: `Bearer ${token}` };

    // Act
    const csvLink = await api.call<{ count: number }>('GET', '/investigator/exports?country=SE&format=csv', { headers });
    const jsonlLink = await api.call<{ count: number }>('GET', '/investigator/exports?country=SE&format=jsonl', { headers });
    const csv = await (await fetch(csvLink.headers.get('location')!)).text();
    const jsonl = await (await fetch(jsonlLink.headers.get('location')!)).text();

    // Assess
    expect(csvLink.body.count).toBe(TIPS);
    const csvIds = csv.split('\r\n').slice(1, -1).map((line) => line.slice(1, 27));
    expect(new Set(csvIds).size).toBe(TIPS);
    expect([...csvIds].sort()).toEqual([...ids].sort());
    const rows = jsonl.trim().split('\n').map((line) => JSON.parse(line) as { tipId: string; text: string });
    expect(rows).toHaveLength(TIPS);
    expect(new Set(rows.map((row) => row.tipId)).size).toBe(TIPS);
    expect(csv).toContain(`"'=SUM(A1:A9) tip 0, ""quoted"", sold in Malmö"`);
  });
});

describe('exports larger than one multipart part', () => {
  it('stream through a multipart upload to the local S3 and read back whole', async () => {
    // Prepare: 8 MB of lines, more than the 5 MB part size.
    const { writeExport } = await import('#shared/store/exports.ts');
    const line = `${'x'.repeat(1023)}\n`;
    async function* lines(): AsyncGenerator<string> {
      for (let index = 0; index < 8 * 1024; index += 1) yield line;
    }

    // Act
    const link = await writeExport(lines(), 'jsonl');
    const file = await (await fetch(link.url)).text();

    // Assess
    expect(file.length).toBe(8 * 1024 * 1024);
  });
});

/**
 * Issue 14, done-when: the whole follow-up conversation against the local stack
 * as `npm start` runs it (a child `node local/start.ts`, state persisted to a
 * data directory, logs at DEBUG captured), then a scan of every persisted byte
 * and every log line for the receipt in clear.
 *
 * tip → receipt → investigator question → the tipster reads it with the
 * receipt and answers → the investigator sees the answer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreateKeys, mintToken } from '#local/jwt.ts';
import { apiClient, eventually } from '../support/api.ts';
import { startChildStack, type ChildStack } from '../support/child-stack.ts';

type Json = Record<string, any>;

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** How a receipt could sit in bytes: as shown, without its prefix or dashes, in lower case. */
function spellings(receipt: string): string[] {
  const body = receipt.replace(/^TL-/, '');
  const compact = body.replaceAll('-', '');
  return [receipt, body, compact, receipt.toLowerCase(), compact.toLowerCase()];
}

describe('the follow-up conversation on the local stack', () => {
  let stack: ChildStack;

  beforeAll(() => {
    stack = startChildStack('tipline-followup-');
  });

  afterAll(async () => {
    await stack.stop();
  });

  it('runs tip → receipt → question → answer read by the investigator, and no receipt is persisted or logged in clear', async () => {
    // Prepare
    const url = await stack.url();
    await eventually(async () => ((await fetch(`${url}/health`)).status === 200 ? true : undefined), 30_000);
    const client = apiClient(url);
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      client.call<Json>('POST', path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
    const token = await mintToken(await loadOrCreateKeys(stack.dataDir), { groups: ['PT'], sub: 'sub-ana', username: 'ana' });
    const auth = { authorization: `Bearer ${token}` };
    // A word that appears nowhere else: proof that the scan reads what the stack stored.
    const marker = 'Zanzibarquux';

    // Act
    const accepted = await client.postTip({ objectId: 'obj-towel', text: `I bought this towel in a shop in Tavira, Portugal (${marker}).` });
    const { tipId, receipt } = accepted.body as { tipId: string; receipt: string };
    await eventually(async () => {
      const tip = await client.call<Json>('GET', `/investigator/tips/${tipId}`, { headers: auth });
      return tip.status === 200 && tip.body.queue === 'PT' ? true : undefined;
    }, 30_000);
    const question = await post(`/investigator/tips/${tipId}/messages`, { text: 'Do you remember the name of the shop?' }, auth);
    const read = await eventually(async () => {
      const response = await post('/followup', { receipt });
      return response.status === 200 && response.body.messages.length > 0 ? response : undefined;
    });
    const answer = await post('/followup/messages', { receipt, text: `Yes: Loja ${marker}, by the Roman bridge.` });
    const queue = await client.call<Json>('GET', '/investigator/queues/PT', { headers: auth });
    const seen = await client.call<Json>('GET', `/investigator/tips/${tipId}`, { headers: auth });
    const wrong = await post('/followup', { receipt: receipt.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A')) });
    await stack.terminate();

    // Assess: the conversation
    expect(accepted.status).toBe(202);
    expect(question.status).toBe(201);
    expect(read.body).toEqual({ status: 'received', messages: [{ from: 'investigator', text: 'Do you remember the name of the shop?', sentOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }] });
    expect(answer.status).toBe(201);
    expect(queue.body.items.find((item: Json) => item.tipId === tipId)?.unreadReply).toBe(true);
    expect(seen.body.messages.map((message: Json) => [message.from, message.text])).toEqual([
      ['investigator', 'Do you remember the name of the shop?'],
      ['tipster', `Yes: Loja ${marker}, by the Roman bridge.`],
    ]);
    expect(wrong.status).toBe(404);

    // Assess: nothing persisted or logged holds the receipt
    const files = filesUnder(stack.dataDir);
    const persisted = files.map((path) => readFileSync(path).toString('latin1')).join('\n');
    expect(persisted).toContain(marker);
    expect(stack.output()).toContain('conversation read');
    for (const spelling of spellings(receipt)) {
      expect(persisted).not.toContain(spelling);
      expect(stack.output()).not.toContain(spelling);
    }
  });

  it('opens the same conversation with the receipt after the stack restarts on its data directory', async () => {
    // Prepare: a tip and a question on a stack of its own, then Ctrl-C.
    const first = startChildStack('tipline-followup-restart-');
    try {
      const url = await first.url();
      await eventually(async () => ((await fetch(`${url}/health`)).status === 200 ? true : undefined), 30_000);
      const client = apiClient(url);
      const token = await mintToken(await loadOrCreateKeys(first.dataDir), { groups: ['PT'], sub: 'sub-ana', username: 'ana' });
      const accepted = await client.postTip({ objectId: 'obj-towel', text: 'The same towel hung in a guesthouse in Lagos, Portugal.' });
      const { tipId, receipt } = accepted.body as { tipId: string; receipt: string };
      await eventually(async () => {
        const tip = await client.call<Json>('GET', `/investigator/tips/${tipId}`, { headers: { authorization: `Bearer ${token}` } });
        return tip.status === 200 && tip.body.queue === 'PT' ? true : undefined;
      }, 30_000);
      await client.call<Json>('POST', `/investigator/tips/${tipId}/messages`, {
        body: JSON.stringify({ text: 'Which guesthouse?' }),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      });
      await first.terminate();

      // Act: `npm start` again on the same directory.
      const restarted = startChildStack('tipline-followup-', { dataDir: first.dataDir });
      let read: { status: number; body: Json };
      try {
        const again = apiClient(await restarted.url());
        await eventually(async () => ((await fetch(`${await restarted.url()}/health`)).status === 200 ? true : undefined), 30_000);
        read = await again.call<Json>('POST', '/followup', { body: JSON.stringify({ receipt }), headers: { 'content-type': 'application/json' } });
        await restarted.terminate();
      } finally {
        await restarted.stop();
      }

      // Assess
      expect(read.status).toBe(200);
      expect(read.body.messages.map((message: Json) => message.text)).toEqual(['Which guesthouse?']);
    } finally {
      await first.stop();
    }
  }, 120_000);
});

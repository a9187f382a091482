import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateKeys } from '#local/jwt.ts';
import { apiClient, eventually, tokenFor } from '../support/api.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'tipline-restart-'));
const children: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** `npm start` as a user runs it: a separate process with state under a data dir. */
async function startStack(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['local/start.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), TIPLINE_DATA_DIR: dataDir, TIPLINE_VISIBILITY_TIMEOUT: '3', POWERTOOLS_LOG_LEVEL: 'WARN' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  await eventually(async () => {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      return response.status === 200 ? true : undefined;
    } catch {
      return undefined;
    }
  }, 60_000, 200);
  return child;
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((done) => child.once('exit', done));
}

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start keeps every acknowledged tip across restarts', () => {
  it('survives kill -9 mid-flight and a clean Ctrl-C', async () => {
    // Prepare
    const port = await freePort();
    const api = apiClient(`http://127.0.0.1:${port}`);
    let child = await startStack(port);
    const accepted: string[] = [];
    for (let index = 0; index < 20; index += 1) {
      const response = await api.postTip({ objectId: 'obj-towel', text: `Tip ${index}: I bought this towel in Lisbon, Portugal (shop ${index}).` });
      expect(response.status).toBe(202);
      accepted.push(String(response.body.tipId));
    }

    // Act: kill -9 right after the acknowledgements, then restart.
    child.kill('SIGKILL');
    await exited(child);
    child = await startStack(port);
    const more = await api.postTip({ objectId: 'obj-towel', text: 'After the crash: sold at a market in Porto, Portugal.' });
    accepted.push(String(more.body.tipId));
    // ...and a clean stop and start.
    child.kill('SIGINT');
    await exited(child);
    expect(child.exitCode).toBe(0);
    await startStack(port);

    // Assess
    const keys = await loadOrCreateKeys(dataDir);
    const token = await tokenFor(keys, ['PT']);
    const seen = await eventually(async () => {
      const page = await api.get<{ items: { tipId: string }[] }>('/investigator/queues/PT?limit=100', token);
      const ids = new Set(page.body.items.map((item) => item.tipId));
      return accepted.every((id) => ids.has(id)) ? ids : undefined;
    }, 60_000, 500);
    expect(seen.size).toBe(accepted.length);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalStack, type LocalStack, type LocalStackOptions } from '#local/stack.ts';

/**
 * The whole local stack for one test file: in-memory emulators, an ephemeral
 * port, a fast redelivery (2 s visibility) and a throwaway directory for the
 * JWT key, removed again by `stop()`.
 */
export async function startTestStack(options: Partial<LocalStackOptions> = {}): Promise<LocalStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tipline-test-'));
  const stack = await startLocalStack({ dataDir, persist: false, port: 0, visibilityTimeoutSeconds: 2, ...options });
  const stop = stack.stop.bind(stack);
  return Object.assign(stack, {
    async stop(): Promise<void> {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/**
 * The local sweep deletes an expired tip first and runs the retention flow on
 * the deleted item, as TTL and its stream do on AWS. A flow that fails must
 * not be lost with the item: it is retried at the next sweep, as the stream
 * retries its record. The failure is injected into the flow (error path only);
 * everything else runs against the emulators.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalStack } from '#local/stack.ts';
import { sweepExpired } from '#local/sweeper.ts';
import { apiClient, eventually, investigatorClient } from '../support/api.ts';
import { startTestStack } from '../support/stack.ts';

type Json = Record<string, any>;

const injected = vi.hoisted(() => ({ failures: 0 }));

vi.mock('#shared/tips/expire.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('#shared/tips/expire.ts')>();
  return {
    ...real,
    retireExpiredTip: async (image: Record<string, unknown>) => {
      if (injected.failures > 0) {
        injected.failures -= 1;
        throw new Error('injected: DynamoDB unavailable');
      }
      return real.retireExpiredTip(image);
    },
  };
});

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack({});
  api = apiClient(stack.url);
});

afterAll(async () => {
  await stack?.stop();
});

const as = (groups: string[]) => investigatorClient(api, stack.keys, groups);

async function submitted(text: string, until: (tip: Json) => boolean): Promise<Json> {
  const accepted = await api.postTip({ objectId: 'obj-towel', text });
  const coordinator = await as(['coordinator']);
  return eventually(async () => {
    const response = await coordinator.get(`/investigator/tips/${String(accepted.body.tipId)}`);
    return response.status === 200 && until(response.body) ? response.body : undefined;
  });
}

describe('local sweep', () => {
  it('retries a failed retention flow at the next sweep, so the duplicate still takes over', async () => {
    // Prepare
    const text = 'I bought this towel at a market in Évora, Portugal, two summers ago.';
    const first = await submitted(text, (tip) => tip.queue === 'PT');
    const copy = await submitted(text, (tip) => tip.duplicateOf === first.tipId);
    const pt = await as(['PT']);
    const review = await pt.patch(`/investigator/tips/${first.tipId}`, { status: 'in_review' }, first.version);
    const dismissed = await pt.patch(`/investigator/tips/${first.tipId}`, { status: 'dismissed' }, review.body.version);
    injected.failures = 1;

    // Act
    const failedSweep = await sweepExpired(dismissed.body.expiresAt + 1).then(
      () => null,
      (error: unknown) => error,
    );
    const orphanRead = await pt.get(`/investigator/tips/${copy.tipId}`);
    const deletedAgain = await sweepExpired(dismissed.body.expiresAt + 1);
    const promoted = await eventually(async () => {
      const response = await pt.get(`/investigator/tips/${copy.tipId}`);
      return response.status === 200 && response.body.queue === 'PT' ? response.body : undefined;
    });

    // Assess
    expect(failedSweep).toBeInstanceOf(AggregateError);
    expect((await pt.get(`/investigator/tips/${first.tipId}`)).status).toBe(404);
    expect(orphanRead.status).toBe(403);
    expect(deletedAgain).toBe(0);
    expect(promoted).toMatchObject({ duplicateOf: null, status: 'new' });
  });
});

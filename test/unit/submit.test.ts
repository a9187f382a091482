import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '#shared/errors.ts';
import type { TipObject } from '#shared/schemas/object.ts';
import type { IntakeMessage } from '#shared/schemas/tip.ts';
import type { EvidenceCopy } from '#shared/store/tips.ts';
import { newReceipt, parseReceipt, receiptForKey, receiptHash } from '#shared/receipts.ts';
import { submitTip, type SubmitDeps } from '#shared/tips/submit.ts';

function object(status: TipObject['status']): TipObject {
  return { objectId: 'obj-1', title: 'Towel', description: '', imageUrl: '', status, createdAt: '2026-01-01T00:00:00Z' };
}

/** In-memory stand-ins that record the order of side effects. */
function fakes(status: TipObject['status'] = 'published') {
  const log: string[] = [];
  const evidence = new Map<string, EvidenceCopy>();
  const sent: IntakeMessage[] = [];
  const claims = new Map<string, string>();
  const deps: SubmitDeps = {
    getObject: async (id) => (id === 'obj-1' ? object(status) : null),
    putEvidenceCopy: async (tip) => {
      log.push('evidence');
      if (evidence.has(tip.tipId)) return false;
      evidence.set(tip.tipId, tip);
      return true;
    },
    getTip: async (tipId) => evidence.get(tipId) as Record<string, unknown> | undefined,
    enqueueIntake: async (message) => {
      log.push('enqueue');
      sent.push(message);
    },
    checkAttachmentKey: (key) => (key.endsWith('.issued') ? { ok: true, usableUntil: 1_800_000_000 } : { ok: false, reason: 'not issued' }),
    claimAttachment: async (key, tipId) => {
      log.push('claim');
      const holder = claims.get(key);
      if (holder !== undefined && holder !== tipId) return false;
      claims.set(key, tipId);
      return true;
    },
    headOfAttachment: async () => null,
    issueReceipt: (key) => {
      const receipt = key === undefined ? newReceipt() : receiptForKey('unit-test-secret', key);
      return { receipt, receiptHash: receiptHash('unit-test-secret', parseReceipt(receipt)!) };
    },
    now: () => Date.parse('2026-11-23T10:00:00.123Z'),
  };
  return { deps, log, evidence, sent };
}

describe('submitTip', () => {
  it('stores the evidence copy before queueing, with time truncated to the second', async () => {
    // Prepare
    const { deps, log, evidence, sent } = fakes();

    // Act
    const response = await submitTip({ objectId: 'obj-1', text: 'From Portugal' }, undefined, deps);

    // Assess
    expect(log).toEqual(['evidence', 'enqueue']);
    expect(evidence.get(response.tipId)?.text).toBe('From Portugal');
    expect(sent[0]?.submittedAt).toBe('2026-11-23T10:00:00Z');
  });

  it('repeats the first tip id for a retried Idempotency-Key and sends it again', async () => {
    // Prepare
    const { deps, evidence, sent } = fakes();
    const request = { objectId: 'obj-1', text: 'From Portugal' };

    // Act
    const first = await submitTip(request, 'key-12345678', deps);
    const second = await submitTip(request, 'key-12345678', deps);

    // Assess
    expect(second).toEqual(first);
    expect(evidence.size).toBe(1);
    expect(sent.map((message) => message.tipId)).toEqual([first.tipId, first.tipId]);
  });

  it('gives different keys different tips', async () => {
    const { deps } = fakes();
    const request = { objectId: 'obj-1', text: 'From Portugal' };
    const one = await submitTip(request, 'key-aaaaaaaa', deps);
    const two = await submitTip(request, 'key-bbbbbbbb', deps);
    expect(one.tipId).not.toBe(two.tipId);
  });

  it('refuses a reused Idempotency-Key with another text', async () => {
    const { deps } = fakes();
    await submitTip({ objectId: 'obj-1', text: 'one' }, 'key-12345678', deps);
    await expect(submitTip({ objectId: 'obj-1', text: 'two' }, 'key-12345678', deps)).rejects.toBeInstanceOf(ConflictError);
  });

  it.each(['draft', 'retired'] as const)('answers not found for a %s object', async (status) => {
    const { deps, sent } = fakes(status);
    await expect(submitTip({ objectId: 'obj-1', text: 'x' }, undefined, deps)).rejects.toBeInstanceOf(NotFoundError);
    expect(sent).toHaveLength(0);
  });

  it('answers conflict for an identified object and queues nothing', async () => {
    const { deps, sent } = fakes('identified');
    await expect(submitTip({ objectId: 'obj-1', text: 'x' }, undefined, deps)).rejects.toBeInstanceOf(ConflictError);
    expect(sent).toHaveLength(0);
  });
});

describe('submitTip with an attachment key', () => {
  it('claims the key before storing the evidence copy, so a stored tip never holds a key it could not claim', async () => {
    // Prepare
    const { deps, log, evidence } = fakes();

    // Act
    const response = await submitTip({ objectId: 'obj-1', text: 'Photo attached', attachmentKey: 'k.issued' }, undefined, deps);

    // Assess
    expect(log).toEqual(['claim', 'evidence', 'enqueue']);
    expect(evidence.get(response.tipId)?.attachmentKey).toBe('k.issued');
  });

  it('refuses a key that was not issued (400 naming attachmentKey) and one another tip holds (409 naming it), storing nothing', async () => {
    // Prepare
    const { deps, evidence } = fakes();
    await submitTip({ objectId: 'obj-1', text: 'first', attachmentKey: 'k.issued' }, undefined, deps);

    // Act
    const forged = submitTip({ objectId: 'obj-1', text: 'forged', attachmentKey: 'k.forged' }, undefined, deps);
    const reused = submitTip({ objectId: 'obj-1', text: 'second', attachmentKey: 'k.issued' }, undefined, deps);

    // Assess
    await expect(forged).rejects.toBeInstanceOf(ValidationError);
    await expect(forged).rejects.toMatchObject({ issues: [{ path: 'attachmentKey' }] });
    await expect(reused).rejects.toBeInstanceOf(ConflictError);
    await expect(reused).rejects.toMatchObject({ details: { issues: [{ path: 'attachmentKey' }] } });
    expect(evidence.size).toBe(1);
  });

  it('lets a retry with the same Idempotency-Key claim its key again', async () => {
    // Prepare
    const { deps } = fakes();
    const request = { objectId: 'obj-1', text: 'with photo', attachmentKey: 'k.issued' };

    // Act
    const first = await submitTip(request, 'key-12345678', deps);
    const retry = await submitTip(request, 'key-12345678', deps);

    // Assess
    expect(retry).toEqual(first);
  });
});

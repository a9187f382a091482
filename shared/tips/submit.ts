import { ConflictError, NotFoundError } from '../errors.ts';
import { isoSecond, newTipId, receiptFor, sha256Hex } from '../ids.ts';
import type { TipObject } from '../schemas/object.ts';
import type { IntakeMessage, SubmitTipRequest, SubmitTipResponse } from '../schemas/tip.ts';
import type { EvidenceCopy } from '../store/tips.ts';
import type { IdempotencyRecord } from '../store/idempotency.ts';

export interface SubmitDeps {
  getObject(objectId: string): Promise<TipObject | null>;
  claimIdempotencyKey(
    keyHash: string,
    claim: IdempotencyRecord,
  ): Promise<{ fresh: true } | { fresh: false; record: IdempotencyRecord }>;
  putEvidenceCopy(tip: EvidenceCopy): Promise<boolean>;
  enqueueIntake(message: IntakeMessage): Promise<void>;
  now(): number;
}

/** A submission with the hidden `website` field filled in: a bot, not a tipster. */
export function isHoneypot(request: SubmitTipRequest): boolean {
  return request.website !== undefined && request.website.trim() !== '';
}

/**
 * Accepts a tip: the object must take tips, the evidence copy is written
 * before the tip is queued, and only a queued tip is acknowledged.
 *
 * With an Idempotency-Key, a retry reuses the first attempt's tip id and
 * repeats the write and the send: both are idempotent downstream, and
 * repeating them also completes a first attempt that died half-way.
 */
export async function submitTip(
  request: SubmitTipRequest,
  idempotencyKey: string | undefined,
  deps: SubmitDeps,
): Promise<SubmitTipResponse> {
  const object = await deps.getObject(request.objectId);
  if (object === null || object.status === 'draft' || object.status === 'retired') {
    throw new NotFoundError(`Object ${request.objectId} is not published`);
  }
  if (object.status === 'identified') {
    throw new ConflictError(`Object ${request.objectId} has been identified and takes no more tips`, {
      objectId: request.objectId,
    });
  }

  if (isHoneypot(request)) {
    // Looks like any acceptance (same id and receipt shape) but nothing is
    // stored, queued or claimed, so the bot learns nothing.
    const decoy = newTipId(deps.now());
    return { tipId: decoy, receipt: receiptFor(decoy) };
  }

  let tipId = newTipId(deps.now());
  let submittedAt = isoSecond(deps.now());
  if (idempotencyKey !== undefined) {
    const requestHash = sha256Hex(JSON.stringify([request.objectId, request.text, request.language ?? null]));
    const claim = await deps.claimIdempotencyKey(sha256Hex(idempotencyKey), { tipId, submittedAt, requestHash });
    if (!claim.fresh) {
      if (claim.record.requestHash !== requestHash) {
        throw new ConflictError('Idempotency-Key was already used for a different tip');
      }
      ({ tipId, submittedAt } = claim.record);
    }
  }

  const message: IntakeMessage = {
    tipId,
    objectId: request.objectId,
    text: request.text,
    ...(request.language === undefined ? {} : { language: request.language }),
    submittedAt,
  };
  const receipt = receiptFor(tipId);
  await deps.putEvidenceCopy({ ...message, receipt, textSha256: sha256Hex(request.text) });
  await deps.enqueueIntake(message);
  return { tipId, receipt };
}

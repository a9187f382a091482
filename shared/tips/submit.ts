import type { AttachmentKeyVerdict } from '../attachment-keys.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { sha256Hex } from '../hash.ts';
import { isoSecond, newTipId, tipIdForKey } from '../ids.ts';
import { newReceipt } from '../receipts.ts';
import type { TipObject } from '../schemas/object.ts';
import { typeProblem } from '../media/sniff.ts';
import { attachmentKeysOf, type IntakeMessage, type SubmitTipRequest, type SubmitTipResponse } from '../schemas/tip.ts';
import type { EvidenceCopy } from '../store/tips.ts';

export interface SubmitDeps {
  getObject(objectId: string): Promise<TipObject | null>;
  /** Writes the evidence copy unless a tip with its id exists; false when it did. */
  putEvidenceCopy(tip: EvidenceCopy): Promise<boolean>;
  getTip(tipId: string): Promise<Record<string, unknown> | undefined>;
  enqueueIntake(message: IntakeMessage): Promise<void>;
  /** Whether POST /tips/attachments minted the key, and until when it can be bound (shared/attachment-keys.ts). */
  checkAttachmentKey(attachmentKey: string, now: number): AttachmentKeyVerdict;
  /** Binds the key to the tip unless another tip has it (a conditional write); false when one does. */
  claimAttachment(attachmentKey: string, tipId: string, expiresAtSeconds: number): Promise<boolean>;
  /** The uploaded file's first bytes and declared type, or null when nothing was uploaded under the key yet. */
  headOfAttachment(attachmentKey: string): Promise<{ readonly bytes: Uint8Array; readonly contentType: string | undefined } | null>;
  /**
   * The tip's receipt, shown once, and the keyed hash the tip keeps of it
   * (shared/receipts.ts): random, or for an Idempotency-Key derived from it
   * under the secret so a retry shows the same receipt.
   */
  issueReceipt(idempotencyKey: string | undefined): { readonly receipt: string; readonly receiptHash: string };
  now(): number;
}

/** A claim outlives the day a key can be bound by one more day, so no key is ever free again while usable. */
const CLAIM_GRACE_SECONDS = 86_400;

/**
 * An attachment key goes with one tip only, and only if the attachments
 * endpoint issued it: otherwise a tipster could attach a file to many tips
 * (and lose it for all when one expires) or name a key that was never granted.
 */
async function bindAttachment(attachmentKey: string, path: string, tipId: string, deps: SubmitDeps): Promise<void> {
  const verdict = deps.checkAttachmentKey(attachmentKey, deps.now());
  if (!verdict.ok) {
    const message = verdict.reason === 'expired' ? 'has expired: upload the file again' : 'must be the attachmentKey returned by POST /tips/attachments';
    throw new ValidationError(`Invalid ${path}`, [{ path, message }]);
  }
  // The type from the bytes, not the declared one: a renamed executable or an SVG is refused here by
  // name. A file that has not arrived yet is checked again when the pipeline processes it
  // (shared/media/process.ts), and never shown if it fails there.
  const head = await deps.headOfAttachment(attachmentKey);
  const problem = head === null ? null : typeProblem(head.bytes, head.contentType);
  if (problem !== null) throw new ValidationError(`Refused attachment: ${problem}`, [{ path, message: problem }]);
  if (!(await deps.claimAttachment(attachmentKey, tipId, verdict.usableUntil + CLAIM_GRACE_SECONDS))) {
    throw new ConflictError('This attachment already belongs to another tip', {
      issues: [{ path, message: 'is already attached to another tip: upload the file again for this one' }],
    });
  }
}

/** Where a key sits in the request, for the 4xx: `attachmentKey`, or `attachmentKeys.<i>`. */
function keyPaths(request: SubmitTipRequest): { key: string; path: string }[] {
  const single = request.attachmentKey === undefined ? [] : [{ key: request.attachmentKey, path: 'attachmentKey' }];
  return [...single, ...(request.attachmentKeys ?? []).map((key, i) => ({ key, path: `attachmentKeys.${i}` }))];
}

/** A submission with the hidden `website` field filled in: a bot, not a tipster. */
export function isHoneypot(request: SubmitTipRequest): boolean {
  return request.website !== undefined && request.website.trim() !== '';
}

/**
 * Accepts a tip: the object must take tips, the evidence copy is written
 * before the tip is queued, and only a queued tip is acknowledged.
 *
 * With an Idempotency-Key the tip id is derived from the key, so the evidence
 * copy's own conditional put is the idempotency record (no second write): a
 * retry finds its tip, answers with the same id and receipt, and repeats the
 * send, which is idempotent downstream and completes a first attempt that
 * died between its write and its send.
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
    // stored or queued, so the bot learns nothing.
    return { tipId: newTipId(), receipt: newReceipt() };
  }

  const tipId = idempotencyKey === undefined ? newTipId() : tipIdForKey(idempotencyKey);
  const attachmentKeys = attachmentKeysOf(request);
  // One key hashes as before (a retry across a deploy still matches); several as their list.
  const attachmentPart = attachmentKeys.length <= 1 ? (attachmentKeys[0] ?? null) : attachmentKeys;
  const requestHash = sha256Hex(JSON.stringify([request.objectId, request.text, request.language ?? null, attachmentPart]));
  const message: IntakeMessage = {
    tipId,
    objectId: request.objectId,
    text: request.text,
    ...(request.language === undefined ? {} : { language: request.language }),
    submittedAt: isoSecond(deps.now()),
    ...(attachmentKeys.length === 0 ? {} : { attachmentKeys }),
  };
  const { receipt, receiptHash } = deps.issueReceipt(idempotencyKey);
  // Before the evidence copy: a tip never stores a key it could not claim. A
  // retry with the same Idempotency-Key has the same tip id and claims again.
  for (const { key, path } of keyPaths(request)) await bindAttachment(key, path, tipId, deps);
  const created = await deps.putEvidenceCopy({
    ...message,
    receiptHash,
    textSha256: sha256Hex(request.text),
    requestHash,
    // `attachmentKey` stays the first key, which readers before issue 15 know; `attachmentKeys` (in the message) lists all.
    ...(attachmentKeys.length === 0 ? {} : { attachmentKey: attachmentKeys[0]! }),
  });
  if (!created) {
    const earlier = await deps.getTip(tipId);
    if (earlier === undefined || earlier.requestHash !== requestHash) {
      throw new ConflictError('Idempotency-Key was already used for a different tip');
    }
    await deps.enqueueIntake({ ...message, submittedAt: String(earlier.submittedAt) });
    return { tipId, receipt };
  }
  await deps.enqueueIntake(message);
  return { tipId, receipt };
}

/**
 * The follow-up conversation (issue 14): a tipster, holding only the receipt,
 * reads the investigators' questions and answers them; investigators write to
 * the tipster of a tip they can access. Use cases with their dependencies
 * passed in (shared/store/messages.ts on AWS and locally, fakes in unit tests).
 *
 * What a receipt holder learns is deliberately little: a coarse status and the
 * messages with their day, never a time, never which investigator wrote.
 */
import { NotFoundError } from '../errors.ts';
import { isoSecond, newTipId } from '../ids.ts';
import type { StoredMessage, TipsterStatus, TipsterView } from '../schemas/followup.ts';
import type { AuditEntry } from './triage.ts';

export interface FollowupDeps {
  /** The receipt's keyed hash (shared/receipts.ts receiptHash under RECEIPT_KEY_SECRET). */
  hashReceipt(canonicalBody: string): string;
  tipIdByReceiptHash(hash: string): Promise<string | undefined>;
  getTip(tipId: string): Promise<Record<string, unknown> | undefined>;
  listMessages(tipId: string): Promise<StoredMessage[]>;
  appendMessage(tip: Record<string, unknown>, message: { from: 'tipster'; text: string; sentAt: string }, audit: AuditEntry): Promise<StoredMessage>;
  markClusterReply(headId: string, duplicateId: string): Promise<void>;
  now(): number;
}

/** The triage status, as much of it as a receipt holder may know. */
export function tipsterStatus(triageStatus: unknown): TipsterStatus {
  if (triageStatus === 'dismissed') return 'closed';
  if (triageStatus === 'in_review' || triageStatus === 'actionable' || triageStatus === 'forwarded') return 'in_review';
  return 'received';
}

/** The day of a stored time: all a receipt holder sees of when a message was sent. */
export const dayOf = (sentAt: string): string => sentAt.slice(0, 10);

export const tipsterMessages = (messages: readonly StoredMessage[]): TipsterView['messages'] =>
  messages.map((message) => ({ from: message.from, text: message.text, sentOn: dayOf(message.sentAt) }));

const UNKNOWN = 'No tip has this receipt. Check the code you wrote down: it is the only way back to your tip.';

/**
 * The tip behind a receipt. A known and an unknown receipt cost the same work
 * (one HMAC, one index query, one tip read), so the answer's timing says little
 * about whether a receipt exists; an unknown one reads a random id that is not there.
 */
async function tipOfReceipt(canonicalBody: string, deps: FollowupDeps): Promise<Record<string, unknown>> {
  const tipId = await deps.tipIdByReceiptHash(deps.hashReceipt(canonicalBody));
  const item = await deps.getTip(tipId ?? newTipId());
  if (tipId === undefined || item === undefined) throw new NotFoundError(UNKNOWN);
  return item;
}

/**
 * The status a duplicate's tipster sees is its cluster's: investigators triage
 * the cluster's first tip, not the duplicate.
 */
async function statusOf(item: Record<string, unknown>, deps: FollowupDeps): Promise<TipsterStatus> {
  if (typeof item.duplicateOf !== 'string') return tipsterStatus(item.status);
  const head = await deps.getTip(item.duplicateOf);
  return tipsterStatus(head?.status ?? item.status);
}

/** POST /followup: the conversation as the receipt holder may see it. */
export async function readConversation(canonicalBody: string, deps: FollowupDeps): Promise<TipsterView> {
  const item = await tipOfReceipt(canonicalBody, deps);
  const [status, messages] = await Promise.all([statusOf(item, deps), deps.listMessages(String(item.tipId))]);
  return { status, messages: tipsterMessages(messages) };
}

/**
 * POST /followup/messages: the tipster's answer, stored in their tip's own
 * conversation (another tipster of the same cluster never sees it), audited,
 * and marked unread for the investigators. On a duplicate, the mark goes on the
 * cluster's first tip too, whose queue those investigators work.
 */
export async function sendTipsterMessage(canonicalBody: string, text: string, deps: FollowupDeps): Promise<{ sentOn: string }> {
  const item = await tipOfReceipt(canonicalBody, deps);
  const sentAt = isoSecond(deps.now());
  const audit: AuditEntry = { at: sentAt, by: 'tipster', changes: [{ field: 'message', from: null, to: `from the tipster, ${[...text].length} characters` }] };
  const stored = await deps.appendMessage(item, { from: 'tipster', text, sentAt }, audit);
  if (typeof item.duplicateOf === 'string') await deps.markClusterReply(item.duplicateOf, String(item.tipId));
  return { sentOn: dayOf(stored.sentAt) };
}

/** The audit entry of an investigator's message: who, and its length (the text stays in the conversation). */
export const investigatorMessageAudit = (by: string, text: string, now: number): AuditEntry => ({
  at: isoSecond(now),
  by,
  changes: [{ field: 'message', from: null, to: `to the tipster, ${[...text].length} characters` }],
});

/**
 * The pipeline's attachment step (issue 15), run by the dedupe stage before it decides, so a
 * photo's hash can link duplicates and its GPS can reach the classifier. Idempotent: the same
 * original gives the same copy and record; a redelivered tip rewrites the copy with the same
 * bytes and finds its record (and audit entry) already written.
 *
 * Order: the viewing copy is written before the record that names it, so the console never
 * links to a copy that is not there. The original is read, never written.
 */
import { isoSecond } from '../ids.ts';
import { limits } from '../resources.ts';
import type { IntakeMessage } from '../schemas/tip.ts';
import type { AuditEntry } from '../tips/triage.ts';
import { mediaOf, NO_MEDIA, type TipMedia } from './evidence.ts';
import { processAttachment } from './process.ts';
import type { ProcessedAttachment } from './schema.ts';

export { mediaOf, NO_MEDIA, type TipMedia } from './evidence.ts';

export interface MediaDeps {
  readAttachment(key: string): Promise<{ bytes: Uint8Array; contentType: string | undefined } | { quarantined: true } | null>;
  putViewingCopy(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Stores the records and appends the audit entry in one conditional write; 'already' when a delivery before did. */
  recordAttachments(tipId: string, records: readonly ProcessedAttachment[], audit: AuditEntry): Promise<'recorded' | 'already'>;
  /** Replaces the placeholder at `index` (still awaiting, still this key) and appends the audit entry, in one conditional write; 'already' when it was replaced before. */
  recordLateAttachment(tipId: string, index: number, record: ProcessedAttachment, audit: AuditEntry): Promise<'recorded' | 'already'>;
  /** What the console shows until a scan result: `pending` on AWS (GuardDuty tags the object), `local` on the local stack. */
  readonly scan: ProcessedAttachment['scan'];
  now(): number;
}

/** A key whose file has not arrived: no size, no hash, nothing to show until it does. */
/** Why a quarantined original was never processed (the console shows it as `threat`, from the tag). */
export const QUARANTINED = 'was flagged by the malware scan and cannot be read';

function placeholder(key: string, scan: ProcessedAttachment['scan']): ProcessedAttachment {
  return { key, type: null, size: 0, sha256: '', scan, awaiting: true };
}

/**
 * When to look again for files still missing, in seconds, or null when no upload can still
 * come: a presigned upload is valid `limits.attachmentUploadSeconds` after its grant, which
 * came before the tip, and one more interval covers an upload still running when it expired.
 * The interval is at most SQS's longest message delay (900 s).
 */
export function recheckDelay(submittedAt: string, now: number, intervalSeconds: number): number | null {
  const lastUpload = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(submittedAt) ? submittedAt : `${submittedAt}Z`) + (limits.attachmentUploadSeconds + intervalSeconds) * 1000;
  if (Number.isNaN(lastUpload) || now >= lastUpload) return null;
  return Math.max(1, Math.min(intervalSeconds, 900, Math.ceil((lastUpload - now) / 1000)));
}

/** The audit entry: each original's hash, so its integrity can be checked later against what was processed. */
export function attachmentAudit(records: readonly ProcessedAttachment[], now: number): AuditEntry {
  return {
    at: isoSecond(now),
    by: 'pipeline',
    changes: records.map((r) => ({ field: 'attachment', from: null, to: r.awaiting === true ? `${r.key} awaiting upload` : r.refused === QUARANTINED ? `${r.key} quarantined by the malware scan` : `${r.key} sha256:${r.sha256}${r.refused === undefined ? '' : ' refused'}` })),
  };
}


async function processOne(key: string, deps: MediaDeps): Promise<{ record: ProcessedAttachment; text?: string }> {
  const original = await deps.readAttachment(key);
  if (original === null) return { record: placeholder(key, deps.scan) };
  // Unreadable by policy once the scan found a threat: recorded as refused (never processed, never shown), not awaited.
  if ('quarantined' in original) return { record: { key, type: null, size: 0, sha256: '', scan: deps.scan, refused: QUARANTINED } };
  const processed = await processAttachment(key, original.bytes, original.contentType, deps.scan);
  // The viewing copy before the record that names it, so the console never links to a copy that is not there.
  if (processed.viewing !== undefined && processed.record.viewingKey !== undefined) {
    await deps.putViewingCopy(processed.record.viewingKey, processed.viewing.bytes, processed.viewing.contentType);
  }
  return { record: processed.record, ...(processed.text === undefined ? {} : { text: processed.text }) };
}

export async function processTipMedia(tip: Pick<IntakeMessage, 'tipId' | 'attachmentKeys'>, deps: MediaDeps): Promise<TipMedia> {
  const keys = tip.attachmentKeys ?? [];
  if (keys.length === 0) return NO_MEDIA;
  const records: ProcessedAttachment[] = [];
  const texts: string[] = [];
  for (const key of keys) {
    // One at a time: each decode holds an image in memory, and a tip has at most five.
    // A file not there yet gets a placeholder at its place, which the re-check fills (processLateAttachments).
    const { record, text } = await processOne(key, deps);
    records.push(record);
    if (text !== undefined) texts.push(text);
  }
  const outcome = await deps.recordAttachments(tip.tipId, records, attachmentAudit(records, deps.now()));
  const media = mediaOf(records, texts);
  // A redelivery finds the records of an earlier delivery, which may hold placeholders for files
  // that are here now: one re-check settles it either way (it changes nothing when none await).
  return outcome === 'already' ? { ...media, awaiting: Math.max(media.awaiting, 1) } : media;
}

/** What a re-check did: the records it filled in, and how many files are still missing. */
export interface LateOutcome {
  readonly processed: readonly ProcessedAttachment[];
  readonly awaiting: number;
}

/**
 * The re-check for files that arrived after their tip was processed: each placeholder whose
 * file is now there is processed as at intake (viewing copy, hash in the audit trail,
 * metadata, photo hash) and replaces its placeholder in one conditional write, so a repeated
 * re-check changes nothing. The tip's routing is left as it is: it may already be in an
 * investigator's hands, and a late photo's place is shown as evidence beside it.
 */
export async function processLateAttachments(tipId: string, stored: readonly ProcessedAttachment[], deps: MediaDeps): Promise<LateOutcome> {
  const processed: ProcessedAttachment[] = [];
  let awaiting = 0;
  for (const [index, record] of stored.entries()) {
    if (record.awaiting !== true) continue;
    const { record: filled } = await processOne(record.key, deps);
    if (filled.awaiting === true) {
      awaiting += 1;
      continue;
    }
    if ((await deps.recordLateAttachment(tipId, index, filled, attachmentAudit([filled], deps.now()))) === 'recorded') processed.push(filled);
  }
  return { processed, awaiting };
}

/**
 * The pipeline's attachment step (issue 15), run by the dedupe stage before it decides, so a
 * photo's hash can link duplicates and its GPS can reach the classifier. Idempotent: the same
 * original gives the same copy and record; a redelivered tip rewrites the copy with the same
 * bytes and finds its record (and audit entry) already written.
 *
 * Order: the viewing copy is written before the record that names it, so the console never
 * links to a copy that is not there. The original is read, never written.
 */
import type { GeoPoint } from '../geo/index.ts';
import { isoSecond } from '../ids.ts';
import type { IntakeMessage } from '../schemas/tip.ts';
import type { AuditEntry } from '../tips/triage.ts';
import { processAttachment } from './process.ts';
import type { ProcessedAttachment } from './schema.ts';

export interface MediaDeps {
  readAttachment(key: string): Promise<{ bytes: Uint8Array; contentType: string | undefined } | null>;
  putViewingCopy(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Stores the records and appends the audit entry in one conditional write; 'already' when a delivery before did. */
  recordAttachments(tipId: string, records: readonly ProcessedAttachment[], audit: AuditEntry): Promise<'recorded' | 'already'>;
  /** What the console shows until a scan result: `pending` on AWS (GuardDuty tags the object), `local` on the local stack. */
  readonly scan: ProcessedAttachment['scan'];
  now(): number;
}

/** What the rest of the pipeline takes from a tip's attachments. */
export interface TipMedia {
  readonly photos: readonly GeoPoint[];
  readonly photoHashes: readonly string[];
  /** PDF text layers, joined, for the classifier. */
  readonly text: string;
}

export const NO_MEDIA: TipMedia = { photos: [], photoHashes: [], text: '' };

/** The audit entry: each original's hash, so its integrity can be checked later against what was processed. */
export function attachmentAudit(records: readonly ProcessedAttachment[], now: number): AuditEntry {
  return {
    at: isoSecond(now),
    by: 'pipeline',
    changes: records.map((r) => ({ field: 'attachment', from: null, to: `${r.key} sha256:${r.sha256}${r.refused === undefined ? '' : ' refused'}` })),
  };
}

export function mediaOf(records: readonly ProcessedAttachment[], texts: readonly string[]): TipMedia {
  const photos: GeoPoint[] = [];
  for (const r of records) if (r.photo?.lat !== undefined && r.photo.lon !== undefined) photos.push({ lat: r.photo.lat, lon: r.photo.lon });
  return { photos, photoHashes: records.flatMap((r) => (r.dhash === undefined ? [] : [r.dhash])), text: texts.join('\n') };
}

export async function processTipMedia(tip: Pick<IntakeMessage, 'tipId' | 'attachmentKeys'>, deps: MediaDeps): Promise<TipMedia> {
  const keys = tip.attachmentKeys ?? [];
  if (keys.length === 0) return NO_MEDIA;
  const records: ProcessedAttachment[] = [];
  const texts: string[] = [];
  for (const key of keys) {
    // One at a time: each decode holds an image in memory, and a tip has at most five.
    const original = await deps.readAttachment(key);
    if (original === null) continue; // Never uploaded: the console says so (GET /investigator/tips/{id}).
    const processed = await processAttachment(key, original.bytes, original.contentType, deps.scan);
    if (processed.viewing !== undefined && processed.record.viewingKey !== undefined) {
      await deps.putViewingCopy(processed.record.viewingKey, processed.viewing.bytes, processed.viewing.contentType);
    }
    records.push(processed.record);
    if (processed.text !== undefined) texts.push(processed.text);
  }
  if (records.length > 0) await deps.recordAttachments(tip.tipId, records, attachmentAudit(records, deps.now()));
  return mediaOf(records, texts);
}

import type { BucketKey, FunctionKey, PrefixKey, QueueKey, TableKey } from '#shared/resources.ts';

/** Object rights on named key prefixes of a bucket (shared/resources.ts `buckets[…].prefixes`), never on the whole bucket. */
export type ObjectGrant = { readonly [B in BucketKey]?: readonly PrefixKey<B>[] };

/**
 * What each function may do, derived from the handlers and shared/store/.
 * IAM only: every function receives every resource's name in its environment
 * (shared/store modules resolve names at import time, and a name is not a
 * secret), but may only touch what is listed here.
 *
 * `Record<FunctionKey, …>` makes a function added to shared/resources.ts fail
 * type-checking until its access is declared here. Candidate to move into
 * shared/resources.ts once the store layer settles.
 */
export interface FunctionAccess {
  /** GetItem/Query/Scan on the table and its GSIs. */
  readonly read?: readonly TableKey[];
  /** PutItem/UpdateItem/DeleteItem (conditional writes included). */
  readonly write?: readonly TableKey[];
  /** UpdateItem only: adds attributes, cannot replace or delete an item. */
  readonly update?: readonly TableKey[];
  readonly send?: readonly QueueKey[];
  /** GetObject (HeadObject and presigned GETs included). */
  readonly readObjects?: ObjectGrant;
  /** PutObject in one request (presigned POSTs). */
  readonly writeObjects?: ObjectGrant;
  /** PutObject as a multipart upload, which also needs AbortMultipartUpload and kms:Decrypt. */
  readonly uploadObjects?: ObjectGrant;
  readonly deleteObjects?: ObjectGrant;
  /** GetObjectTagging (the malware scan's result tag). */
  readonly readTags?: ObjectGrant;
  /**
   * Amazon Translate's TranslateText only (and the function is told so: TRANSLATE_ENABLED); it has
   * no resource-level permissions. The source language is always sent explicitly (the tip's
   * declared or detected language, or the investigator's choice: shared/tips/translation.ts), never
   * `auto`, with which Translate would call Amazon Comprehend and need comprehend:DetectDominantLanguage
   * too (TranslateText API reference, SourceLanguageCode; AWS's TranslateFullAccess policy grants it).
   */
  readonly translate?: boolean;
}

export const access = {
  // shared/tips/submit.ts: object lookup, idempotency claim, evidence copy, enqueue; the first
  // bytes of each attachment (a ranged GetObject) to refuse a file whose bytes are not an allowed type.
  submitTip: {
    read: ['objects', 'idempotency', 'tips'],
    write: ['idempotency', 'tips'],
    send: ['intake'],
    readObjects: { evidence: ['attachments'] },
  },
  listObjects: { read: ['objects'] },
  // functions/attachments: signs a presigned POST for one new key under attachments/.
  attachments: { writeObjects: { evidence: ['attachments'] } },
  // functions/retention (shared/tips/expire.ts): deletes the attachment, the rolled-out audit rows and the conversation of a tip that TTL removed,
  // takes it out of the dedupe index (bucket puts, counter put/delete) and hands its cluster to
  // its oldest duplicate (cluster query, tip reads, re-pointing updates, the successor to classify);
  // takes the tip out of the Aggregates counters (a once-only marker, ADDs, the strongest-tip entry).
  // It reads a successor's PDF originals again for their text layers, to classify it with them (shared/media/evidence.ts).
  retention: { read: ['tips', 'dedupe', 'audit', 'messages'], update: ['tips', 'aggregates'], write: ['dedupe', 'audit', 'messages', 'search'], send: ['classify'], readObjects: { evidence: ['attachments'] }, deleteObjects: { evidence: ['attachments', 'viewing'] } },
  // functions/dedupe: attachments first (read the originals, write their viewing copies, record
  // them on the tip: shared/media/pipeline.ts), then the dedupe index (conditional put + get),
  // tip update, forward to classify. It can read an original but never rewrite or delete one.
  // Intake: the delayed re-check of a tip whose attachment had not arrived yet (its own queue).
  dedupe: {
    read: ['dedupe', 'tips'],
    write: ['dedupe'],
    update: ['tips', 'aggregates'],
    send: ['classify', 'intake'],
    readObjects: { evidence: ['attachments'] },
    writeObjects: { evidence: ['viewing'] },
  },
  // recordClassification: one conditional UpdateItem on the tip; its counters ADDed to Aggregates (shared/store/aggregates.ts).
  // The tip's search terms (shared/store/search.ts): idempotent puts.
  classify: { update: ['tips', 'aggregates'], write: ['search'] },
  // functions/followup (shared/tips/followup.ts): the tip by its receipt hash (byReceipt) and its
  // cluster head's status, the conversation (read, append), the message counter and audit entry on
  // the tip and, for a duplicate, the unread mark on its first tip; proof-of-work challenges when on.
  followup: {
    read: ['tips', 'messages', 'idempotency'],
    update: ['tips'],
    write: ['messages', 'idempotency'],
  },
  // Queues and tip detail (GSIs), duplicate counts from the dedupe index's cluster
  // counters (shared/store/cluster-sizes.ts), triage updates (shared/store/triage.ts),
  // object management (shared/store/objects.ts), attachment links (HeadObject +
  // presigned GET), object images via presigned POST, exports via multipart
  // upload + presigned GET (shared/store/media.ts, exports.ts), and older audit
  // entries rolled out of tip items and read back (shared/store/audit.ts). It can
  // neither overwrite nor delete an attachment.
  investigator: {
    read: ['tips', 'objects', 'dedupe', 'audit', 'aggregates', 'messages', 'search'],
    update: ['tips', 'aggregates'],
    // messages: questions to a tip's tipster (shared/store/messages.ts).
    write: ['objects', 'audit', 'messages'],
    // attachments: a coordinator's audited original download (the route checks the group); viewing: previews.
    readObjects: { evidence: ['attachments', 'viewing', 'exports'] },
    readTags: { evidence: ['attachments'] },
    writeObjects: { evidence: ['objects'] },
    uploadObjects: { evidence: ['exports'] },
    // POST /investigator/tips/{tipId}/translate (shared/store/translations.ts).
    translate: true,
  },
} as const satisfies Record<FunctionKey, FunctionAccess>;

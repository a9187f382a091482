/**
 * The records Tipline stores, as zod schemas: the store modules map every
 * item they read through these (shared/store/*), so the code after them gets
 * typed records, not `Record<string, unknown>`, and an item no writer could
 * have produced is caught at the boundary instead of deep in a handler.
 *
 * Loose objects: an attribute a newer writer adds passes through unchanged
 * (so a rolling deployment never drops data), and a field is optional when an
 * earlier-stage item may lack it (an item written at intake has no
 * classification yet).
 *
 * Two fields are easy to confuse and are named apart here:
 *  - `country`: the country the classifier found, or null when it abstained.
 *    It never changes after classification.
 *  - `queue`: where the tip is routed, a country code or `unrouted`. A
 *    coordinator's re-route changes it; `country` stays.
 * The queue API's items have always called the queue `country`; they keep
 * that field for compatibility and now carry `queue` too (QueueItem in
 * shared/schemas/tip.ts). Everywhere else `country` is the classified one.
 */
import './zod-config.ts';
import * as z from 'zod/mini';
import { INITIAL_STATUS, TRIAGE_STATUSES } from '../tips/transitions.ts';
import { MachineTranslation } from './translation.ts';

const OptionalString = z.optional(z.string());
const NullableString = z.optional(z.nullable(z.string()));
const OptionalNumber = z.optional(z.number());
const NullableNumber = z.optional(z.nullable(z.number()));

/** A triage status as stored; a tip without one (a duplicate, or not classified yet) reads as INITIAL_STATUS. */
export const StoredStatus = z._default(z.enum(TRIAGE_STATUSES), INITIAL_STATUS);

/**
 * One change of an audit entry. `attachment`: the pipeline recorded an
 * original's SHA-256; `download`: a coordinator downloaded an original.
 */
export const AuditChange = z.object({
  field: z.enum(['status', 'assignee', 'note', 'queue', 'claim', 'attachment', 'download', 'message']),
  from: z.nullable(z.string()),
  to: z.nullable(z.string()),
});
export type AuditChange = z.infer<typeof AuditChange>;

/** An audit entry, inline in the tip's `history` (its latest entries). */
export const AuditEntry = z.object({
  /** To the second (isoSecond), like every stored time. */
  at: z.string(),
  by: z.string(),
  changes: z.array(AuditChange),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** An audit entry with its position in the tip's whole trail (0 = the first change ever). */
export const TrailEntry = z.extend(AuditEntry, { seq: z.number().check(z.int(), z.gte(0)) });
export type TrailEntry = z.infer<typeof TrailEntry>;

/** A rolled-out entry as the Audit table holds it, under (tipId, seq) (shared/store/audit.ts). */
export const StoredTrailEntry = z.extend(TrailEntry, { tipId: z.string() });
export type StoredTrailEntry = z.infer<typeof StoredTrailEntry>;

/** Where a tip is in the pipeline; each stage sets it with its own result. */
export const PipelineStage = z.enum(['received', 'deduplicated', 'classified']);

/** A note an investigator added (the audit entry only records that one was). */
export const StoredNote = z.object({ at: z.string(), by: z.string(), text: z.string() });

/** One candidate country of the classification (the full evidence passes through). */
export const StoredCandidate = z.looseObject({ country: z.string(), score: z.number() });

/** A tip item of the Tips table, from the evidence copy to triage. */
export const StoredTip = z.looseObject({
  // The evidence copy (shared/tips/submit.ts): written once, never updated.
  tipId: z.string(),
  objectId: z.string(),
  text: z.string(),
  language: OptionalString,
  submittedAt: z.string(),
  /** Before issue 14 the receipt was stored in clear; items written since hold only its keyed hash (shared/receipts.ts). */
  receipt: OptionalString,
  /** The receipt's keyed hash, the key of the byReceipt index; never the receipt. */
  receiptHash: OptionalString,
  textSha256: OptionalString,
  requestHash: OptionalString,
  attachmentKey: OptionalString,
  attachmentKeys: z.optional(z.array(z.string())),
  pipeline: z.optional(PipelineStage),
  // The deduplicator's result (recordDuplicate; duplicateOf null: a distinct tip).
  clusterId: OptionalString,
  duplicateOf: NullableString,
  similarity: OptionalNumber,
  dedupeReason: OptionalString,
  dedupedAt: OptionalString,
  /** Copy of objectId once the pipeline decided the tip: the sparse byObject index's key. */
  tallyObjectId: OptionalString,
  // The classifier's result (recordClassification); see the module comment for country vs queue.
  country: NullableString,
  /** null after a re-route to a country that was no candidate (`confidenceReason: "manual"`). */
  confidence: NullableNumber,
  confidenceReason: z.optional(z.enum(['candidate', 'manual'])),
  candidates: z.optional(z.array(StoredCandidate)),
  detectedLanguage: NullableString,
  abstainReason: NullableString,
  queue: OptionalString,
  classifiedAt: OptionalString,
  /** Duplicates counted to this tip before it was routed (shared/store/tips.ts recordAbsorbed). */
  absorbedBeforeRouting: OptionalNumber,
  // Triage (shared/store/triage.ts).
  status: StoredStatus,
  /** Set at classification; If-Match compares it. A tip without one cannot be triaged yet. */
  version: OptionalNumber,
  assignee: NullableString,
  claimedBy: NullableString,
  claimExpiresAt: NullableNumber,
  rerouted: z.optional(z.boolean()),
  notes: z.optional(z.array(StoredNote)),
  history: z.optional(z.array(AuditEntry)),
  /** How many of the trail's first entries live in the Audit table. */
  historyArchived: OptionalNumber,
  // The follow-up conversation (shared/store/messages.ts, issue 14).
  /** How many messages the conversation holds: the next message's position. */
  messageCount: OptionalNumber,
  /** A tipster answered and no investigator has opened the tip since. */
  unreadReply: z.optional(z.boolean()),
  /** On a cluster's first tip: the duplicates whose tipsters wrote (a DynamoDB string set, read as a Set). */
  conversationTips: z.optional(z.union([z.set(z.string()), z.array(z.string())])),
  /** A duplicate promoted to first tip when its cluster's first tip expired (shared/tips/expire.ts). */
  promotedFrom: OptionalString,
  /** Amazon Translate's translations by target language, beside the original text (shared/store/translations.ts). */
  machineTranslations: z.optional(z.record(z.string(), MachineTranslation)),
  /** Epoch seconds: a dismissed tip's retention expiry (DynamoDB TTL). */
  expiresAt: OptionalNumber,
});
export type StoredTip = z.infer<typeof StoredTip>;

/** What a queue index holds of a tip (its keys and narrow projection, shared/resources.ts). */
export const QueueIndexEntry = z.looseObject({
  tipId: z.string(),
  objectId: z.string(),
  queue: z.string(),
  confidence: NullableNumber,
  status: StoredStatus,
  submittedAt: z.string(),
});
export type QueueIndexEntry = z.infer<typeof QueueIndexEntry>;

/** What the byObject index holds of a decided tip. */
export const ObjectIndexEntry = z.looseObject({
  tipId: z.string(),
  tallyObjectId: z.string(),
  queue: OptionalString,
  country: NullableString,
  confidence: NullableNumber,
  status: StoredStatus,
  duplicateOf: NullableString,
  submittedAt: z.string(),
});
export type ObjectIndexEntry = z.infer<typeof ObjectIndexEntry>;

/** A duplicate as the byCluster index holds it (only duplicates carry `clusterId`). */
export const ClusterMember = z.looseObject({
  tipId: z.string(),
  clusterId: z.string(),
  submittedAt: z.string(),
  duplicateOf: NullableString,
  similarity: OptionalNumber,
});
export type ClusterMember = z.infer<typeof ClusterMember>;

/**
 * A counter item of the Aggregates table, one shard (shared/store/aggregates.ts,
 * shared/tips/counters.ts): numeric attributes ADDed by the pipeline and
 * triage, plus the strongest tip seen, kept on shard 0.
 */
export const StoredCounter = z.catchall(
  z.object({
    pk: z.string(),
    sk: z.string(),
    maxConfidence: OptionalNumber,
    strongestTipId: OptionalString,
  }),
  z.number(),
);
export type StoredCounter = z.infer<typeof StoredCounter>;

/** The classified country of a stored tip (null: the classifier abstained, or has not run). */
export const classifiedCountry = (tip: Pick<StoredTip, 'country'>): string | null => tip.country ?? null;

/**
 * Maps a stored item through its schema. A malformed item is a writer's bug:
 * it fails loudly here, with the record and field named, rather than as an
 * undefined deep in a handler.
 */
export function parseStored<S extends z.core.$ZodType>(schema: S, item: unknown, what: string): z.infer<S> {
  const result = z.safeParse(schema, item);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => issue.path.join('.') || '(item)').join(', ');
  throw new Error(`Stored ${what} does not match its schema: ${fields}`);
}

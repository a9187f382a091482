/**
 * The answers of the routes whose bodies no handler parses: the investigator
 * API's views (a queue page's item, an object's tally, the overview, a search
 * hit, a translation, an upload form). The OpenAPI document describes them
 * (shared/api/openapi.ts) and the web app takes its types from them
 * (`import type`, so no zod reaches the browser bundles).
 *
 * Kept apart from ./api.ts, which the Lambdas import to parse requests:
 * a module's schemas are built when it loads, so these stay out of the
 * function bundles, as JSON Schema generation does.
 */
import './zod-config.ts';
import * as z from 'zod/mini';
import { CandidateSchema, EvidenceSchema } from '../geo/schema.ts';
import { PhotoMetadata } from '../media/schema.ts';
import { UploadForm } from './api.ts';
import { QueueName, TipId } from './common.ts';
import { StoredMessage } from './messages.ts';
import { TipObject } from './object.ts';
import { QueueItem, TriageStatus } from './tip.ts';
import { AuditEntry, ClusterMember, StoredTip } from './stored.ts';
import { MachineTranslation, TRANSLATION_FAILURES } from './translation.ts';

/** A queue page's item: the tip and how many duplicates its cluster holds (GET /investigator/queues/{country}). */
export const QueuePageItem = z.extend(QueueItem, { duplicates: z.number().check(z.int(), z.gte(0)) });
export type QueuePageItem = z.infer<typeof QueuePageItem>;

const StatusCounts = z.partialRecord(TriageStatus, z.number());

/** One country's share of an object's tips (GET /investigator/objects/{objectId}/summary). */
export const CountryTally = z.object({
  country: QueueName,
  tips: z.number(),
  /** Tips with their duplicates: the people who wrote. */
  people: z.number(),
  meanConfidence: z.number(),
  maxConfidence: z.number(),
  /** null for a country outside the caller's groups (the tally is shown, the evidence is not). */
  strongestTipId: z.nullable(z.string()),
  strongestEvidence: z.array(EvidenceSchema),
  byStatus: StatusCounts,
});
export type CountryTally = z.infer<typeof CountryTally>;

export const ObjectSummary = z.object({ objectId: z.string(), distinctTips: z.number(), duplicates: z.number(), countries: z.array(CountryTally) });
export type ObjectSummary = z.infer<typeof ObjectSummary>;

/** Tips per queue the caller may open (GET /investigator/overview). */
export const OverviewItem = z.object({ country: QueueName, total: z.number(), byStatus: z.record(TriageStatus, z.number()), unreadReplies: z.number() });
export type OverviewItem = z.infer<typeof OverviewItem>;
export const Overview = z.object({ items: z.array(OverviewItem) });

/** A search hit (GET /investigator/search): `country` is the queue that decides who sees it. */
export const SearchHit = z.object({
  tipId: TipId,
  objectId: z.string(),
  text: z.string(),
  country: QueueName,
  confidence: z.nullable(z.number()),
  submittedAt: z.string(),
  status: TriageStatus,
  duplicateOf: z.nullable(z.string()),
});
export type SearchHit = z.infer<typeof SearchHit>;
export const SearchResult = z.object({ items: z.array(SearchHit), complete: z.boolean() });

/** POST /investigator/tips/{tipId}/translate: the kept translation, or why there is none (the tip is unchanged either way). */
export const TranslateAnswer = z.union([
  z.object({ tipId: z.string(), target: z.string(), status: z.literal('translated'), translation: MachineTranslation, stored: z.boolean() }),
  z.object({ tipId: z.string(), target: z.string(), status: z.literal('failed'), reason: z.enum(TRANSLATION_FAILURES) }),
]);
export type TranslateAnswer = z.infer<typeof TranslateAnswer>;

/** A message as investigators read it: the stored one without its tip id. */
export const ConversationMessage = z.omit(StoredMessage, { tipId: true });
export type ConversationMessage = z.infer<typeof ConversationMessage>;

/** An upload form for an object's picture: the presigned POST, its size limit and the type it pins. */
export const ImageUpload = z.extend(UploadForm, { maxBytes: z.number(), contentType: z.string() });
export type ImageUpload = z.infer<typeof ImageUpload>;

export const NewObjectAnswer = z.object({ object: TipObject, upload: ImageUpload });

/**
 * What an investigator sees of one attachment: never the original's link, only the viewing copy's
 * (shared/store/attachment-media.ts). A file with no viewing copy (a PDF pdf-lib could not re-write,
 * or one processed before PDFs had copies) is `original-only`: no link at all, since its metadata
 * may name the tipster; a coordinator can still download the original, audited.
 */
export const AttachmentView = z.object({
  index: z.number(),
  type: z.nullable(z.string()),
  size: z.number(),
  /** SHA-256 of the original as uploaded (also in the audit trail). */
  sha256: z.string(),
  /** `shown`, or why not: the scan has not cleared it, it was refused, not uploaded yet, or it has no metadata-free copy. */
  status: z.enum(['shown', 'scan-pending', 'threat', 'refused', 'awaiting', 'original-only']),
  /** `not scanned (local stack)`, `clean`, … for the console's label. */
  scan: z.string(),
  refused: z.optional(z.string()),
  preview: z.optional(z.object({ url: z.string(), contentType: z.string(), width: z.optional(z.number()), height: z.optional(z.number()) })),
  /** The photo's own metadata (EXIF), labelled as such. */
  photo: z.optional(z.extend(PhotoMetadata, { label: z.string() })),
  pdfTextChars: z.optional(z.number()),
});
export type AttachmentView = z.infer<typeof AttachmentView>;

/** The first attachment as the console read it before issue 15: the viewing copy's link, or why there is none. */
export const FirstAttachment = z.union([
  z.object({ url: z.string(), contentType: z.string(), size: z.optional(z.number()), status: z.optional(z.string()) }),
  z.object({ missing: z.literal(true) }),
  z.object({ processing: z.literal(true) }),
  z.object({ status: z.string() }),
]);
export type FirstAttachment = z.infer<typeof FirstAttachment>;

/**
 * A tip as investigators see it (PATCH, claim and release answer this): the
 * stored tip without the receipt's traces, the hash of its text, the index
 * keys and the originals' keys; the latest audit entries, and how many
 * older ones the history route reads.
 */
export const TipView = z.extend(z.omit(StoredTip, { receipt: true, receiptHash: true, textSha256: true, attachmentKeys: true, conversationTips: true }), {
  candidates: z.optional(z.array(CandidateSchema)),
  history: z.array(AuditEntry),
  historyArchived: z.number(),
  unreadReply: z.boolean(),
  /** The duplicates whose tipsters wrote, each read on its own page. */
  conversationTips: z.array(z.string()),
});
export type TipView = z.infer<typeof TipView>;

/** GET /investigator/tips/{tipId}: the view, its cluster, attachments and conversation. */
export const TipDetail = z.extend(TipView, {
  /** Of the cluster's first tip; 0 on a duplicate's page. */
  duplicates: z.number(),
  /** The first tip, then its duplicates. */
  cluster: z.array(z.union([z.object({ tipId: z.string(), duplicateOf: z.null() }), ClusterMember])),
  attachment: z.optional(FirstAttachment),
  attachments: z.array(AttachmentView),
  messages: z.array(ConversationMessage),
});
export type TipDetail = z.infer<typeof TipDetail>;

/** POST /investigator/tips/{tipId}/attachments/{index}/original: an audited 15-minute link. */
export const OriginalLink = z.object({ url: z.string(), sha256: z.string(), expiresInSeconds: z.number() });

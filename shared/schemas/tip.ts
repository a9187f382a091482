import './zod-config.ts';
import * as z from 'zod/mini';
import { limits } from '../resources.ts';
import { ATTACHMENT_KEY_PATTERN, IsoTime, ObjectId, QueueName, TipId } from './common.ts';
import { TRIAGE_STATUSES } from '../tips/transitions.ts';

/** Characters that are invisible yet count as "text"; a tip of only these is empty. */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

/** An unpaired UTF-16 surrogate: not Unicode text, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text as it will be kept: unpaired surrogates (which JSON can smuggle in
 * as "\ud800") become U+FFFD, as invalid UTF-8 bytes already do when the body
 * is decoded, so the evidence copy, its hash and the queued tip all agree
 * with what DynamoDB stores. Then trimmed.
 */
export const keptText = (value: string): string => value.replace(LONE_SURROGATE, '\uFFFD').trim();

const AttachmentKey = z.string().check(z.regex(ATTACHMENT_KEY_PATTERN, 'must be the attachmentKey returned by POST /tips/attachments'));

/** A tip's attachment keys in order: `attachmentKey` (the one-file form) first, then `attachmentKeys`. */
export function attachmentKeysOf(tip: { readonly attachmentKey?: string | undefined; readonly attachmentKeys?: readonly string[] | undefined }): string[] {
  return [...(tip.attachmentKey === undefined ? [] : [tip.attachmentKey]), ...(tip.attachmentKeys ?? [])];
}

/** What the public sends to POST /tips (JSON or form-encoded). */
export const SubmitTipRequest = z.object({
  objectId: ObjectId,
  text: z
    // The raw string's bound is the body's: a size guard the API Gateway model repeats (shared/api/openapi.ts).
    .pipe(z.string().check(z.maxLength(limits.maxBodyBytes)), z.transform(keptText))
    .check(
      z.refine((value: string) => value.replace(INVISIBLE, '').length > 0, 'must not be empty'),
      z.refine((value: string) => [...value].length <= limits.maxTipChars, `must be at most ${limits.maxTipChars} characters`),
    ),
  language: z.optional(
    z
      .string()
      .check(
        z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "pt-BR"'),
        z.maxLength(35),
      ),
  ),
  /**
   * Honeypot: the form has a hidden `website` field that people never see or
   * fill. A non-empty value marks a bot; it gets an ordinary-looking 202 and
   * nothing is stored (shared/tips/submit.ts).
   */
  website: z.optional(z.string().check(z.maxLength(limits.maxHoneypotChars))),
  /** The key POST /tips/attachments returned, once the file is uploaded. */
  attachmentKey: z.optional(AttachmentKey),
  /** Up to `limits.maxAttachments` keys, each from its own POST /tips/attachments (with `attachmentKey`, counted together). */
  attachmentKeys: z.optional(
    z.array(AttachmentKey).check(z.maxLength(limits.maxAttachments, `must list at most ${limits.maxAttachments} attachments`)),
  ),
}).check(
  z.refine(
    (tip) => attachmentKeysOf(tip).length <= limits.maxAttachments,
    { message: `must list at most ${limits.maxAttachments} attachments in all`, path: ['attachmentKeys'] },
  ),
  z.refine((tip) => new Set(attachmentKeysOf(tip)).size === attachmentKeysOf(tip).length, {
    message: 'must not list the same attachment twice',
    path: ['attachmentKeys'],
  }),
);
export type SubmitTipRequest = z.infer<typeof SubmitTipRequest>;

export const SubmitTipResponse = z.object({
  tipId: TipId,
  receipt: z.string(),
});
export type SubmitTipResponse = z.infer<typeof SubmitTipResponse>;

/** Intake queue message: the accepted tip, so the consumer needs no read. */
export const IntakeMessage = z.object({
  tipId: TipId,
  objectId: ObjectId,
  text: z.string(),
  language: z.optional(z.string()),
  submittedAt: IsoTime,
  /** The tip's attachments, processed (metadata, viewing copy, hashes) before dedupe (shared/media/process.ts). */
  attachmentKeys: z.optional(z.array(z.string().check(z.regex(ATTACHMENT_KEY_PATTERN)))),
  /**
   * Set on the delayed message that looks again for attachments missing when the tip was
   * processed (shared/media/pipeline.ts): it fills them in and decides nothing again.
   */
  attachmentRecheck: z.optional(z.literal(true)),
});
export type IntakeMessage = z.infer<typeof IntakeMessage>;

/** Classify queue message: a distinct (non-duplicate) tip to locate, with the dedupe verdict to record. */
export const ClassifyMessage = z.extend(IntakeMessage, {
  dedupeReason: z.string(),
  /**
   * Set when retention promotes a duplicate whose cluster's first tip (this
   * id) expired: the classification also makes it the cluster's first tip
   * (shared/tips/expire.ts).
   */
  promotedFrom: z.optional(z.string().check(z.minLength(1))),
  /** With promotedFrom: the other duplicates the promoted tip carries (they were counted to the expired tip). */
  carried: z.optional(z.number().check(z.int(), z.gte(0))),
  /** Where the tip's photos were taken (EXIF GPS), geo evidence of kind `photo-gps` (shared/media/pipeline.ts). */
  photos: z.optional(z.array(z.object({ lat: z.number(), lon: z.number() })).check(z.maxLength(limits.maxAttachments))),
  /** Text layers of the tip's PDFs, classified with the tip's text. */
  attachmentText: z.optional(z.string().check(z.maxLength(limits.maxAttachments * limits.maxTipChars))),
});
export type ClassifyMessage = z.infer<typeof ClassifyMessage>;

export const TriageStatus = z.enum(TRIAGE_STATUSES);
export type TriageStatus = z.infer<typeof TriageStatus>;

/**
 * One item of a country queue page. `queue` is the queue the tip is routed
 * to; `country` holds the same value and is kept because clients read it
 * since the first version (it is not the classified country, which the tip
 * detail answers as `country`; see shared/schemas/stored.ts).
 */
export const QueueItem = z.object({
  tipId: TipId,
  objectId: ObjectId,
  text: z.string(),
  queue: QueueName,
  /** Deprecated alias of `queue`. */
  country: QueueName,
  /** null after a coordinator re-routed the tip to a country the classifier did not name (`confidenceReason: "manual"`). */
  confidence: z.nullable(z.number()),
  submittedAt: IsoTime,
  status: TriageStatus,
  duplicates: z.number().check(z.int()),
  /** A tipster answered and no investigator has opened the tip since (issue 14). */
  unreadReply: z.boolean(),
});
export type QueueItem = z.infer<typeof QueueItem>;

/**
 * What retention reads of a tip that has expired: the TTL stream's old image
 * on AWS, the deleted item locally. Lenient on the id's format (an item
 * written under an older id scheme must still be cleaned up, never retried forever).
 */
export const ExpiredTip = z.object({
  tipId: z.string().check(z.minLength(1)),
  objectId: z.string().check(z.minLength(1)),
  text: z.string(),
  attachmentKey: z.optional(z.string()),
  attachmentKeys: z.optional(z.array(z.string())),
  /** The processed records (shared/media/schema.ts): their viewing copies go too, their photo hashes leave the index. */
  attachments: z.optional(z.array(z.object({ viewingKey: z.optional(z.string()), dhash: z.optional(z.string()) }))),
  duplicateOf: z.optional(z.nullable(z.string())),
});
export type ExpiredTip = z.infer<typeof ExpiredTip>;

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

/** What the public sends to POST /tips (JSON or form-encoded). */
export const SubmitTipRequest = z.object({
  objectId: ObjectId,
  text: z
    .pipe(z.string(), z.transform(keptText))
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
  attachmentKey: z.optional(z.string().check(z.regex(ATTACHMENT_KEY_PATTERN, 'must be the attachmentKey returned by POST /tips/attachments'))),
});
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
});
export type ClassifyMessage = z.infer<typeof ClassifyMessage>;

export const TriageStatus = z.enum(TRIAGE_STATUSES);
export type TriageStatus = z.infer<typeof TriageStatus>;

export const QueueItem = z.object({
  tipId: TipId,
  objectId: ObjectId,
  text: z.string(),
  country: QueueName,
  /** null after a coordinator re-routed the tip to a country the classifier did not name (`confidenceReason: "manual"`). */
  confidence: z.nullable(z.number()),
  submittedAt: IsoTime,
  status: TriageStatus,
  duplicates: z.number().check(z.int()),
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
  duplicateOf: z.optional(z.nullable(z.string())),
});
export type ExpiredTip = z.infer<typeof ExpiredTip>;

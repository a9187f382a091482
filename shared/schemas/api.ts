/**
 * The request and response schemas of the HTTP API that are not records of
 * their own: path parameters, query strings and bodies the handlers parse,
 * and the shapes they answer. The handlers parse with these, and the OpenAPI
 * document and the API Gateway models are generated from them
 * (shared/api/openapi.ts), so the contract cannot drift from the code.
 */
import './zod-config.ts';
import * as z from 'zod/mini';
import { limits } from '../resources.ts';
import { LANGUAGE_TAG } from '../i18n/negotiate.ts';
import { ObjectId, QueueName, TipId } from './common.ts';
import { isFallback, ObjectStatus } from './object.ts';
import { TriageStatus } from './tip.ts';

/** Every error body: a message, and for a 400 the fields at fault. */
export const ErrorBody = z.object({
  error: z.string(),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});

const Cursor = z.optional(z.string().check(z.maxLength(2048)));
const pageLimit = (fallback: number) => z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), fallback);

export const QueueParams = z.object({ country: QueueName });
export const QueueQuery = z.object({
  limit: pageLimit(25),
  /** Valid only for the query that returned it; any other is a 400 naming `cursor`. */
  cursor: Cursor,
  sort: z._default(z.enum(['time', 'confidence']), 'time'),
  status: z.optional(TriageStatus),
  objectId: z.optional(ObjectId),
  minConfidence: z.optional(z.coerce.number().check(z.gte(0), z.lte(1))),
});
export type QueueQuery = z.infer<typeof QueueQuery>;

export const TipParams = z.object({ tipId: TipId });
export const AttachmentParams = z.object({ tipId: TipId, index: z.coerce.number().check(z.int(), z.gte(0), z.lt(limits.maxAttachments)) });
export const HistoryQuery = z.object({ limit: pageLimit(50), cursor: Cursor });
export const ObjectParams = z.object({ objectId: ObjectId });

export const ExportQuery = z
  .object({ country: z.optional(QueueName), objectId: z.optional(ObjectId), format: z._default(z.enum(['csv', 'jsonl']), 'csv') })
  .check(
    z.refine((query) => query.country !== undefined || query.objectId !== undefined, {
      message: 'country or objectId is required',
      path: ['country'],
    }),
  );

export const NewObject = z.object({
  objectId: z.optional(ObjectId),
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  description: z._default(z.string().check(z.trim(), z.maxLength(2000)), ''),
  /** The image's type, pinned in its upload policy: JPEG, PNG or WebP only (never SVG). */
  imageContentType: z._default(z.enum(limits.imageTypes), 'image/jpeg'),
});

const LanguageTag = z.string().check(z.maxLength(35), z.regex(LANGUAGE_TAG, 'must be a language tag such as "pl" or "pt-BR"'));

/**
 * PATCH /investigator/objects/{objectId}: a lifecycle step (shared/objects/lifecycle.ts) and/or the
 * texts of one language. Without `lang` (or with `en`) title and description are the English texts
 * every language falls back to; with another `lang` they are that language's pair (a title is needed).
 */
export const ObjectChange = z
  .strictObject({
    status: z.optional(ObjectStatus),
    lang: z.optional(LanguageTag),
    title: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
    description: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  })
  .check(
    z.refine((change) => change.lang === undefined || isFallback(change.lang) || change.title !== undefined, {
      message: 'is required with a lang other than English (a translation is a title and a description)',
      path: ['title'],
    }),
    z.refine((change) => change.lang === undefined || change.title !== undefined || change.description !== undefined, {
      message: 'lang needs a title or a description to write',
      path: ['lang'],
    }),
  );

/** POST /investigator/objects/{objectId}/image: a new upload form for the object's picture. */
export const ObjectImageRequest = z.strictObject({ contentType: z.enum(limits.imageTypes) });

/**
 * POST /investigator/tips/{tipId}/translate: the language the investigator reads, and optionally
 * the language the tip is in when the investigator knows better than the tip's declared or
 * detected language (shared/tips/translation.ts sourceLanguageFor).
 */
export const TranslateTipRequest = z.strictObject({ target: LanguageTag, source: z.optional(LanguageTag) });

/** POST /tips/attachments. */
export const AttachmentRequest = z.object({
  contentType: z.enum(limits.attachmentTypes),
  size: z.number().check(z.int(), z.minimum(1), z.maximum(limits.maxAttachmentBytes, `must be at most ${limits.maxAttachmentBytes} bytes`)),
});

/** GET /objects: `?lang=` before Accept-Language. */
/** A day (`2026-12-03`) or a second (`2026-12-03T10:00:00Z`), UTC. */
const DAY_OR_SECOND = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}Z)?$/;
const DayOrSecond = z.optional(z.string().check(z.regex(DAY_OR_SECOND, 'must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ')));
/** GET /investigator/search: words (or a tip id), narrowed by queue, object and a UTC date range. */
export const SearchQuery = z.object({
  q: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  country: z.optional(QueueName),
  objectId: z.optional(ObjectId),
  from: DayOrSecond,
  to: DayOrSecond,
  limit: pageLimit(25),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const ObjectsQuery = z.object({ lang: z.optional(z.string().check(z.regex(LANGUAGE_TAG, 'must be a language tag such as "pl" or "pt-BR"'))) });

/** A presigned S3 POST: the form's URL and the fields to send with the file. */
export const UploadForm = z.object({ url: z.string(), fields: z.record(z.string(), z.string()) });
export type UploadForm = z.infer<typeof UploadForm>;

export const AttachmentUpload = z.object({
  attachmentKey: z.string(),
  upload: UploadForm,
  maxBytes: z.number(),
  expiresInSeconds: z.number(),
});
export type AttachmentUpload = z.infer<typeof AttachmentUpload>;

export const Challenge = z.object({ challenge: z.nullable(z.string()), difficulty: z.number(), expiresAt: z.nullable(z.string()) });

/** An answer this document does not detail field by field (the README's HTTP API section does). */
export const AnyObject = z.looseObject({});

import './zod-config.ts';
import * as z from 'zod/mini';

export const CountryCode = z
  .string()
  .check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "PT"'));

/** A routing queue: a country code, or `unrouted` for tips the classifier abstained on. */
export const QueueName = z.union([CountryCode, z.literal('unrouted')]);
export type QueueName = z.infer<typeof QueueName>;

export const ObjectId = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may contain only letters, digits, ".", "_" and "-"'),
  );

/** Keys of tip attachments, minted by POST /tips/attachments (shared/attachment-keys.ts checks the mac). */
export const ATTACHMENT_KEY_PATTERN = /^attachments\/\d{4}-\d{2}-\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[0-9a-f]{32}$/;

/** 26 Crockford base32 characters (shared/ids.ts); also the tail of the queue indexes' sort keys. */
export const TIP_ID_SOURCE = '[0-9A-HJKMNP-TV-Z]{26}';
export const TipId = z.string().check(z.regex(new RegExp(`^${TIP_ID_SOURCE}$`), 'must be a tip id'));

export const IsoTime = z.string().check(z.minLength(20), z.maxLength(30));

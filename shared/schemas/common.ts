import * as z from 'zod';

export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "PT"');

/** A routing queue: a country code, or `unrouted` for tips the classifier abstained on. */
export const QueueName = z.union([CountryCode, z.literal('unrouted')]);
export type QueueName = z.infer<typeof QueueName>;

export const ObjectId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'may contain only letters, digits, ".", "_" and "-"');

export const TipId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a tip id');

export const IsoTime = z.string().min(20).max(30);

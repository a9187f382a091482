import { createHash, randomBytes } from 'node:crypto';

/** Crockford base32: 26 characters of it hold 130 bits, the shape tip ids have always had. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIP_ID_LENGTH = 26;

/** 26 Crockford characters from 26 bytes; 256 is a multiple of 32, so every character is uniform. */
function crockford(bytes: Uint8Array): string {
  let id = '';
  for (let i = 0; i < TIP_ID_LENGTH; i += 1) id += CROCKFORD[(bytes[i] ?? 0) % 32];
  return id;
}

/**
 * A random tip id (130 bits). Deliberately not time-ordered: a ULID or UUIDv7
 * would carry the submission time to the millisecond, finer than the second
 * the README promises. The queue indexes sort by `submittedAt` instead.
 */
export function newTipId(): string {
  return crockford(randomBytes(TIP_ID_LENGTH));
}

/** A coordinator's new object without a chosen id: random too, so the id does not date its creation to the millisecond. */
export function newObjectId(): string {
  return `obj-${crockford(randomBytes(TIP_ID_LENGTH)).slice(0, 12).toLowerCase()}`;
}

/**
 * The tip id for a submission carrying an Idempotency-Key: the same key always
 * names the same tip, so the evidence copy's conditional put detects a retry.
 * Same alphabet and length as a random id; the key itself is never stored.
 */
export function tipIdForKey(idempotencyKey: string): string {
  return crockford(createHash('sha256').update(`idempotency:${idempotencyKey}`).digest());
}

/** Seconds precision on purpose: a finer time could help re-identify a tipster. */
export function isoSecond(now: number = Date.now()): string {
  return new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

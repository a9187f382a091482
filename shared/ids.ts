import { createHash } from 'node:crypto';
import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** Time-ordered, so tips sort by arrival without a separate timestamp key. */
export function newTipId(now: number = Date.now()): string {
  return nextUlid(now);
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The tip id for a submission carrying an Idempotency-Key: the same key always
 * names the same tip, so the evidence copy's conditional put detects a retry.
 * Same alphabet and length as a ULID; the key itself is never stored.
 */
export function tipIdForKey(idempotencyKey: string): string {
  const digest = createHash('sha256').update(`idempotency:${idempotencyKey}`).digest();
  let id = '';
  for (let i = 0; i < 26; i += 1) id += CROCKFORD[(digest[i] ?? 0) % 32];
  return id;
}

const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A short code a tipster can quote back ("TL-7Q4M-KX2P"). Derived from the
 * tip id so nothing extra is stored, and carries no information about them.
 */
export function receiptFor(tipId: string): string {
  const digest = createHash('sha256').update(`receipt:${tipId}`).digest();
  let code = '';
  for (let i = 0; i < 8; i += 1) {
    code += RECEIPT_ALPHABET[(digest[i] ?? 0) % RECEIPT_ALPHABET.length];
  }
  return `TL-${code.slice(0, 4)}-${code.slice(4)}`;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Seconds precision on purpose: a finer time could help re-identify a tipster. */
export function isoSecond(now: number = Date.now()): string {
  return new Date(Math.floor(now / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

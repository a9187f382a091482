import { createHmac, randomBytes } from 'node:crypto';

/**
 * Receipts (issue 14): the one secret a tipster holds, and the only way back to
 * their tip. 80 bits from the CSPRNG, written in Crockford base32 as four
 * groups of four after a `TL-` prefix (`TL-7Q4M-KX2P-9D3F-WH0B`), so a person
 * can copy it from paper or read it out on the phone.
 *
 * Nothing stores a receipt: the Tips table keeps only its HMAC-SHA-256 under
 * RECEIPT_KEY_SECRET (Secrets Manager on AWS, random per start locally), so a
 * dump of the tables reveals no receipt, and none can be computed from a tip id.
 * A plain HMAC is enough as the "slow hash": with 80 random bits there is no
 * dictionary to try, and without the key not even one guess can be checked offline.
 */

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 16 characters of 5 bits each. */
export const RECEIPT_BITS = 80;
const RECEIPT_CHARS = RECEIPT_BITS / 5;
const PREFIX = 'TL';

/** 16 Crockford characters from the first 10 bytes (exactly 80 bits, so every character is uniform). */
function encode(bytes: Uint8Array): string {
  let value = 0n;
  for (let i = 0; i < RECEIPT_BITS / 8; i += 1) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  let body = '';
  for (let i = RECEIPT_CHARS - 1; i >= 0; i -= 1) body += CROCKFORD[Number((value >> BigInt(i * 5)) & 31n)];
  return body;
}

/** `TL-` and the 16 characters in groups of four. */
export function formatReceipt(body: string): string {
  return `${PREFIX}-${body.match(/.{4}/g)!.join('-')}`;
}

/** A new receipt, from the CSPRNG. The honeypot's decoy uses this too, so a bot cannot tell it from a real one. */
export function newReceipt(): string {
  return formatReceipt(encode(randomBytes(RECEIPT_BITS / 8)));
}

/**
 * The receipt of a submission carrying an Idempotency-Key: a retry must show the
 * same receipt, and no receipt is stored to repeat, so it is derived from the key
 * under the secret. The key is the tipster's own random value and is never
 * stored either (shared/ids.ts tipIdForKey hashes it into the tip id one-way),
 * so the receipt still follows from nothing anyone else holds.
 */
export function receiptForKey(secret: string, idempotencyKey: string): string {
  return formatReceipt(encode(createHmac('sha256', secret).update(`receipt-for-key:${idempotencyKey}`).digest()));
}

/** Crockford's decoding: case does not matter, I and L read as 1, O as 0; dashes and spaces are only for reading. */
const CONFUSABLES: Record<string, string> = { I: '1', L: '1', O: '0' };
const SEPARATORS = /[\s\-_.\u2010-\u2015\u2212]/gu;

/**
 * The 16 canonical characters of a receipt as a person may type it back (any
 * case, with or without `TL-`, dashes or spaces, I/L for 1, O for 0), or null
 * when it cannot be one. The prefix goes first, before its L could read as a 1.
 */
export function parseReceipt(input: string): string | null {
  if (input.length > 64) return null;
  let compact = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  if (compact.length === RECEIPT_CHARS + PREFIX.length && compact.startsWith(PREFIX)) compact = compact.slice(PREFIX.length);
  if (compact.length !== RECEIPT_CHARS) return null;
  let body = '';
  for (const char of compact) {
    const mapped = CONFUSABLES[char] ?? char;
    if (!CROCKFORD.includes(mapped)) return null;
    body += mapped;
  }
  return body;
}

/**
 * What the Tips table keeps of a receipt (the `byReceipt` index key): an
 * HMAC-SHA-256 of its canonical characters, so any way of typing it finds the tip.
 */
export function receiptHash(secret: string, canonicalBody: string): string {
  return createHmac('sha256', secret).update(`receipt:${canonicalBody}`).digest('base64url');
}

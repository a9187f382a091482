import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * Attachment keys that only POST /tips/attachments can mint, so a tip can
 * carry no key the endpoint did not issue (issue 19): `attachments/<day>/<uuid>.<mac>`,
 * the mac an HMAC-SHA-256 (first 128 bits, hex) of the day and uuid under
 * ATTACHMENT_KEY_SECRET, which the attachments and submit functions share.
 * Stateless, so the attachments function needs no table; binding a key to one
 * tip is the submit function's conditional write (shared/store/idempotency.ts).
 * The day (UTC) is the only time in a key, as in the S3 prefix before.
 */

/** A key can be bound to a tip on the day it was issued and the next (a form started just before midnight). */
export const ATTACHMENT_KEY_DAYS = 2;
const DAY_MS = 86_400_000;

function mac(secret: string, day: string, id: string): string {
  return createHmac('sha256', secret).update(`attachment:${day}/${id}`).digest('hex').slice(0, 32);
}

export function mintAttachmentKey(secret: string, now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  const id = randomUUID();
  return `attachments/${day}/${id}.${mac(secret, day, id)}`;
}

export type AttachmentKeyVerdict =
  | { readonly ok: true; /** Epoch seconds after which the key can no longer be bound (its claim may then expire). */ readonly usableUntil: number }
  | { readonly ok: false; readonly reason: 'not issued' | 'expired' };

const KEY = /^attachments\/(\d{4}-\d{2}-\d{2})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([0-9a-f]{32})$/;

export function verifyAttachmentKey(secret: string, key: string, now: number = Date.now()): AttachmentKeyVerdict {
  const match = KEY.exec(key);
  if (match === null) return { ok: false, reason: 'not issued' };
  const [, day, id, given] = match as unknown as [string, string, string, string];
  if (!timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(mac(secret, day, id), 'hex'))) return { ok: false, reason: 'not issued' };
  const issuedDay = Date.parse(`${day}T00:00:00Z`);
  const usableUntil = issuedDay + ATTACHMENT_KEY_DAYS * DAY_MS;
  // A day ahead is clock skew between two functions at most; more is not ours.
  if (Number.isNaN(issuedDay) || now >= usableUntil || issuedDay > now + DAY_MS) return { ok: false, reason: 'expired' };
  return { ok: true, usableUntil: Math.floor(usableUntil / 1000) };
}

/**
 * Optional proof-of-work for POST /tips: a cost for bulk submitters that asks
 * nothing of a tipster's identity.
 *
 * The server hands out a stateless challenge, `<random>.<expiry>.<hmac>`
 * (base64url random, expiry in epoch seconds, HMAC-SHA-256 over both with a
 * server secret). The client finds a nonce such that
 * SHA-256(`${challenge}:${nonce}`) starts with `difficulty` zero bits and
 * sends `X-Tipline-Pow: <challenge>:<nonce>`. The server checks the
 * signature, the expiry and the difficulty here; single use is the caller's
 * job (a conditional put of `challengeHash` with a TTL).
 *
 * Only WebCrypto (`globalThis.crypto`) is used, so `solve` runs unchanged in
 * the browser form and in Node.
 */

export const POW_HEADER = 'X-Tipline-Pow';
/** How long a challenge can be used. */
export const CHALLENGE_TTL_SECONDS = 5 * 60;
/** Above this a phone would spend minutes; refuse such a configuration. */
export const MAX_DIFFICULTY = 32;

export interface Challenge {
  readonly challenge: string;
  readonly difficulty: number;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

async function hmac(secret: string, text: string): Promise<string> {
  const key = await globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return base64url(new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(text))));
}

/** Number of leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Constant-time string comparison (both are base64url HMACs of known length). */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let index = 0; index < a.length; index += 1) diff |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return diff === 0;
}

export async function issueChallenge(secret: string, difficulty: number, nowMs: number = Date.now()): Promise<Challenge> {
  const random = base64url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
  const expiresAt = Math.floor(nowMs / 1000) + CHALLENGE_TTL_SECONDS;
  const payload = `${random}.${expiresAt}.${difficulty}`;
  return { challenge: `${payload}.${await hmac(secret, payload)}`, difficulty, expiresAt };
}

/**
 * Finds a nonce for `challenge` (isomorphic: browser and Node). Yields to the
 * event loop every `yieldEvery` attempts so a page stays responsive; an
 * aborted signal stops the search.
 */
export async function solve(
  challenge: string,
  difficulty: number,
  options: { signal?: AbortSignal; yieldEvery?: number } = {},
): Promise<string> {
  const yieldEvery = options.yieldEvery ?? 2048;
  for (let nonce = 0; ; nonce += 1) {
    if (nonce % yieldEvery === 0 && nonce > 0) {
      if (options.signal?.aborted === true) throw new Error('proof of work aborted');
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const candidate = nonce.toString(36);
    if (leadingZeroBits(await sha256(`${challenge}:${candidate}`)) >= difficulty) return candidate;
  }
}

/** The value of the X-Tipline-Pow header for a solved challenge. */
export const powHeaderValue = (challenge: string, nonce: string): string => `${challenge}:${nonce}`;

export type PowVerdict =
  | { readonly ok: true; readonly challengeHash: string; readonly expiresAt: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Checks a header value: shape, signature, expiry, and that the challenge was
 * issued for at least `difficulty` bits and the nonce meets it. Does not check
 * single use.
 */
export async function verifyPow(header: string | undefined, secret: string, difficulty: number, nowMs: number = Date.now()): Promise<PowVerdict> {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'is required' };
  if (header.length > 512) return { ok: false, reason: 'is malformed' };
  const separator = header.lastIndexOf(':');
  if (separator <= 0) return { ok: false, reason: 'is malformed' };
  const challenge = header.slice(0, separator);
  const nonce = header.slice(separator + 1);
  if (!/^[0-9a-z]{1,16}$/.test(nonce)) return { ok: false, reason: 'has a malformed nonce' };
  const parts = challenge.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'is malformed' };
  const [random, expiry, issuedDifficulty, signature] = parts as [string, string, string, string];
  if (!/^\d{1,12}$/.test(expiry) || !/^\d{1,2}$/.test(issuedDifficulty)) return { ok: false, reason: 'is malformed' };
  if (!sameText(signature, await hmac(secret, `${random}.${expiry}.${issuedDifficulty}`))) {
    return { ok: false, reason: 'has an invalid signature' };
  }
  const expiresAt = Number(expiry);
  if (expiresAt * 1000 < nowMs) return { ok: false, reason: 'has expired; fetch a new challenge' };
  if (Number(issuedDifficulty) < difficulty) return { ok: false, reason: 'was issued for a lower difficulty' };
  if (leadingZeroBits(await sha256(`${challenge}:${nonce}`)) < difficulty) {
    return { ok: false, reason: 'does not meet the difficulty' };
  }
  return { ok: true, challengeHash: base64url(await sha256(challenge)), expiresAt };
}

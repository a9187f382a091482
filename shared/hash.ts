/**
 * The hash helpers, defined once: SHA-256 as hex (the exact-duplicate key of a
 * normalised tip, the stored text digest, the idempotent request's hash) and
 * a fast non-cryptographic 32-bit hash for MinHash and sampling.
 */
import { createHash } from 'node:crypto';

/** SHA-256 of the UTF-8 bytes of `text`, lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}


/** FNV-1a over UTF-16 code units, finished with the murmur3 mixer. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const hex32 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

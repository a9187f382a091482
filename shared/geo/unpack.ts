/**
 * Decoder for the line tables compiled by scripts/geo-data/ (brands, currencies, stopwords):
 * base64(raw deflate(lines joined by '\n')); a line is `key\tvalue…`. Decoded lazily by callers.
 */
import { Buffer } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';

export function unpackLines(data: string): string[] {
  if (data === '') return [];
  return inflateRawSync(Buffer.from(data, 'base64')).toString('utf8').split('\n');
}

/** `CC:share,CC:share` (whole percent) → Map of shares in 0..1. */
export function decodePrior(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of s.split(',')) {
    if (part.length < 4) continue;
    out.set(part.slice(0, 2), Number(part.slice(3)) / 100);
  }
  return out;
}

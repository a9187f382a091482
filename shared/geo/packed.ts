/**
 * Decoder for the packed gazetteer (format 2, written by
 * scripts/build-gazetteer.ts; see the format description there).
 * Kept apart from gazetteer.ts so the build script can round-trip-check its
 * output without importing the generated file.
 *
 * Decoding is one native base64 + inflate/Brotli + UTF-8 pass giving one string of
 * '\n'-terminated sorted keys, and one indexOf loop recording key offsets:
 * no per-key strings or Map entries are created at cold start; lookups
 * binary-search the string. (Front-coding the keys would save ~0.1 MB of
 * bundle but costs 10-20 ms of cold-start JavaScript to expand; Brotli
 * already removes most of the shared-prefix redundancy.)
 */
import { Buffer } from 'node:buffer';
import { brotliDecompressSync, inflateRawSync } from 'node:zlib';

export const GAZ_TYPES = 'ckrpa';
export type EntryType = 'c' | 'k' | 'r' | 'p' | 'a';
export interface GazEntry {
  cc: string;
  type: EntryType;
  /** round(2*log10(population)); 25 for countries and regions */
  bucket: number;
}

/** One independently decodable part of the gazetteer. */
export interface PackedPart {
  /** 'deflate' (raw deflate: faster to decode, for the eager part) or 'brotli' (smaller). */
  codec: 'deflate' | 'brotli';
  /** True if all keys are ASCII (decoded as latin1, a plain copy). */
  asciiOnly: boolean;
  keys: number;
  entries: number;
  keyBytes: number;
  data: string;
}

export interface PackedGazetteer {
  version: number;
  /** 2-letter codes concatenated; entries refer to them by index. */
  countries: string;
  /** Keys whose first word is plain ASCII (a-z, 0-9): decoded at import. */
  ascii: PackedPart;
  /** All other keys (Cyrillic, Greek, Arabic, CJK…): decoded on first use. */
  other: PackedPart;
}

/** Which part a key (or a key's first word) belongs to. */
export function isAsciiFirstWord(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 32) return true;
    if (c > 127) return false;
  }
  return true;
}

export function splitCountries(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += 2) out.push(s.slice(i, i + 2));
  return out;
}

export interface DecodedGazetteer {
  count: number;
  /** All keys, each followed by '\n'. */
  data: string;
  /** Start of key i in `data`; keyOff[count] = data.length. */
  keyOff: Int32Array;
  /** Entries of key i are entOff[i] .. entOff[i+1]-1. */
  entOff: Int32Array;
  cc: Uint8Array;
  tb: Uint8Array;
  countries: string[];
  keyAt(i: number): string;
  entriesAt(i: number): GazEntry[];
}

export function decodePart(p: PackedPart, countries: string[]): DecodedGazetteer {
  const packed = Buffer.from(p.data, 'base64');
  // One output chunk of the exact size: no chunk list + concatenation.
  const chunkSize = Math.max(64 * 1024, p.keyBytes + p.keys + 2 * p.entries);
  const buf = p.codec === 'deflate' ? inflateRawSync(packed, { chunkSize }) : brotliDecompressSync(packed, { chunkSize });
  const data = buf.toString(p.asciiOnly ? 'latin1' : 'utf8', 0, p.keyBytes);
  const n = p.keys;
  const keyOff = new Int32Array(n + 1);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    keyOff[i] = pos;
    pos = data.indexOf('\n', pos) + 1;
    if (pos === 0) throw new Error('gazetteer: corrupt key block');
  }
  keyOff[n] = pos;
  const E = p.entries;
  const base = p.keyBytes;
  const entOff = new Int32Array(n + 1);
  for (let i = 0, e = 0; i < n; i++) {
    entOff[i] = e;
    e += buf[base + i]!;
    entOff[i + 1] = e;
  }
  const cc = new Uint8Array(buf.subarray(base + n, base + n + E));
  const tb = new Uint8Array(buf.subarray(base + n + E, base + n + 2 * E));
  return {
    count: n,
    data,
    keyOff,
    entOff,
    cc,
    tb,
    countries,
    keyAt(i) {
      return data.slice(keyOff[i]!, keyOff[i + 1]! - 1);
    },
    entriesAt(i) {
      const list: GazEntry[] = [];
      for (let e = entOff[i]!; e < entOff[i + 1]!; e++) {
        const v = tb[e]!;
        list.push({ cc: countries[cc[e]!]!, type: GAZ_TYPES[v >> 5] as EntryType, bucket: v & 31 });
      }
      return list;
    },
  };
}

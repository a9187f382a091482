/**
 * Precomputed gazetteer (shared/geo/generated/gazetteer.json, built by
 * scripts/build-gazetteer.ts). The data is one packed string of lines
 * `key\tPAYLOAD`, sorted by key in UTF-16 code-unit order. At import we only
 * record line offsets (an Int32Array); lookups binary-search the string, so
 * cold start does not build a 150k-entry Map.
 */
import gaz from './generated/gazetteer.json' with { type: 'json' };

export type EntryType = 'c' | 'k' | 'r' | 'p' | 'a';
export interface GazEntry {
  cc: string;
  type: EntryType;
  /** round(2*log10(population)); 25 for countries and regions */
  bucket: number;
}

const data: string = (gaz as { data: string }).data;
const offsets: Int32Array = (() => {
  const count = (gaz as { keys: number }).keys;
  const arr = new Int32Array(count + 1);
  let n = 0;
  let pos = 0;
  while (pos < data.length && n < count) {
    arr[n++] = pos;
    const nl = data.indexOf('\n', pos);
    pos = nl < 0 ? data.length : nl + 1;
  }
  arr[n] = data.length + 1;
  return n === count ? arr : arr.slice(0, n + 1);
})();
const lineCount = offsets.length - 1;

/** Compare `key` with the key of line i: <0 key sorts before, 0 equal, >0 after. */
function cmp(key: string, i: number): number {
  let p = offsets[i]!;
  const kl = key.length;
  for (let j = 0; j < kl; j++, p++) {
    const c = data.charCodeAt(p);
    if (c === 9) return 1; // line key is a proper prefix of key
    const d = key.charCodeAt(j) - c;
    if (d !== 0) return d;
  }
  return data.charCodeAt(p) === 9 ? 0 : -1;
}

/** Index of the first line whose key is >= key. */
function lowerBound(key: string): number {
  let lo = 0;
  let hi = lineCount;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(key, mid) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const cache = new Map<string, GazEntry[] | null>();

export function lookup(key: string): GazEntry[] | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const i = lowerBound(key);
  let out: GazEntry[] | null = null;
  if (i < lineCount && cmp(key, i) === 0) {
    const start = offsets[i]! + key.length + 1;
    const end = offsets[i + 1]! - 1;
    out = [];
    for (let p = start; p + 4 <= end; p += 4) {
      out.push({ cc: data.slice(p, p + 2), type: data[p + 2] as EntryType, bucket: data.charCodeAt(p + 3) - 97 });
    }
  }
  if (cache.size > 20000) cache.clear();
  cache.set(key, out);
  return out ?? undefined;
}

export function has(key: string): boolean {
  return lookup(key) !== undefined;
}

const firstWordCache = new Map<string, boolean>();
/** True if some multi-word key starts with `word + ' '`. */
export function isFirstWord(word: string): boolean {
  const c = firstWordCache.get(word);
  if (c !== undefined) return c;
  const prefix = word + ' ';
  const i = lowerBound(prefix);
  let ok = false;
  if (i < lineCount) {
    const p = offsets[i]!;
    ok = data.startsWith(prefix, p);
  }
  if (firstWordCache.size > 20000) firstWordCache.clear();
  firstWordCache.set(word, ok);
  return ok;
}

export const gazetteerSize = lineCount;

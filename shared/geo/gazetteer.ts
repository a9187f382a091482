/**
 * Precomputed gazetteer (shared/geo/generated/gazetteer.json, built by
 * scripts/build-gazetteer.ts, decoded by packed.ts). Keys are sorted in
 * UTF-16 code-unit order in one '\n'-terminated string; lookups binary-search
 * it, so cold start builds no 150k-entry Map and no per-key strings.
 */
import gaz from './generated/gazetteer.json' with { type: 'json' };
import { decodePart, isAsciiFirstWord, splitCountries } from './packed.ts';
import { fuzzyIndexOf, nearest } from './fuzzy.ts';
import type { FuzzyIndex } from './fuzzy.ts';
import type { DecodedGazetteer, GazEntry, PackedGazetteer } from './packed.ts';

export type { EntryType, GazEntry } from './packed.ts';

const P = gaz as PackedGazetteer;
if (P.version !== 3) throw new Error(`gazetteer format ${P.version} not supported; run npm run build:geo`);
const countries = splitCountries(P.countries);
/** Keys starting with an ASCII word: needed by nearly every tip, decoded now. */
const asciiPart = decodePart(P.ascii, countries);
/** Non-Latin-script keys: decoded when the first such word is looked up. */
let otherPart: DecodedGazetteer | null = null;
const partFor = (key: string): DecodedGazetteer => (isAsciiFirstWord(key) ? asciiPart : (otherPart ??= decodePart(P.other, countries)));

/** Compare `key` with key i of part g: <0 key sorts before, 0 equal, >0 after. */
function cmp(g: DecodedGazetteer, key: string, i: number): number {
  const data = g.data;
  let p = g.keyOff[i]!;
  const kl = key.length;
  for (let j = 0; j < kl; j++, p++) {
    const c = data.charCodeAt(p);
    if (c === 10) return 1; // key i is a proper prefix of key
    const d = key.charCodeAt(j) - c;
    if (d !== 0) return d;
  }
  return data.charCodeAt(p) === 10 ? 0 : -1;
}

/** Index of the first key of part g that is >= key. */
function lowerBound(g: DecodedGazetteer, key: string): number {
  let lo = 0;
  let hi = g.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(g, key, mid) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Decoded entries of keys found. Only hits are kept: they are gazetteer keys (public names), while
 * a miss is some n-gram of a tip (a name, an address) that must not outlive the call in a warm
 * Lambda; a miss costs one binary search.
 */
const cache = new Map<string, GazEntry[]>();

export function lookup(key: string): GazEntry[] | undefined {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const g = partFor(key);
  const i = lowerBound(g, key);
  if (i >= g.count || cmp(g, key, i) !== 0) return undefined;
  const out = g.entriesAt(i);
  if (cache.size > 20000) cache.clear();
  cache.set(key, out);
  return out;
}

/** The words the caches hold (for the privacy test: only gazetteer keys, never a tip's other words). */
export function cachedWords(): string[] {
  return [...cache.keys(), ...firstWordCache];
}

export function has(key: string): boolean {
  return lookup(key) !== undefined;
}

/** First words of multi-word keys seen so far (gazetteer words only, as in `cache`). */
const firstWordCache = new Set<string>();
/** True if some multi-word key starts with `word + ' '`. */
export function isFirstWord(word: string): boolean {
  if (firstWordCache.has(word)) return true;
  const prefix = word + ' ';
  const g = partFor(word);
  const i = lowerBound(g, prefix);
  const ok = i < g.count && g.data.startsWith(prefix, g.keyOff[i]!);
  if (!ok) return false;
  if (firstWordCache.size > 20000) firstWordCache.clear();
  firstWordCache.add(word);
  return true;
}

export const gazetteerSize = P.ascii.keys + P.other.keys;

/** True if some key starts with `prefix` (substring scan of unspaced scripts). */
export function hasPrefix(prefix: string): boolean {
  const g = partFor(prefix);
  const i = lowerBound(g, prefix);
  return i < g.count && g.data.startsWith(prefix, g.keyOff[i]!);
}

/** At most this many keys are read per stem (a short common stem can open thousands). */
const STEM_SCAN = 256;

/**
 * One-word keys that are `stem` plus at most `extra` more characters, with their entries: the
 * names an inflected word form can come from when its case ending also replaced the name's own
 * last letters (a name in -ai whose locative ends in -uose). Like `lookup`, keeps no miss.
 */
export function keysExtending(stem: string, extra: number): Array<{ key: string; entries: GazEntry[] }> {
  const g = partFor(stem);
  const out: Array<{ key: string; entries: GazEntry[] }> = [];
  for (let i = lowerBound(g, stem), n = 0; i < g.count && n < STEM_SCAN && g.data.startsWith(stem, g.keyOff[i]!); i++, n++) {
    const end = g.data.indexOf('\n', g.keyOff[i]!);
    const len = end - g.keyOff[i]!;
    if (len > stem.length + extra) continue;
    const key = g.data.slice(g.keyOff[i]!, end);
    if (key.includes(' ')) continue;
    out.push({ key, entries: g.entriesAt(i) });
  }
  return out;
}

/** The only key that is `key` plus one more word, if exactly one exists ("תל אביב" → "תל אביב יפו"). */
export function uniqueOneWordExtension(key: string): string | null {
  const prefix = key + ' ';
  const g = partFor(key);
  const i = lowerBound(g, prefix);
  if (i >= g.count || !g.data.startsWith(prefix, g.keyOff[i]!)) return null;
  if (i + 1 < g.count && g.data.startsWith(prefix, g.keyOff[i + 1]!)) return null;
  const end = g.data.indexOf('\n', g.keyOff[i]!);
  const k = g.data.slice(g.keyOff[i]!, end);
  return k.includes(' ', prefix.length) ? null : k;
}

/** Typo targets by first letter and length (fuzzy.ts), built on the first typo lookup (cold start does not pay for it). */
let fuzzyIndex: FuzzyIndex | null = null;
/**
 * English words (Hunspell en_US, proper names and plurals included) a typo lookup would read as a
 * near name: "Francis" is no misspelt Francia, "Islands" no misspelt Island (Iceland); built into
 * gazetteer.json by scripts/build-gazetteer.ts.
 */
let notTypos: ReadonlySet<string> | null = null;

/**
 * The countries or big cities (≥ 1M) a misspelt word may mean: the names one
 * edit away for words of 7–9 letters ("Edinbrugh"), two for longer ones
 * ("phillipines"), with the same first letter; the closest ones only.
 */
// No memo of answers: the words that reach the typo matcher are a tip's capitalised unknown words
// (surnames, misspellings), which must not outlive the call in a warm Lambda.
export function nearNames(word: string): string[] {
  if (!/^[a-z]{7,40}$/.test(word)) return [];
  return findNearNames(word);
}

/** An English word (the Hunspell list above): no misspelt or inflected name ("Hungry", "Prices"). */
export function isEnglishWord(word: string): boolean {
  notTypos ??= new Set(((gaz as { notTypos?: string }).notTypos ?? '').split('\n'));
  return notTypos.has(word);
}

function findNearNames(word: string): string[] {
  if (isEnglishWord(word)) return [];
  fuzzyIndex ??= fuzzyIndexOf(((gaz as { fuzzy?: string }).fuzzy ?? '').split('\n'));
  return nearest(fuzzyIndex, word);
}

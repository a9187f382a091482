/**
 * Blocking keys: which index buckets a tip is filed under and looked up in.
 *
 * - A tip with numbers can only be a duplicate of a tip with the SAME
 *   numbers (see similarity.ts), so one key — a hash of that set, decimal
 *   marks ignored — finds every possible match: one chain.
 * - Otherwise MinHash over typo-tolerant features (first and last three
 *   letters of each content word and web/e-mail address) with 2 bands of
 *   2 rows: two chains; plus a third keyed by the tip's first content words (a dropped trailing
 *   clause keeps them; see chains()).
 *
 * Each chain has up to CHAIN_DEPTH levels. A bucket that fills up is marked
 * full and later tips go one level down, to a key refined by two more
 * MinHash rows, so a bucket never grows past ~1 KB while a flood of tips
 * sharing one template keeps being indexed (an LSH-forest-like split).
 */
import type { Analysis } from './analyse.ts';
import { fmix32, hash32, hex32 } from '../hash.ts';
import { FILLERS } from './lexicon.ts';
import { numberKey } from './numbers.ts';

/** Content words that key the prefix chain. */
export const PREFIX_WORDS = 3;

export const BANDS = 2;
export const ROWS = 2;
export const CHAIN_DEPTH = 3;
const AFFIX = 3;
const SEEDS = Array.from({ length: BANDS * ROWS + 2 * (CHAIN_DEPTH - 1) * BANDS }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

/**
 * Typo-tolerant features: the first three and the last three letters of each
 * content word. One typo changes at most one of the two in a word of six
 * letters or more ("neihgbour" keeps "nei" and "our"), and none when it
 * falls in the middle ("summr" → "sum", "umr": one of two lost).
 */
export function features(a: Analysis): string[] {
  const out = new Set<string>();
  const addresses = [...a.strong].filter((t) => t.startsWith('~'));
  for (const w of [...a.words.keys(), ...addresses]) {
    const cps = Array.from(w);
    out.add('<' + cps.slice(0, AFFIX).join(''));
    out.add(cps.slice(-AFFIX).join('') + '>');
  }
  return [...out];
}

export function minhash(feats: readonly string[], count: number): number[] {
  const base = feats.map((f) => hash32(f));
  const out: number[] = [];
  for (let k = 0; k < count; k++) {
    const seed = SEEDS[k]!;
    let min = 0xffffffff;
    for (const h of base) {
      const v = fmix32(h ^ seed);
      if (v < min) min = v;
    }
    out.push(min);
  }
  return out;
}

/** Each chain lists its bucket key suffixes from level 1 down. */
export type Chain = readonly string[];

export function chains(a: Analysis): Chain[] {
  const feats = features(a);
  const sig = minhash(feats, SEEDS.length);
  const rows = (from: number, n: number): string => sig.slice(from, from + n).map(hex32).join('');
  const numbers = [...new Set([...a.strong].filter((t) => t.startsWith('#')).map(numberKey))].sort().join(' ');
  if (numbers) {
    const s = hex32(hash32(numbers)) + hex32(hash32(numbers, 0x01234567));
    const chain = [`S${s}`];
    for (let d = 1; d < CHAIN_DEPTH; d++) chain.push(`S${s}.${rows(0, 2 * d)}`);
    return [chain];
  }
  if (feats.length === 0) {
    // Nothing but greetings and function words: only its exact text can match.
    return [[`X${hex32(hash32(a.hash))}`]];
  }
  const out: Chain[] = [];
  // A resubmission that drops a trailing clause keeps its opening: a third chain keyed by the first
  // PREFIX_WORDS content words (fillers skipped) finds it where MinHash, which sees a low Jaccard, may not.
  const lead = [...a.words.keys()].filter((w) => !FILLERS.has(w)).slice(0, PREFIX_WORDS);
  if (lead.length === PREFIX_WORDS) {
    const p = hex32(hash32(lead.join(' '))) + hex32(hash32(lead.join(' '), 0x01234567));
    const chain = [`P${p}`];
    for (let d = 1; d < CHAIN_DEPTH; d++) chain.push(`P${p}.${rows(0, 2 * d)}`);
    out.push(chain);
  }
  for (let b = 0; b < BANDS; b++) {
    const chain = [`L${b}${rows(b * ROWS, ROWS)}`];
    for (let d = 1; d < CHAIN_DEPTH; d++) {
      chain.push(`${chain[d - 1]}.${rows(BANDS * ROWS + 2 * ((d - 1) * BANDS + b), 2)}`);
    }
    out.push(chain);
  }
  return out;
}

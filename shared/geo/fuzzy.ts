/**
 * Typo matching against the gazetteer's typo targets (countries and cities of ≥ 1M): the names
 * one edit away for words of 7–9 letters ("Edinbrugh"), two for longer ones ("phillipines"), with
 * the same first letter; the closest ones only. Pure; used at run time by gazetteer.ts and at
 * build time by scripts/build-gazetteer.ts (which lists the English words this would misread).
 */
import { editDistance } from '../edit-distance.ts';

/** Targets by first letter + length, each with its letter set. */
export type FuzzyIndex = Map<string, { keys: string[]; masks: number[] }>;

/** The set of letters a–z in a word, as bits. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) mask |= 1 << (word.charCodeAt(i) - 97);
  return mask;
}

function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const HIST = new Int32Array(26);

/** Letters that differ between a and b, counted both ways: a lower bound of 2 × the edit distance. */
function letterGap(a: string, b: string): number {
  HIST.fill(0);
  for (let i = 0; i < a.length; i++) HIST[a.charCodeAt(i) - 97]!++;
  for (let i = 0; i < b.length; i++) HIST[b.charCodeAt(i) - 97]!--;
  let gap = 0;
  for (let i = 0; i < 26; i++) gap += Math.abs(HIST[i]!);
  return gap;
}

export function fuzzyIndexOf(keys: readonly string[]): FuzzyIndex {
  const index: FuzzyIndex = new Map();
  for (const key of keys) {
    if (key === '') continue;
    const slot = key[0]! + key.length;
    const bucket = index.get(slot) ?? { keys: [], masks: [] };
    bucket.keys.push(key);
    bucket.masks.push(letterMask(key));
    index.set(slot, bucket);
  }
  return index;
}

/** The closest targets to `word` (a–z only), none when it is a target itself or none is close enough. */
export function nearest(index: FuzzyIndex, word: string): string[] {
  const limit = word.length >= 10 ? 2 : 1;
  const mask = letterMask(word);
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (let length = word.length - limit; length <= word.length + limit; length++) {
    const bucket = index.get(word[0]! + length);
    if (bucket === undefined) continue;
    for (let k = 0; k < bucket.keys.length; k++) {
      // Each edit changes the letter set by at most two letters.
      if (bitCount(mask ^ bucket.masks[k]!) > 2 * limit) continue;
      const key = bucket.keys[k]!;
      if (letterGap(word, key) > 2 * limit) continue;
      const d = editDistance(word, key, limit);
      if (d === 0 || d > limit) continue;
      if (d < bestDistance) {
        best = [key];
        bestDistance = d;
      } else if (d === bestDistance) best.push(key);
    }
  }
  return best;
}

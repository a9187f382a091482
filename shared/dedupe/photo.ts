/**
 * Photos in the dedupe engine (issue 15): the same photo sent again, re-compressed by a
 * messenger or re-saved, keeps its 64-bit difference hash (shared/media/dhash.ts) within a few
 * bits, whatever the tip's words. Two tips of one object whose photos are within
 * PHOTO_MAX_BITS are one cluster, with the engine's usual rules (live first tip, counters).
 *
 * Blocking: the hash in 8 bands of 8 bits, one chain per band, so two hashes that differ in
 * at most 7 bits share at least one band (pigeonhole) and meet in a bucket; 8 to
 * PHOTO_MAX_BITS bits still meet when the differences cluster in fewer than 8 bands. Deeper
 * levels of a chain refine the key by the next band's bits, as the text chains do with
 * MinHash rows.
 */
import { CHAIN_DEPTH, type Chain } from './lsh.ts';

/** At most this many of 64 bits may differ for two photos to be the same. */
export const PHOTO_MAX_BITS = 10;
const BANDS = 8;
export const PHOTO_HASH = /^[0-9a-f]{16}$/;

export function photoChains(hashes: readonly string[]): Chain[] {
  const out = new Map<string, Chain>();
  for (const hash of hashes) {
    if (!PHOTO_HASH.test(hash)) continue;
    const byte = (band: number): string => hash.slice(2 * (band % BANDS), 2 * (band % BANDS) + 2);
    for (let band = 0; band < BANDS; band++) {
      const chain = [`H${band}${byte(band)}`];
      for (let d = 1; d < CHAIN_DEPTH; d++) chain.push(`${chain[d - 1]}.${byte(band + d)}`);
      out.set(chain[0]!, chain);
    }
  }
  return [...out.values()];
}

export function hammingBits(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  for (; x > 0n; x &= x - 1n) n++;
  return n;
}

/** The fewest bits in which any photo of one tip differs from any photo of the other, or null without photos on both. */
export function closestPhotos(a: readonly string[], b: readonly string[]): number | null {
  let best: number | null = null;
  for (const x of a) for (const y of b) {
    const d = hammingBits(x, y);
    if (best === null || d < best) best = d;
  }
  return best;
}

/**
 * Evidence kinds that have a feature block of their own in the scorer but no training items
 * yet, so `npm run train:geo` cannot learn their weights. Until labelled data exists, each
 * borrows the learned weights of the trained kind it resembles most; nothing here touches
 * the calibration table, which stays the one measured on the training sets.
 *
 * `photo-gps` (issue 15): a photo's own EXIF coordinates, mapped to a country with the same
 * country-coder grid as typed coordinates (signals.ts `countryAt`). It is the same kind of
 * signal as `coordinates` (a point, mapped by the same borders), so it starts with those
 * weights. It is NOT calibrated by data: no training set holds a tip with a photo. Once one
 * does, the trainer lists the kind itself and this fallback steps aside for it.
 */
import { featureNames } from './features.ts';
import type { ModelWeights } from './model.ts';

export const UNTRAINED_KINDS: Readonly<Record<string, { readonly like: string }>> = {
  'photo-gps': { like: 'coordinates' },
};

/** The weights with every untrained kind added (copied from its `like` kind); kinds the file already has are kept. */
export function withUntrainedKinds(w: ModelWeights): ModelWeights {
  const missing = Object.keys(UNTRAINED_KINDS).filter((k) => !w.kinds.includes(k) && w.kinds.includes(UNTRAINED_KINDS[k]!.like));
  if (missing.length === 0) return w;
  const learned = new Map(w.candidate.names.map((name, i) => [name, w.candidate.weights[i]!]));
  const kinds = [...w.kinds, ...missing];
  const names = featureNames(kinds);
  const weights = names.map((name) => {
    const dot = name.indexOf('.');
    const kind = name.slice(0, dot);
    const borrowed = UNTRAINED_KINDS[kind];
    return learned.get(borrowed !== undefined && missing.includes(kind) ? `${borrowed.like}${name.slice(dot)}` : name) ?? 0;
  });
  return { ...w, kinds, candidate: { names, weights } };
}

/**
 * Tipline geo-classifier: maps a free-text tip (any language) to an ISO 3166-1
 * alpha-2 country with a calibrated confidence and evidence spans, or abstains.
 * Pure and synchronous; no AWS dependencies. See README.md.
 */
import { classifyText } from './engine.ts';
import type { GeoPoint } from './photo.ts';
import type { GeoResult } from './schema.ts';

export type { GeoPoint } from './photo.ts';
export type { Evidence, EvidenceKind, Candidate, GeoResult, AbstainReason } from './schema.ts';
export { ABSTAIN_BELOW } from './engine.ts';
export { fold, foldKey } from '../text/fold.ts';

/** Classifies a tip's text, with the GPS points of its photos (if any) as `photo-gps` evidence. */
export function classify(text: string, photos: readonly GeoPoint[] = []): GeoResult {
  try {
    return classifyText(text, photos);
  } catch {
    // Never let a malformed tip break the pipeline: abstain.
    return { country: null, confidence: 0, candidates: [], language: null, reason: 'no-place-evidence' };
  }
}

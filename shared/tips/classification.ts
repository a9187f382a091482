import { classify, type GeoResult } from '../geo/index.ts';
import { routeFor } from './route.ts';

/**
 * Keeps the tip item under 1 KB where it can (every later write is billed per
 * KB): the three strongest countries with up to four evidence spans each.
 */
function compactCandidates(candidates: GeoResult['candidates']): GeoResult['candidates'] {
  return candidates.slice(0, 3).map((candidate) => ({ ...candidate, evidence: candidate.evidence.slice(0, 4) }));
}

/**
 * A distinct tip's classification as it is stored: country, confidence,
 * compact evidence and routing queue. One definition for the classify
 * consumer and for a duplicate promoted when its cluster's first tip expired.
 */
export function classificationOf(text: string, dedupeReason: string) {
  const result = classify(text);
  return {
    country: result.country,
    confidence: result.confidence,
    candidates: compactCandidates(result.candidates),
    language: result.language,
    queue: routeFor(result),
    dedupeReason,
  };
}

import type { TriageStatus } from '../schemas/tip.ts';
import { statusOf } from './transitions.ts';

export interface CountryTally {
  readonly country: string;
  /** Distinct (non-duplicate) tips routed to this country. */
  readonly tips: number;
  /** Tips including the duplicates they absorbed: how many people said so. */
  readonly people: number;
  readonly meanConfidence: number;
  readonly maxConfidence: number;
  /** The tip with the highest confidence, whose evidence is the strongest. */
  readonly strongestTipId: string;
  readonly byStatus: Partial<Record<TriageStatus, number>>;
}

export interface ObjectSummary {
  readonly objectId: string;
  readonly distinctTips: number;
  readonly duplicates: number;
  readonly countries: CountryTally[];
}

interface Accumulator {
  tips: number;
  people: number;
  confidenceSum: number;
  maxConfidence: number;
  strongestTipId: string;
  byStatus: Partial<Record<TriageStatus, number>>;
}

/**
 * Folds an object's tips into per-country tallies. Computed from the tips
 * themselves rather than from counters, so it is exact under concurrency,
 * redelivery, re-routing and triage, and no counter item ever gets hot.
 */
export function summarise(objectId: string, tips: Iterable<Record<string, unknown>>): ObjectSummary {
  const byCountry = new Map<string, Accumulator>();
  const all = [...tips];
  // Duplicates are counted from the duplicate tips themselves, so the tally cannot drift from them.
  const absorbed = new Map<string, number>();
  for (const tip of all) {
    if (typeof tip.duplicateOf === 'string') absorbed.set(tip.duplicateOf, (absorbed.get(tip.duplicateOf) ?? 0) + 1);
  }
  let distinct = 0;
  let duplicates = 0;
  for (const tip of all) {
    if (typeof tip.duplicateOf === 'string') {
      duplicates += 1;
      continue;
    }
    if (typeof tip.queue !== 'string') continue;
    distinct += 1;
    const tipId = String(tip.tipId);
    const confidence = typeof tip.confidence === 'number' ? tip.confidence : 0;
    const status = statusOf(tip.status);
    const entry = byCountry.get(tip.queue) ?? {
      tips: 0,
      people: 0,
      confidenceSum: 0,
      maxConfidence: -1,
      strongestTipId: tipId,
      byStatus: {},
    };
    entry.tips += 1;
    entry.people += 1 + (absorbed.get(tipId) ?? 0);
    entry.confidenceSum += confidence;
    if (confidence > entry.maxConfidence) {
      entry.maxConfidence = confidence;
      entry.strongestTipId = tipId;
    }
    entry.byStatus[status] = (entry.byStatus[status] ?? 0) + 1;
    byCountry.set(tip.queue, entry);
  }
  const countries = [...byCountry.entries()]
    .map(([country, entry]) => ({
      country,
      tips: entry.tips,
      people: entry.people,
      meanConfidence: Math.round((entry.confidenceSum / entry.tips) * 1000) / 1000,
      maxConfidence: entry.maxConfidence,
      strongestTipId: entry.strongestTipId,
      byStatus: entry.byStatus,
    }))
    .sort((a, b) => b.people - a.people || b.tips - a.tips || a.country.localeCompare(b.country));
  return { objectId, distinctTips: distinct, duplicates, countries };
}

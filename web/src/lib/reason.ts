/**
 * Why a tip sits in the `unrouted` queue, in words for the coordinator: the classifier's
 * abstention reason, or, for a tip that has a country but too little confidence, that.
 * Pure; the console renders the string as text.
 */
import type { AbstainReason } from '#shared/geo/schema.ts';

const LABELS: Record<AbstainReason, string> = {
  'no-place-evidence': 'No place evidence: nothing in the tip points to a country.',
  'several-countries': 'Several countries: two or more are about equally likely.',
  'weak-evidence': 'Weak evidence: a clue too weak or ambiguous to route on.',
};

export function unroutedExplanation(tip: { queue?: string; country?: string | null; abstainReason?: string | null }): string | null {
  if (tip.queue !== 'unrouted') return null;
  const reason = tip.abstainReason;
  if (typeof reason === 'string' && Object.hasOwn(LABELS, reason)) return LABELS[reason as AbstainReason];
  if (typeof tip.country === 'string') return `Low confidence: ${tip.country} is the best guess, below the routing threshold.`;
  return null;
}

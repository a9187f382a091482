/**
 * Why a tip sits in the `unrouted` queue, in words for the coordinator: the classifier's
 * abstention reason, or, for a tip that has a country but too little confidence, that.
 * Pure; the console renders the string as text, in its interface language (i18n/console).
 */
import type { AbstainReason } from '#shared/geo/schema.ts';
import { formatConsole, type ConsoleLocale, type ConsoleMessageKey } from '../i18n/console/index.ts';

const LABELS: Record<AbstainReason, ConsoleMessageKey> = {
  'no-place-evidence': 'reasonNoPlaceEvidence',
  'several-countries': 'reasonSeveralCountries',
  'weak-evidence': 'reasonWeakEvidence',
};

export function unroutedExplanation(tip: { queue?: string; country?: string | null; abstainReason?: string | null }, locale: ConsoleLocale = 'en'): string | null {
  if (tip.queue !== 'unrouted') return null;
  const reason = tip.abstainReason;
  if (typeof reason === 'string' && Object.hasOwn(LABELS, reason)) return formatConsole(locale, LABELS[reason as AbstainReason]);
  if (typeof tip.country === 'string') return formatConsole(locale, 'reasonLowConfidence', { country: tip.country });
  return null;
}

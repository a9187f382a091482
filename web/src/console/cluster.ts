import type { TipDetail } from '#shared/schemas/responses.ts';
import { formatConsole, type ConsoleLocale } from '../i18n/console/index.ts';

/**
 * How the tip view names a member of its cluster: the first tip (the API
 * sends it with `duplicateOf: null`), or a duplicate with its similarity.
 */
export function clusterMemberLabel(member: TipDetail['cluster'][number], locale: ConsoleLocale = 'en'): string {
  if (typeof member.duplicateOf !== 'string') return ` ${formatConsole(locale, 'clusterFirst')}`;
  if (!('similarity' in member) || typeof member.similarity !== 'number') return ` ${formatConsole(locale, 'clusterDuplicate')}`;
  const similarity = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(member.similarity);
  return ` ${formatConsole(locale, 'clusterSimilarity', { similarity })}`;
}

import type { TipDetail } from '#shared/schemas/responses.ts';

/**
 * How the tip view names a member of its cluster: the first tip (the API
 * sends it with `duplicateOf: null`), or a duplicate with its similarity.
 */
export function clusterMemberLabel(member: TipDetail['cluster'][number]): string {
  if (typeof member.duplicateOf !== 'string') return ' (first)';
  return ` duplicate${'similarity' in member && typeof member.similarity === 'number' ? `, similarity ${member.similarity.toFixed(2)}` : ''}`;
}

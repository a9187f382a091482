import type { TipDetail, TipView } from '#shared/schemas/responses.ts';
import type * as schemas from '#shared/schemas/responses.ts';

// The schemas' own keys: the stored tip's record type is open (an index signature), so its keyof
// cannot tell which fields the detail adds.
type DetailAdds = Exclude<keyof (typeof schemas.TipDetail)['shape'], keyof (typeof schemas.TipView)['shape']>;

/**
 * The fields only the detail GET reads (its cluster, attachment links and conversation). A claim,
 * release or patch answers with the tip's view alone, so the console keeps these from the GET it
 * showed: replacing the detail with the view made a claimed tip's attachments, cluster and
 * duplicate count vanish until the page was reloaded.
 */
const DETAIL_ONLY = ['duplicates', 'cluster', 'attachment', 'attachments', 'messages'] as const satisfies readonly DetailAdds[];

// Compile-time check that the list names every field TipDetail adds to TipView: a field added to
// the schema and not here fails `tsc` instead of vanishing after a claim.
type Unlisted = Exclude<DetailAdds, (typeof DETAIL_ONLY)[number]>;
const listComplete: [Unlisted] extends [never] ? true : never = true;
void listComplete;

function pick<T, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

/**
 * The detail to show after a mutation answered with `next`: the new view (whole, so a field the
 * mutation removed, such as a released claim, goes) over what only the GET read.
 */
export function mergeDetail(current: TipDetail, next: TipView): TipDetail {
  return { ...next, ...pick(current, DETAIL_ONLY) };
}

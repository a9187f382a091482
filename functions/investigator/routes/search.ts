import { assertQueueAccess, canAccessQueue, type Principal } from '#shared/auth.ts';
import { ValidationError } from '#shared/errors.ts';
import { SearchQuery } from '#shared/schemas/api.ts';
import { TIP_ID_SOURCE } from '#shared/schemas/common.ts';
import { tipsWithTerm } from '#shared/store/search.ts';
import { accessQueueOf } from '#shared/store/tip-access.ts';
import { getTip, tipsByIds } from '#shared/store/tips.ts';
import { searchTerms } from '#shared/tips/search.ts';
import { statusOf } from '#shared/tips/transitions.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { json } from '../../lib/http.ts';
import type { RouteModule } from './route.ts';

const TIP_ID = new RegExp(`^${TIP_ID_SOURCE}$`);
/** Keys read per term: a word in more tips than this is narrowed by the others, a date range or an object. */
const MAX_KEYS_PER_TERM = 1000;

const startOf = (bound: string): string => (bound.length === 10 ? `${bound}T00:00:00Z` : bound);
const endOf = (bound: string): string => (bound.length === 10 ? `${bound}T23:59:59Z` : bound);

const hit = (item: Record<string, unknown>, queue: string) => ({
  tipId: String(item.tipId),
  objectId: String(item.objectId),
  text: String(item.text ?? ''),
  country: queue,
  confidence: typeof item.confidence === 'number' ? item.confidence : null,
  submittedAt: String(item.submittedAt),
  status: statusOf(item.status),
  duplicateOf: typeof item.duplicateOf === 'string' ? item.duplicateOf : null,
});

/** Whether a tip passes the query's filters and the caller's countries; a hit names its queue, so a tip not yet routed is none. */
function visible(principal: Principal, query: SearchQuery, item: Record<string, unknown>, queue: string | undefined): queue is string {
  if (queue === undefined || !canAccessQueue(principal, queue)) return false;
  if (query.country !== undefined && queue !== query.country) return false;
  if (query.objectId !== undefined && item.objectId !== query.objectId) return false;
  const at = String(item.submittedAt);
  return (query.from === undefined || at >= startOf(query.from)) && (query.to === undefined || at <= endOf(query.to));
}

export const searchRoutes: RouteModule = {
  /**
   * An exact tip id, or words in any script, folded as the deduplicator folds
   * them (shared/tips/search.ts); every word must occur. Reads the search
   * index (one Query per word, bounded), then the tips themselves for the
   * caller's countries: no scan, whatever the number of tips. `complete` is
   * false when a word was in more tips than one request reads.
   */
  'GET /investigator/search': {
    handle: async (event, principal) => {
      const query = parseOrThrow(SearchQuery, event.queryStringParameters ?? {}, 'query');
      if (query.country !== undefined) assertQueueAccess(principal, query.country);
      const asId = query.q.toUpperCase();
      if (TIP_ID.test(asId)) {
        const item = await getTip(asId);
        const queue = item === undefined ? undefined : await accessQueueOf(item);
        const items = item !== undefined && visible(principal, query, item, queue) ? [hit(item, queue)] : [];
        return json(200, { items, complete: true });
      }
      const terms = searchTerms(query.q);
      if (terms.length === 0) {
        throw new ValidationError('Invalid query', [{ path: 'q', message: 'needs a word of two or more letters (common English words are not indexed)' }]);
      }
      const range = { objectId: query.objectId, from: query.from === undefined ? undefined : startOf(query.from), to: query.to === undefined ? undefined : endOf(query.to) };
      const perTerm = await Promise.all(terms.map((term) => tipsWithTerm(term, range, MAX_KEYS_PER_TERM)));
      const [first = { keys: [] }, ...rest] = [...perTerm].sort((a, b) => a.keys.length - b.keys.length);
      const others = rest.map((found) => new Set(found.keys));
      const keys = first.keys.filter((key) => others.every((set) => set.has(key))).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
      const items: ReturnType<typeof hit>[] = [];
      for (let offset = 0; offset < keys.length && items.length < query.limit; offset += 100) {
        const ids = keys.slice(offset, offset + 100).map((key) => key.slice(key.lastIndexOf('#') + 1));
        const found = await tipsByIds(ids);
        for (const id of ids) {
          const item = found.get(id);
          if (item === undefined || items.length >= query.limit) continue;
          const queue = await accessQueueOf(item);
          if (visible(principal, query, item, queue)) items.push(hit(item, queue));
        }
      }
      return json(200, { items, complete: perTerm.every((found) => found.complete) });
    },
  },
};

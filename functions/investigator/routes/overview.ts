import { canAccessQueue } from '#shared/auth.ts';
import { queueCounters } from '#shared/store/aggregates.ts';
import { statusCounts } from '#shared/tips/counters.ts';
import { TRIAGE_STATUSES } from '#shared/tips/transitions.ts';
import { json } from '../../lib/http.ts';
import type { RouteModule } from './route.ts';

export const overviewRoutes: RouteModule = {
  /**
   * Tips per queue the caller may open, with their status counts, from the
   * Aggregates counters (a fixed number of reads, never a scan). A country
   * investigator gets their countries, zero-filled; a coordinator every queue
   * that holds tips, and `unrouted` always. `unreadReplies` counts tipsters'
   * replies not yet read (written by the follow-up feature; 0 until then).
   */
  'GET /investigator/overview': {
    handle: async (_event, principal) => {
      const counters = await queueCounters();
      const queues = principal.coordinator ? new Set([...counters.keys(), 'unrouted']) : new Set(principal.countries);
      const items = [...queues]
        .filter((queue) => canAccessQueue(principal, queue))
        .map((country) => {
          const counts = counters.get(country)?.counts ?? {};
          return { country, total: counts.total ?? 0, byStatus: statusCounts(counts, TRIAGE_STATUSES), unreadReplies: counts.unreadReplies ?? 0 };
        })
        .sort((a, b) => b.total - a.total || a.country.localeCompare(b.country));
      return json(200, { items });
    },
  },
};

import { assertQueueAccess } from '#shared/auth.ts';
import { QueueParams, QueueQuery } from '#shared/schemas/api.ts';
import { clusterSizes } from '#shared/store/cluster-sizes.ts';
import { queryQueue } from '#shared/store/tips.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { json } from '../../lib/http.ts';
import type { RouteModule } from './route.ts';

export const queueRoutes: RouteModule = {
  /** One page of a queue, each tip with its number of duplicates (one dedupe-index read for the page). */
  'GET /investigator/queues/{country}': {
    handle: async (event, principal) => {
      const { country } = parseOrThrow(QueueParams, event.pathParameters ?? {}, 'path');
      const query = parseOrThrow(QueueQuery, event.queryStringParameters ?? {}, 'query');
      assertQueueAccess(principal, country);
      const page = await queryQueue(country, query);
      const sizes = await clusterSizes(page.items.map((item) => ({ objectId: item.objectId, clusterId: item.tipId })));
      const items = page.items.map((item) => ({ ...item, duplicates: (sizes.get(item.tipId) ?? 1) - 1 }));
      return json(200, { ...page, items });
    },
  },
};

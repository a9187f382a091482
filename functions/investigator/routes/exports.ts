import { assertExportAccess } from '#shared/auth.ts';
import { ExportQuery } from '#shared/schemas/api.ts';
import type { StoredTip } from '#shared/schemas/stored.ts';
import { clusterSizes } from '#shared/store/cluster-sizes.ts';
import { writeExport } from '#shared/store/exports.ts';
import { getTip, tipsOfObject, tipsOfQueue } from '#shared/store/tips.ts';
import { csvHeader, csvLine, jsonLine, toExportRow } from '#shared/tips/export.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { header, json } from '../../lib/http.ts';
import { logger } from '../config.ts';
import type { RouteModule } from './route.ts';

/** Rows per duplicate-count read: each page's counts come from one dedupe-index read. */
const PAGE = 100;

/** Whole items for an object export: the byObject index holds only a projection. */
async function* fullTipsOfObject(objectId: string): AsyncGenerator<StoredTip> {
  for await (const tip of tipsOfObject(objectId)) {
    if (typeof tip.duplicateOf === 'string') continue;
    const item = await getTip(tip.tipId);
    if (item !== undefined) yield item;
  }
}

export const exportRoutes: RouteModule = {
  /** A queue (its country's investigators) or an object (coordinators: it spans countries) as CSV or JSON Lines in the evidence bucket. */
  'GET /investigator/exports': {
    handle: async (event, principal) => {
      const query = parseOrThrow(ExportQuery, event.queryStringParameters ?? {}, 'query');
      assertExportAccess(principal, query.country);
      const rows = query.country !== undefined ? tipsOfQueue(query.country) : fullTipsOfObject(query.objectId!);
      let count = 0;
      async function* lines(): AsyncGenerator<string> {
        if (query.format === 'csv') yield csvHeader();
        let page: StoredTip[] = [];
        const flush = async function* (): AsyncGenerator<string> {
          const sizes = await clusterSizes(page.map((item) => ({ objectId: item.objectId, clusterId: item.tipId })));
          for (const item of page) {
            const row = toExportRow({ ...item, duplicates: (sizes.get(item.tipId) ?? 1) - 1 });
            yield query.format === 'csv' ? csvLine(row) : jsonLine(row);
          }
          page = [];
        };
        for await (const item of rows) {
          if (query.objectId !== undefined && item.objectId !== query.objectId) continue;
          count += 1;
          page.push(item);
          if (page.length === PAGE) yield* flush();
        }
        if (page.length > 0) yield* flush();
      }
      const link = await writeExport(lines(), query.format);
      logger.info('export written', { by: principal.sub, count, format: query.format });
      // A browser page under a strict CSP cannot follow a redirect to S3; it asks for JSON and offers a link.
      const wantsJson = (header(event, 'accept') ?? '').includes('application/json');
      return wantsJson ? json(200, { ...link, count }) : json(303, { ...link, count }, { location: link.url });
    },
  },
};

import { beforeAll, describe, expect, it } from 'vitest';
import { buckets, queues, routes, tables } from '#shared/resources.ts';
import type { Route, RouteModule } from '#functions/investigator/routes/route.ts';

// The route table is built from modules that reach the store, whose clients read their table
// names at import: give them names (nothing is called), then load the table.
let investigatorRoutes: ReadonlyMap<string, Route>;
let routeTable: (...modules: RouteModule[]) => ReadonlyMap<string, Route>;

beforeAll(async () => {
  for (const table of Object.values(tables)) process.env[table.envVar] = `test-${table.id}`;
  for (const queue of Object.values(queues)) process.env[queue.envVar] = `https://sqs.local/000/${queue.id}`;
  for (const bucket of Object.values(buckets)) process.env[bucket.envVar] = `test-${bucket.id}`;
  process.env.AWS_REGION = 'us-east-1';
  process.env.RECEIPT_KEY_SECRET = 'test-receipt-key-secret';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  ({ investigatorRoutes } = await import('#functions/investigator/handler.ts'));
  ({ routeTable } = await import('#functions/investigator/routes/route.ts'));
});

describe('investigator route table', () => {
  it('has one module route per route shared/resources.ts sends to the investigator function, and no other', () => {
    // Prepare
    const declared = routes.filter((route) => route.function === 'investigator').map((route) => `${route.method} ${route.path}`);

    // Act
    const served = [...investigatorRoutes.keys()];

    // Assess
    expect(declared.length).toBeGreaterThan(0);
    expect({ missing: declared.filter((key) => !served.includes(key)), extra: served.filter((key) => !declared.includes(key)) }).toEqual({ missing: [], extra: [] });
  });

  it('refuses a route served by two modules at init', () => {
    // Prepare
    const route: Route = { handle: async () => ({ statusCode: 204, body: '' }) };

    // Act + Assess
    expect(() => routeTable({ 'GET /investigator/overview': route }, { 'GET /investigator/overview': route })).toThrow(/served by two modules/);
  });

  it('decodes a body only for the routes that read one: the POST and PATCH routes but the lease and original-download actions', () => {
    // Act
    const withBody = [...investigatorRoutes].filter(([, route]) => route.body === true).map(([key]) => key).sort();

    // Assess
    expect(withBody).toEqual(
      [
        'PATCH /investigator/tips/{tipId}',
        'POST /investigator/objects',
        'PATCH /investigator/objects/{objectId}',
        'POST /investigator/objects/{objectId}/image',
        'POST /investigator/tips/{tipId}/messages',
        'POST /investigator/receipts/lookup',
        'POST /investigator/tips/{tipId}/translate',
      ].sort(),
    );
  });
});

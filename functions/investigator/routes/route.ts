import type { APIGatewayProxyResult } from 'aws-lambda';
import type { Principal } from '#shared/auth.ts';
import { ConfigurationError } from '#shared/errors.ts';
import type { HttpEvent } from '../../lib/http.ts';

/** A route's key, as in shared/resources.ts: `METHOD /path/{param}` (API Gateway's `httpMethod` and `resource`). */
export type RouteKey = `${'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'} /${string}`;

export interface Route {
  /**
   * The route reads a body: the handler decodes it (size limit first, JSON or
   * form) into `event.parsedBody` before `handle` runs. Other routes never
   * decode one, so a body sent to them cannot fail them.
   */
  readonly body?: true;
  /** parse (shared/schemas/api.ts) → access check (shared/auth.ts) → domain or store call → response. */
  readonly handle: (event: HttpEvent, principal: Principal) => Promise<APIGatewayProxyResult>;
}

/** The routes of one module, keyed like shared/resources.ts. */
export type RouteModule = Readonly<Partial<Record<RouteKey, Route>>>;

/** One table from several modules; a key served twice is an init error, never a silent override. */
export function routeTable(...modules: readonly RouteModule[]): ReadonlyMap<string, Route> {
  const table = new Map<string, Route>();
  for (const module of modules) {
    for (const [key, route] of Object.entries(module)) {
      if (table.has(key)) throw new ConfigurationError(`Route ${key} is served by two modules`);
      if (route !== undefined) table.set(key, route);
    }
  }
  return table;
}

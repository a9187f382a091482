import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { assertInvestigator, principalFromClaims } from '#shared/auth.ts';
import { NotFoundError } from '#shared/errors.ts';
import { limits } from '#shared/resources.ts';
import { decodeBody, httpErrors, type HttpEvent, HTTP_HANDLER_OPTIONS } from '../lib/http.ts';
import { logger } from './config.ts';
import { exportRoutes } from './routes/exports.ts';
import { messageRoutes } from './routes/messages.ts';
import { objectRoutes } from './routes/objects.ts';
import { overviewRoutes } from './routes/overview.ts';
import { queueRoutes } from './routes/queues.ts';
import { routeTable } from './routes/route.ts';
import { searchRoutes } from './routes/search.ts';
import { tipRoutes } from './routes/tips.ts';

/**
 * The investigator API: one table of routes keyed like shared/resources.ts
 * (`GET /investigator/tips/{tipId}`), each in its module under routes/
 * (parse → access check from shared/auth.ts → domain or store call →
 * response). The handler only authenticates, finds the route and decodes a
 * body for the routes that read one. test/unit/investigator-routes.test.ts
 * fails when this table and the investigator's routes in shared/resources.ts
 * differ.
 */
export const investigatorRoutes = routeTable(queueRoutes, tipRoutes, messageRoutes, objectRoutes, exportRoutes, searchRoutes, overviewRoutes);

async function investigatorHandler(event: HttpEvent): Promise<APIGatewayProxyResult> {
  const principal = principalFromClaims(event.requestContext.authorizer?.claims as Record<string, unknown> | undefined);
  assertInvestigator(principal);
  const route = investigatorRoutes.get(`${event.httpMethod} ${event.resource}`);
  if (route === undefined) throw new NotFoundError('No such route');
  if (route.body === true) event.parsedBody = decodeBody(event, limits.maxBodyBytes);
  return route.handle(event, principal);
}

export const handler = middy<HttpEvent, APIGatewayProxyResult>(HTTP_HANDLER_OPTIONS)
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger))
  .handler(investigatorHandler);

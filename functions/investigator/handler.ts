import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { z } from 'zod';
import { assertQueueAccess, principalFromClaims, type Principal } from '#shared/auth.ts';
import { NotFoundError } from '#shared/errors.ts';
import { createLogger } from '#shared/logger.ts';
import { QueueName } from '#shared/schemas/common.ts';
import { queryQueue } from '#shared/store/tips.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { httpErrors, json, type HttpEvent } from '../lib/http.ts';

const logger = createLogger('investigator');

const QueueParams = z.object({ country: QueueName });
const QueueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2048).optional(),
});

type Route = (event: HttpEvent, principal: Principal) => Promise<APIGatewayProxyResult>;

async function getQueue(event: HttpEvent, principal: Principal): Promise<APIGatewayProxyResult> {
  const { country } = parseOrThrow(QueueParams, event.pathParameters ?? {}, 'path');
  const query = parseOrThrow(QueueQuery, event.queryStringParameters ?? {}, 'query');
  assertQueueAccess(principal, country);
  const page = await queryQueue(country, query.limit, query.cursor);
  return json(200, page);
}

/** Keyed by API Gateway's `METHOD resource`, the same strings as in shared/resources.ts. */
const routes: Record<string, Route> = {
  'GET /investigator/queues/{country}': getQueue,
};

async function investigatorHandler(event: HttpEvent): Promise<APIGatewayProxyResult> {
  const principal = principalFromClaims(event.requestContext.authorizer?.claims as Record<string, unknown> | undefined);
  const route = routes[`${event.httpMethod} ${event.resource}`];
  if (route === undefined) throw new NotFoundError('No such route');
  return route(event, principal);
}

export const handler = middy<HttpEvent, APIGatewayProxyResult>()
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger))
  .handler(investigatorHandler);

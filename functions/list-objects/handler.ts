import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { createLogger } from '#shared/logger.ts';
import { isListed, toPublicObject } from '#shared/schemas/object.ts';
import { listObjects } from '#shared/store/objects.ts';
import { httpErrors, json, type HttpEvent, HTTP_HANDLER_OPTIONS } from '../lib/http.ts';

const logger = createLogger('list-objects');

async function listObjectsHandler(): Promise<APIGatewayProxyResult> {
  const objects = await listObjects();
  const items = objects.filter(isListed).map(toPublicObject);
  // Public and identical for everyone: let browsers and CloudFront cache briefly.
  return json(200, { items }, { 'cache-control': 'public, max-age=60' });
}

export const handler = middy<HttpEvent, APIGatewayProxyResult>(HTTP_HANDLER_OPTIONS)
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger))
  .handler(listObjectsHandler);

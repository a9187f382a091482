import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { bestLanguage, FALLBACK_LANGUAGE, parseAcceptLanguage } from '#shared/i18n/negotiate.ts';
import { createLogger } from '#shared/logger.ts';
import { ObjectsQuery } from '#shared/schemas/api.ts';
import { isListed, objectLanguages, toPublicObject } from '#shared/schemas/object.ts';
import { listObjects } from '#shared/store/objects.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { header, httpErrors, json, type HttpEvent, HTTP_HANDLER_OPTIONS } from '../lib/http.ts';

const logger = createLogger('list-objects');

/** The languages the caller wants, most preferred first: `?lang=` (the page's choice) before Accept-Language (the browser's). */
function preferredLanguages(event: HttpEvent): string[] {
  const { lang: asked } = parseOrThrow(ObjectsQuery, { lang: event.queryStringParameters?.lang ?? undefined }, 'query');
  const fromHeader = parseAcceptLanguage(header(event, 'accept-language'));
  return asked === undefined ? fromHeader : [asked.toLowerCase(), ...fromHeader];
}

async function listObjectsHandler(event: HttpEvent): Promise<APIGatewayProxyResult> {
  const preferred = preferredLanguages(event);
  const listed = (await listObjects()).filter(isListed);
  const items = listed.map((object) => toPublicObject(object, preferred));
  // The language of the answer as a whole: the best one any listed object has.
  const lang = bestLanguage(preferred, [...new Set(listed.flatMap(objectLanguages))]) ?? FALLBACK_LANGUAGE;
  // Public and identical for everyone asking the same language, so a browser may keep it a minute (per Accept-Language;
  // `?lang=` is in the URL). CloudFront does not cache it: the API behaviour uses the managed CachingDisabled policy
  // (infra/stacks/web-stack.ts, TTL 0), so every request reaches the API, and a change to an object shows at once there.
  return json(200, { lang, items }, { 'cache-control': 'public, max-age=60', vary: 'accept-language' });
}

export const handler = middy<HttpEvent, APIGatewayProxyResult>(HTTP_HANDLER_OPTIONS)
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger))
  .handler(listObjectsHandler);

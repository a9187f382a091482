import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { ValidationError } from '#shared/errors.ts';
import { createLogger } from '#shared/logger.ts';
import { limits } from '#shared/resources.ts';
import { SubmitTipRequest } from '#shared/schemas/tip.ts';
import { claimIdempotencyKey } from '#shared/store/idempotency.ts';
import { getObject } from '#shared/store/objects.ts';
import { enqueueIntake } from '#shared/store/queues.ts';
import { putEvidenceCopy } from '#shared/store/tips.ts';
import { submitTip } from '#shared/tips/submit.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { header, httpBody, httpErrors, json, type HttpEvent } from '../lib/http.ts';

const logger = createLogger('submit-tip');
const deps = { getObject, claimIdempotencyKey, putEvidenceCopy, enqueueIntake, now: Date.now };

async function submitTipHandler(event: HttpEvent): Promise<APIGatewayProxyResult> {
  const request = parseOrThrow(SubmitTipRequest, event.parsedBody, 'tip');
  const idempotencyKey = header(event, 'idempotency-key');
  if (idempotencyKey !== undefined && (idempotencyKey.length < 8 || idempotencyKey.length > 128)) {
    throw new ValidationError('Invalid Idempotency-Key header', [
      { path: 'Idempotency-Key', message: 'must be 8 to 128 characters' },
    ]);
  }
  const response = await submitTip(request, idempotencyKey, deps);
  logger.info('tip accepted', { stage: 'received', tipId: response.tipId, objectId: request.objectId });
  return json(202, response);
}

export const handler = middy<HttpEvent, APIGatewayProxyResult>()
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger))
  .use(httpBody({ maxBytes: limits.maxBodyBytes }))
  .handler(submitTipHandler);

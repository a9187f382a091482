import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { verifyAttachmentKey } from '#shared/attachment-keys.ts';
import { requireEnv } from '#shared/config.ts';
import { ValidationError } from '#shared/errors.ts';
import { createLogger } from '#shared/logger.ts';
import { parseReceipt, receiptForKey, receiptHash, newReceipt } from '#shared/receipts.ts';
import { limits } from '#shared/resources.ts';
import { SubmitTipRequest } from '#shared/schemas/tip.ts';
import { claimAttachment } from '#shared/store/idempotency.ts';
import { headOfAttachment } from '#shared/store/attachment-media.ts';
import { getObject } from '#shared/store/objects.ts';
import { enqueueIntake } from '#shared/store/queues.ts';
import { getTip, putEvidenceCopy } from '#shared/store/tips.ts';
import { isHoneypot, submitTip } from '#shared/tips/submit.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { decodeBody, header, httpErrors, json, type HttpEvent, HTTP_HANDLER_OPTIONS } from '../lib/http.ts';
import { proofOfWorkFromEnv } from '../lib/pow.ts';

const logger = createLogger('submit-tip');
/** Shared with the attachments function, which mints the keys a tip may carry (shared/attachment-keys.ts). */
const attachmentKeySecret = requireEnv('ATTACHMENT_KEY_SECRET');
/** Shared with the follow-up and investigator functions, which find a tip by its receipt's hash (shared/receipts.ts). */
const receiptKeySecret = requireEnv('RECEIPT_KEY_SECRET');
function issueReceipt(idempotencyKey: string | undefined): { receipt: string; receiptHash: string } {
  const receipt = idempotencyKey === undefined ? newReceipt() : receiptForKey(receiptKeySecret, idempotencyKey);
  return { receipt, receiptHash: receiptHash(receiptKeySecret, parseReceipt(receipt)!) };
}
const deps = {
  getObject,
  putEvidenceCopy,
  getTip,
  enqueueIntake,
  checkAttachmentKey: (key: string, now: number) => verifyAttachmentKey(attachmentKeySecret, key, now),
  claimAttachment,
  headOfAttachment,
  issueReceipt,
  now: Date.now,
};

/** Proof of work on POST /tips (and the follow-up routes), when POW_DIFFICULTY is set. */
const proofOfWork = proofOfWorkFromEnv();

async function submitTipHandler(event: HttpEvent): Promise<APIGatewayProxyResult> {
  if (event.httpMethod === 'GET' && event.resource === '/tips/challenge') return json(200, await proofOfWork.challenge());
  event.parsedBody = decodeBody(event, limits.maxBodyBytes);
  const request = parseOrThrow(SubmitTipRequest, event.parsedBody, 'tip');
  const idempotencyKey = header(event, 'idempotency-key');
  if (idempotencyKey !== undefined && (idempotencyKey.length < 8 || idempotencyKey.length > 128)) {
    throw new ValidationError('Invalid Idempotency-Key header', [
      { path: 'Idempotency-Key', message: 'must be 8 to 128 characters' },
    ]);
  }
  await proofOfWork.check(event);
  const response = await submitTip(request, idempotencyKey, deps);
  if (isHoneypot(request)) {
    // Nothing about the request: not the field, not the object, not the decoy id.
    logger.info('honeypot');
  } else {
    logger.info('tip accepted', { stage: 'received', tipId: response.tipId, objectId: request.objectId });
  }
  return json(202, response);
}

export const handler = middy<HttpEvent, APIGatewayProxyResult>(HTTP_HANDLER_OPTIONS)
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger))
  .handler(submitTipHandler);

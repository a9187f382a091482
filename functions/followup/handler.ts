import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { requireEnv } from '#shared/config.ts';
import { NotFoundError } from '#shared/errors.ts';
import { createLogger } from '#shared/logger.ts';
import { receiptHash } from '#shared/receipts.ts';
import { limits } from '#shared/resources.ts';
import { FollowupRequest, TipsterMessageRequest } from '#shared/schemas/followup.ts';
import { appendMessage, listMessages, markClusterReply, tipIdByReceiptHash } from '#shared/store/messages.ts';
import { getTip } from '#shared/store/tips.ts';
import { readConversation, sendTipsterMessage, type FollowupDeps } from '#shared/tips/followup.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { decodeBody, httpErrors, json, type HttpEvent, HTTP_HANDLER_OPTIONS } from '../lib/http.ts';
import { proofOfWorkFromEnv } from '../lib/pow.ts';

const logger = createLogger('followup');
/** The key the submit function hashed the receipt with (shared/receipts.ts). */
const receiptKeySecret = requireEnv('RECEIPT_KEY_SECRET');
const proofOfWork = proofOfWorkFromEnv();
const deps: FollowupDeps = {
  hashReceipt: (body) => receiptHash(receiptKeySecret, body),
  tipIdByReceiptHash,
  getTip,
  listMessages,
  appendMessage,
  markClusterReply,
  now: Date.now,
};

/**
 * The tipster's side of the conversation. The receipt arrives in the body only
 * and is never logged, nor is anything that would tie a request to a tip: the
 * log says that a conversation was read or answered, not which.
 */
async function followupHandler(event: HttpEvent): Promise<APIGatewayProxyResult> {
  event.parsedBody = decodeBody(event, limits.maxBodyBytes);
  if (event.resource === '/followup') {
    const { receipt } = parseOrThrow(FollowupRequest, event.parsedBody, 'follow-up');
    await proofOfWork.check(event);
    const view = await readConversation(receipt, deps);
    logger.info('conversation read');
    return json(200, view);
  }
  if (event.resource === '/followup/messages') {
    const { receipt, text } = parseOrThrow(TipsterMessageRequest, event.parsedBody, 'message');
    await proofOfWork.check(event);
    const sent = await sendTipsterMessage(receipt, text, deps);
    logger.info('tipster message stored');
    return json(201, sent);
  }
  throw new NotFoundError('No such route');
}

export const handler = middy<HttpEvent, APIGatewayProxyResult>(HTTP_HANDLER_OPTIONS)
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger))
  .handler(followupHandler);

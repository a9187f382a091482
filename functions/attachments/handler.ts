import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { requireEnv } from '#shared/config.ts';
import { createLogger } from '#shared/logger.ts';
import { limits } from '#shared/resources.ts';
import { AttachmentRequest } from '#shared/schemas/api.ts';
import { attachmentUploadForm } from '#shared/store/media.ts';
import { parseOrThrow } from '#shared/validation.ts';
import { decodeBody, httpErrors, json, type HttpEvent, HTTP_HANDLER_OPTIONS } from '../lib/http.ts';

const logger = createLogger('attachments');
/** Shared with the submit function, which accepts only keys minted under it (shared/attachment-keys.ts). */
const keySecret = requireEnv('ATTACHMENT_KEY_SECRET');

/** POST /tips/attachments: a presigned upload for one tip attachment. */
async function attachmentsHandler(event: HttpEvent): Promise<APIGatewayProxyResult> {
  const request = parseOrThrow(AttachmentRequest, decodeBody(event, limits.maxBodyBytes), 'attachment');
  const form = await attachmentUploadForm(request.contentType, request.size, keySecret);
  // The key is random and says nothing about the tipster; logging it links nothing.
  logger.info('attachment upload issued', { attachmentKey: form.attachmentKey, contentType: request.contentType });
  return json(201, form);
}

export const handler = middy<HttpEvent, APIGatewayProxyResult>(HTTP_HANDLER_OPTIONS)
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger))
  .handler(attachmentsHandler);

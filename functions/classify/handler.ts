import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { isoSecond } from '#shared/ids.ts';
import { createLogger } from '#shared/logger.ts';
import { ClassifyMessage } from '#shared/schemas/tip.ts';
import { recordClassification } from '#shared/store/tips.ts';
import { classificationOf } from '#shared/tips/classification.ts';
import { eachMessage, processSqsBatch } from '../lib/sqs.ts';

const logger = createLogger('classify');

async function classifyHandler(event: SQSEvent): Promise<SQSBatchResponse> {
  return processSqsBatch(event, ClassifyMessage, logger, (messages) =>
    eachMessage(messages, logger, async ({ body: tip }) => {
      const result = classificationOf(tip.text, tip.dedupeReason);
      const outcome = await recordClassification(tip, result, isoSecond());
      logger.info('tip classified', { stage: 'classified', tipId: tip.tipId, queue: result.queue, confidence: result.confidence, outcome });
    }),
  );
}

export const handler = middy<SQSEvent, SQSBatchResponse>().use(injectLambdaContext(logger)).handler(classifyHandler);

import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { isoSecond } from '#shared/ids.ts';
import { createLogger } from '#shared/logger.ts';
import { IntakeMessage, type ClassifyMessage } from '#shared/schemas/tip.ts';
import { enqueueClassifyBatch } from '#shared/store/queues.ts';
import { recordDedupe } from '#shared/store/tips.ts';
import { eachMessage, processSqsBatch } from '../lib/sqs.ts';
import { dedupeTip } from './engine.ts';

const logger = createLogger('dedupe');

/**
 * Messages are handled in arrival order (the first tip of a cluster must be
 * indexed before its copies), then the distinct ones are forwarded to the
 * classify queue in batches of ten.
 */
async function dedupeHandler(event: SQSEvent): Promise<SQSBatchResponse> {
  return processSqsBatch(event, IntakeMessage, logger, async (messages) => {
    const forward: { messageId: string; message: ClassifyMessage }[] = [];
    const failed = await eachMessage(messages, logger, async ({ messageId, body: tip }) => {
      const outcome = await dedupeTip(tip);
      const state = await recordDedupe(tip.tipId, outcome, isoSecond());
      logger.info('tip deduplicated', {
        stage: 'deduplicated',
        tipId: tip.tipId,
        duplicateOf: outcome.duplicateOf,
        reason: outcome.reason,
        state,
      });
      if (outcome.duplicateOf === null) forward.push({ messageId, message: { ...tip, clusterId: outcome.clusterId } });
    });
    const notSent = await enqueueClassifyBatch(forward.map(({ message }) => message));
    for (const { messageId, message } of forward) {
      if (notSent.has(message.tipId)) failed.add(messageId);
    }
    return failed;
  });
}

export const handler = middy<SQSEvent, SQSBatchResponse>().use(injectLambdaContext(logger)).handler(dedupeHandler);

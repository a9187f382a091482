import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { DedupeDecision } from '#shared/dedupe/index.ts';
import { isoSecond } from '#shared/ids.ts';
import { createLogger } from '#shared/logger.ts';
import { IntakeMessage, type ClassifyMessage } from '#shared/schemas/tip.ts';
import { dedupeEngine } from '#shared/store/dedupe.ts';
import { enqueueClassifyBatch } from '#shared/store/queues.ts';
import { addCounters } from '#shared/store/aggregates.ts';
import { recordAbsorbed, recordDuplicate } from '#shared/store/tips.ts';
import { duplicateDeltas, type CounterDelta } from '#shared/tips/counters.ts';
import { eachMessage, processSqsBatch, type ParsedMessage } from '../lib/sqs.ts';

const logger = createLogger('dedupe');

/**
 * Decides the whole batch in arrival order (the first tip of a cluster is
 * indexed before its copies, and cluster counters get one write per batch).
 * If that fails, each tip is decided on its own so one bad tip cannot hold
 * back the rest; decisions are idempotent, so re-deciding is safe.
 */
async function decide(messages: ParsedMessage<IntakeMessage>[]): Promise<Map<string, DedupeDecision>> {
  const decisions = new Map<string, DedupeDecision>();
  try {
    const batch = await dedupeEngine.processBatch(messages.map(({ body }) => body));
    messages.forEach(({ messageId }, index) => decisions.set(messageId, batch[index]!));
  } catch (error) {
    logger.warn('batch dedupe failed; deciding tip by tip', { error: error as Error });
    for (const { messageId, body } of messages) {
      try {
        decisions.set(messageId, await dedupeEngine.process(body));
      } catch (tipError) {
        logger.error('dedupe failed, will be retried', { messageId, tipId: body.tipId, error: tipError as Error });
      }
    }
  }
  return decisions;
}

async function dedupeHandler(event: SQSEvent): Promise<SQSBatchResponse> {
  return processSqsBatch(event, IntakeMessage, logger, async (messages) => {
    const decisions = await decide(messages);
    const forward: { messageId: string; message: ClassifyMessage }[] = [];
    const deltas: CounterDelta[] = [];
    const failed = await eachMessage(messages, logger, async ({ messageId, body: tip }) => {
      const decision = decisions.get(messageId);
      if (decision === undefined) throw new Error('no dedupe decision');
      if (decision.duplicateOf === null) {
        forward.push({ messageId, message: { ...tip, dedupeReason: decision.reason } });
        logger.info('tip is distinct', { stage: 'deduplicated', tipId: tip.tipId, reason: decision.reason });
        return;
      }
      const state = await recordDuplicate(tip.tipId, { ...decision, duplicateOf: decision.duplicateOf }, isoSecond());
      if (state === 'recorded') {
        // The person counts to the first tip's queue: now if it is routed, else when it is (recordAbsorbed).
        const absorbed = await recordAbsorbed(decision.duplicateOf);
        deltas.push(...duplicateDeltas(tip.objectId, absorbed.counted ? null : absorbed.queue));
      }
      logger.info('tip is a duplicate', {
        stage: 'deduplicated',
        tipId: tip.tipId,
        duplicateOf: decision.duplicateOf,
        reason: decision.reason,
        similarity: decision.similarity,
        state,
      });
    });
    try {
      await addCounters(deltas);
    } catch (error) {
      logger.error('counter update failed; duplicate counts drift until recounted', { error: error as Error, deltas: deltas.length });
    }
    const notSent = await enqueueClassifyBatch(forward.map(({ message }) => message));
    for (const { messageId, message } of forward) {
      if (notSent.has(message.tipId)) failed.add(messageId);
    }
    return failed;
  });
}

export const handler = middy<SQSEvent, SQSBatchResponse>().use(injectLambdaContext(logger)).handler(dedupeHandler);

import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { optionalEnv } from '#shared/config.ts';
import type { DedupeDecision } from '#shared/dedupe/index.ts';
import { ConfigurationError } from '#shared/errors.ts';
import { isoSecond } from '#shared/ids.ts';
import { createLogger } from '#shared/logger.ts';
import { NO_MEDIA, processTipMedia, type MediaDeps, type TipMedia } from '#shared/media/pipeline.ts';
import { IntakeMessage, type ClassifyMessage } from '#shared/schemas/tip.ts';
import { putViewingCopy, readAttachment, recordAttachments } from '#shared/store/attachment-media.ts';
import { dedupeEngine } from '#shared/store/dedupe.ts';
import { enqueueClassifyBatch } from '#shared/store/queues.ts';
import { addCounters } from '#shared/store/aggregates.ts';
import { recordAbsorbed, recordDuplicate } from '#shared/store/tips.ts';
import { duplicateDeltas, type CounterDelta } from '#shared/tips/counters.ts';
import { eachMessage, processSqsBatch, type ParsedMessage } from '../lib/sqs.ts';

const logger = createLogger('dedupe');

/** `guardduty` (AWS): an attachment is hidden until its scan is clean; `none` (local stack): shown as not scanned. */
const malwareScan = optionalEnv('MALWARE_SCAN', 'guardduty');
if (malwareScan !== 'guardduty' && malwareScan !== 'none') throw new ConfigurationError('MALWARE_SCAN must be "guardduty" or "none"');
const mediaDeps: MediaDeps = {
  readAttachment,
  putViewingCopy,
  recordAttachments,
  scan: malwareScan === 'none' ? 'local' : 'pending',
  now: Date.now,
};

/**
 * Attachments first (issue 15): photo hashes for the decision, GPS points and PDF text for
 * the classifier. A tip whose attachments fail is left out of the batch and retried.
 */
async function mediaOf(messages: ParsedMessage<IntakeMessage>[], failed: Set<string>): Promise<Map<string, TipMedia>> {
  const media = new Map<string, TipMedia>();
  for (const { messageId, body } of messages) {
    if ((body.attachmentKeys ?? []).length === 0) {
      media.set(messageId, NO_MEDIA);
      continue;
    }
    try {
      const started = performance.now();
      const processed = await processTipMedia(body, mediaDeps);
      media.set(messageId, processed);
      logger.info('attachments processed', { tipId: body.tipId, attachments: body.attachmentKeys?.length, photos: processed.photos.length, ms: Math.round(performance.now() - started) });
    } catch (error) {
      logger.error('attachment processing failed, will be retried', { messageId, tipId: body.tipId, error: error as Error });
      failed.add(messageId);
    }
  }
  return media;
}

/**
 * Decides the whole batch in arrival order (the first tip of a cluster is
 * indexed before its copies, and cluster counters get one write per batch).
 * If that fails, each tip is decided on its own so one bad tip cannot hold
 * back the rest; decisions are idempotent, so re-deciding is safe.
 */
async function decide(messages: ParsedMessage<IntakeMessage>[], media: ReadonlyMap<string, TipMedia>): Promise<Map<string, DedupeDecision>> {
  const decisions = new Map<string, DedupeDecision>();
  const input = ({ messageId, body }: ParsedMessage<IntakeMessage>) => ({ ...body, photoHashes: media.get(messageId)?.photoHashes ?? [] });
  try {
    const batch = await dedupeEngine.processBatch(messages.map(input));
    messages.forEach(({ messageId }, index) => decisions.set(messageId, batch[index]!));
  } catch (error) {
    logger.warn('batch dedupe failed; deciding tip by tip', { error: error as Error });
    for (const message of messages) {
      const { messageId, body } = message;
      try {
        decisions.set(messageId, await dedupeEngine.process(input(message)));
      } catch (tipError) {
        logger.error('dedupe failed, will be retried', { messageId, tipId: body.tipId, error: tipError as Error });
      }
    }
  }
  return decisions;
}

async function dedupeHandler(event: SQSEvent): Promise<SQSBatchResponse> {
  return processSqsBatch(event, IntakeMessage, logger, async (messages) => {
    const mediaFailed = new Set<string>();
    const media = await mediaOf(messages, mediaFailed);
    const ready = messages.filter(({ messageId }) => !mediaFailed.has(messageId));
    const decisions = await decide(ready, media);
    const forward: { messageId: string; message: ClassifyMessage }[] = [];
    const deltas: CounterDelta[] = [];
    const failed = await eachMessage(ready, logger, async ({ messageId, body: tip }) => {
      const decision = decisions.get(messageId);
      if (decision === undefined) throw new Error('no dedupe decision');
      if (decision.duplicateOf === null) {
        const found = media.get(messageId) ?? NO_MEDIA;
        const { attachmentKeys: _keys, ...rest } = tip;
        forward.push({
          messageId,
          message: {
            ...rest,
            dedupeReason: decision.reason,
            ...(found.photos.length === 0 ? {} : { photos: [...found.photos] }),
            ...(found.text === '' ? {} : { attachmentText: found.text }),
          },
        });
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
    for (const messageId of mediaFailed) failed.add(messageId);
    return failed;
  });
}

export const handler = middy<SQSEvent, SQSBatchResponse>().use(injectLambdaContext(logger)).handler(dedupeHandler);

import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { optionalEnv } from '#shared/config.ts';
import type { DedupeDecision } from '#shared/dedupe/index.ts';
import { ConfigurationError } from '#shared/errors.ts';
import { isoSecond } from '#shared/ids.ts';
import { createLogger } from '#shared/logger.ts';
import { NO_MEDIA, processLateAttachments, processTipMedia, recheckDelay, type MediaDeps, type TipMedia } from '#shared/media/pipeline.ts';
import { classifyFields } from '#shared/media/evidence.ts';
import { StoredAttachments } from '#shared/media/schema.ts';
import { IntakeMessage, type ClassifyMessage } from '#shared/schemas/tip.ts';
import { putViewingCopy, readAttachment, recordAttachments, recordLateAttachment } from '#shared/store/attachment-media.ts';
import { dedupeEngine } from '#shared/store/dedupe.ts';
import { enqueueClassifyBatch, enqueueIntakeLater } from '#shared/store/queues.ts';
import { addCounters } from '#shared/store/aggregates.ts';
import { getTip, recordAbsorbed, recordDuplicate } from '#shared/store/tips.ts';
import { duplicateDeltas, type CounterDelta } from '#shared/tips/counters.ts';
import { eachMessage, processSqsBatch, type ParsedMessage } from '../lib/sqs.ts';

const logger = createLogger('dedupe');

/** `guardduty` (AWS): an attachment is hidden until its scan is clean; `none` (local stack): shown as not scanned. */
const malwareScan = optionalEnv('MALWARE_SCAN', 'guardduty');
if (malwareScan !== 'guardduty' && malwareScan !== 'none') throw new ConfigurationError('MALWARE_SCAN must be "guardduty" or "none"');
/**
 * Seconds between looks for an attachment that had not arrived when its tip was processed
 * (shared/media/pipeline.ts `recheckDelay`); the tests shorten it.
 */
const recheckSeconds = Number(optionalEnv('ATTACHMENT_RECHECK_SECONDS', '300'));
if (!Number.isInteger(recheckSeconds) || recheckSeconds < 1 || recheckSeconds > 900) throw new ConfigurationError('ATTACHMENT_RECHECK_SECONDS must be an integer from 1 to 900');
const mediaDeps: MediaDeps = {
  readAttachment,
  putViewingCopy,
  recordAttachments,
  recordLateAttachment,
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

/** Schedules the next look for a tip's missing files, unless no upload can still come. */
async function scheduleRecheck(tip: IntakeMessage): Promise<void> {
  const delay = recheckDelay(tip.submittedAt, Date.now(), recheckSeconds);
  if (delay === null) {
    logger.info('attachment upload window over; missing files stay missing', { tipId: tip.tipId });
    return;
  }
  await enqueueIntakeLater({ ...tip, attachmentRecheck: true }, delay);
}

/**
 * The re-check for attachments that had not arrived (shared/media/pipeline.ts): fills them in,
 * files a late photo's hash in the dedupe index when the tip leads its cluster (so a later copy
 * of the photo joins it), and looks again later for those still missing. Decides nothing again.
 */
async function recheck({ body: tip }: ParsedMessage<IntakeMessage>): Promise<void> {
  const item = await getTip(tip.tipId);
  if (item === undefined) return; // Expired (and cleaned up) meanwhile: nothing is left to fill in.
  const stored = StoredAttachments.safeParse(item.attachments ?? []);
  if (!stored.success) throw new Error('stored attachment records do not parse');
  const outcome = await processLateAttachments(tip.tipId, stored.data, mediaDeps);
  const lateHashes = outcome.processed.flatMap((r) => (r.dhash === undefined ? [] : [r.dhash]));
  if (lateHashes.length > 0 && typeof item.duplicateOf !== 'string') {
    const photoHashes = [...stored.data.flatMap((r) => (r.dhash === undefined ? [] : [r.dhash])), ...lateHashes];
    await dedupeEngine.file({ tipId: tip.tipId, objectId: tip.objectId, text: tip.text, photoHashes });
  }
  logger.info('late attachments checked', { tipId: tip.tipId, processed: outcome.processed.length, awaiting: outcome.awaiting });
  if (outcome.awaiting > 0) await scheduleRecheck(tip);
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
  return processSqsBatch(event, IntakeMessage, logger, async (all) => {
    const rechecked = await eachMessage(all.filter(({ body }) => body.attachmentRecheck === true), logger, recheck);
    const messages = all.filter(({ body }) => body.attachmentRecheck !== true);
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
        const { attachmentKeys: _keys, attachmentRecheck: _recheck, ...rest } = tip;
        forward.push({
          messageId,
          message: {
            ...rest,
            dedupeReason: decision.reason,
            ...classifyFields(found),
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
    // After the decisions: a late file's hash is then filed against a decided tip.
    for (const { messageId, body } of ready) {
      if ((media.get(messageId)?.awaiting ?? 0) === 0 || failed.has(messageId)) continue;
      try {
        await scheduleRecheck(body);
      } catch (error) {
        logger.error('attachment re-check could not be scheduled, will be retried', { tipId: body.tipId, error: error as Error });
        failed.add(messageId);
      }
    }
    for (const messageId of rechecked) failed.add(messageId);
    return failed;
  });
}

export const handler = middy<SQSEvent, SQSBatchResponse>().use(injectLambdaContext(logger)).handler(dedupeHandler);

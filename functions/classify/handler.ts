import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { GeoResult } from '#shared/geo/index.ts';
import { isoSecond } from '#shared/ids.ts';
import { createLogger } from '#shared/logger.ts';
import { classifyWithAttachments } from '#shared/media/classify.ts';
import { ClassifyMessage } from '#shared/schemas/tip.ts';
import { addCounters, raiseStrongest } from '#shared/store/aggregates.ts';
import { indexTip } from '#shared/store/search.ts';
import { recordClassification } from '#shared/store/tips.ts';
import { classifiedDeltas, promotedDeltas, type CounterDelta } from '#shared/tips/counters.ts';
import { routeFor } from '#shared/tips/route.ts';
import { eachMessage, processSqsBatch } from '../lib/sqs.ts';

const logger = createLogger('classify');

/**
 * Keeps the tip item under 1 KB where it can (every later write is billed per
 * KB): the three strongest countries with up to four evidence spans each.
 */
function compactCandidates(candidates: GeoResult['candidates']): GeoResult['candidates'] {
  return candidates.slice(0, 3).map((candidate) => ({ ...candidate, evidence: candidate.evidence.slice(0, 4) }));
}

async function classifyHandler(event: SQSEvent): Promise<SQSBatchResponse> {
  return processSqsBatch(event, ClassifyMessage, logger, async (messages) => {
    // The batch's counter deltas, written together at the end: one write per counter item per batch.
    const deltas: CounterDelta[] = [];
    const failed = await eachMessage(messages, logger, async ({ body: tip }) => {
      const result = classifyWithAttachments(tip.text, tip.photos, tip.attachmentText);
      const queue = routeFor(result);
      const outcome = await recordClassification(
        tip,
        {
          country: result.country,
          confidence: result.confidence,
          candidates: compactCandidates(result.candidates),
          language: result.language,
          abstainReason: result.reason ?? null,
          queue,
          dedupeReason: tip.dedupeReason,
        },
        isoSecond(),
      );
      // Only the write that made the transition counts it; a redelivery finds it made. A promoted
      // duplicate leaves the duplicates and joins its queue carrying the others (retention took
      // the expired first tip out: shared/tips/expire.ts).
      if (outcome.outcome === 'recorded') {
        const people = 1 + outcome.absorbedBeforeRouting + (tip.carried ?? 0);
        const counted = { objectId: tip.objectId, queue, status: outcome.status, confidence: result.confidence, people };
        deltas.push(...(tip.promotedFrom === undefined ? classifiedDeltas(counted) : promotedDeltas(counted)));
        await raiseStrongest(tip.objectId, queue, tip.tipId, result.confidence);
      }
      // Filed at every delivery, not only the recording one: the puts are idempotent, and a
      // delivery that failed after recording must still leave the tip searchable.
      await indexTip(tip);
      logger.info('tip classified', { stage: 'classified', tipId: tip.tipId, queue, confidence: result.confidence, outcome: outcome.outcome });
    });
    try {
      await addCounters(deltas);
    } catch (error) {
      // Retrying the batch would not help (its transitions are made, a redelivery counts nothing): the tips are safe, the counters drift.
      logger.error('counter update failed; overview counts drift until recounted', { error: error as Error, deltas: deltas.length });
    }
    return failed;
  });
}

export const handler = middy<SQSEvent, SQSBatchResponse>().use(injectLambdaContext(logger)).handler(classifyHandler);

import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { GeoResult } from '#shared/geo/index.ts';
import { isoSecond } from '#shared/ids.ts';
import { createLogger } from '#shared/logger.ts';
import { classifyWithAttachments } from '#shared/media/classify.ts';
import { ClassifyMessage } from '#shared/schemas/tip.ts';
import { recordClassification } from '#shared/store/tips.ts';
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
  return processSqsBatch(event, ClassifyMessage, logger, (messages) =>
    eachMessage(messages, logger, async ({ body: tip }) => {
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
      logger.info('tip classified', { stage: 'classified', tipId: tip.tipId, queue, confidence: result.confidence, outcome });
    }),
  );
}

export const handler = middy<SQSEvent, SQSBatchResponse>().use(injectLambdaContext(logger)).handler(classifyHandler);

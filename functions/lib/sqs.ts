import type { Logger } from '@aws-lambda-powertools/logger';
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import { SqsRecordSchema } from '@aws-lambda-powertools/parser/schemas/sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { z } from 'zod';

export interface ParsedMessage<T> {
  readonly messageId: string;
  readonly receiveCount: number;
  readonly body: T;
}

/**
 * Parses an SQS batch with the Powertools SQS record schema extended by the
 * message schema, hands the valid messages to `work`, and reports Lambda
 * partial batch failures: records that did not parse and the message ids
 * `work` says failed. Only those are retried, and after maxReceiveCount they
 * land in the DLQ with the reason logged here.
 */
export async function processSqsBatch<S extends z.ZodType>(
  event: SQSEvent,
  bodySchema: S,
  logger: Logger,
  work: (messages: ParsedMessage<z.infer<S>>[]) => Promise<Set<string>>,
): Promise<SQSBatchResponse> {
  const recordSchema = SqsRecordSchema.extend({ body: JSONStringified(bodySchema) });
  const failures: string[] = [];
  const messages: ParsedMessage<z.infer<S>>[] = [];
  for (const record of event.Records) {
    const parsed = recordSchema.safeParse(record);
    if (parsed.success) {
      messages.push({
        messageId: record.messageId,
        receiveCount: Number(record.attributes.ApproximateReceiveCount ?? '1'),
        body: (parsed.data as unknown as { body: z.infer<S> }).body,
      });
    } else {
      logger.error('rejecting malformed message', {
        messageId: record.messageId,
        reason: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
      });
      failures.push(record.messageId);
    }
  }
  if (messages.length > 0) {
    const failed = await work(messages);
    failures.push(...failed);
  }
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
}

/** Runs `step` per message in order, turning a thrown error into a logged failure of that message only. */
export async function eachMessage<T>(
  messages: readonly ParsedMessage<T>[],
  logger: Logger,
  step: (message: ParsedMessage<T>) => Promise<void>,
): Promise<Set<string>> {
  const failed = new Set<string>();
  for (const message of messages) {
    try {
      await step(message);
    } catch (error) {
      logger.error('message failed, will be retried', {
        messageId: message.messageId,
        receiveCount: message.receiveCount,
        error: error as Error,
      });
      failed.add(message.messageId);
    }
  }
  return failed;
}

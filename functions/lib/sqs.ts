import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import '#shared/schemas/zod-config.ts';
import * as z from 'zod/mini';

/*
 * The SQS record schema and JSON-string helper of @aws-lambda-powertools/parser
 * (2.35: schemas/sqs and helpers), restated here with `zod/mini`. The
 * Powertools modules import `{ z }` from 'zod', a namespace re-export that
 * esbuild cannot tree-shake: it pulled all of zod, its JSON-schema code and
 * every locale (~440 KB) into each consumer bundle. Same fields, same rules.
 *
 * `@aws-lambda-powertools/batch` is not used either: its processors hand one
 * record at a time to a handler, while dedupe and classify work on the whole
 * batch at once (one index query and one write batch per SQS batch). Neither
 * package is a dependency, so nothing unused is shipped or audited
 * (test/unit/dependencies.test.ts).
 */
const SqsMsgAttributeSchema = z.object({
  stringValue: z.nullable(z.optional(z.string())),
  binaryValue: z.nullable(z.optional(z.string())),
  stringListValues: z.optional(z.array(z.string())),
  binaryListValues: z.optional(z.array(z.string())),
  dataType: z.union([z.literal('String'), z.literal('Number'), z.literal('Binary'), z.string()]),
});

const SqsAttributesSchema = z.object({
  ApproximateReceiveCount: z.string(),
  ApproximateFirstReceiveTimestamp: z.string(),
  MessageDeduplicationId: z.optional(z.string()),
  MessageGroupId: z.optional(z.string()),
  SenderId: z.string(),
  SentTimestamp: z.string(),
  SequenceNumber: z.optional(z.string()),
  AWSTraceHeader: z.optional(z.string()),
  DeadLetterQueueSourceArn: z.optional(z.string()),
});

export const SqsRecordSchema = z.object({
  messageId: z.string(),
  receiptHandle: z.string(),
  body: z.string(),
  attributes: SqsAttributesSchema,
  messageAttributes: z.record(z.string(), SqsMsgAttributeSchema),
  md5OfBody: z.string(),
  md5OfMessageAttributes: z.nullable(z.optional(z.string())),
  eventSource: z.literal('aws:sqs'),
  eventSourceARN: z.string(),
  awsRegion: z.string(),
});

/** A JSON string parsed, then validated by `schema` (Powertools' JSONStringified). */
export function JSONStringified<S extends z.core.$ZodType>(schema: S) {
  return z.pipe(
    z.pipe(
      z.string(),
      z.transform((str: string, ctx) => {
        try {
          return JSON.parse(str) as unknown;
        } catch (error) {
          // As Powertools' ctx.addIssue({ ..., fatal: true }) in zod classic records it.
          ctx.issues.push({ code: 'custom', message: `Invalid JSON - ${(error as Error).message}`, fatal: true, input: str, continue: false });
          return z.NEVER;
        }
      }),
    ),
    schema,
  );
}

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
export async function processSqsBatch<S extends z.core.$ZodType>(
  event: SQSEvent,
  bodySchema: S,
  logger: Logger,
  work: (messages: ParsedMessage<z.infer<S>>[]) => Promise<Set<string>>,
): Promise<SQSBatchResponse> {
  const recordSchema = z.extend(SqsRecordSchema, { body: JSONStringified(bodySchema) });
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

import { createHash } from 'node:crypto';
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from '@aws-sdk/client-sqs';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { FunctionDef, QueueDef } from '#shared/resources.ts';
import type { AnyHandler } from './handlers.ts';
import { lambdaContext } from './lambda-context.ts';

export interface PollerOptions {
  readonly name: string;
  readonly queueUrl: string;
  readonly queue: QueueDef;
  readonly consumer: FunctionDef;
  readonly handler: AnyHandler;
  readonly endpoint: string;
  readonly region: string;
  readonly logger: Logger;
  /** Concurrent batches in flight; Lambda's maxConcurrency for the event source. */
  readonly concurrency?: number;
}

export interface PollerStats {
  batches: number;
  received: number;
  deleted: number;
  failed: number;
  invocationErrors: number;
  /** Messages whose invocation finished after a crash: results dropped, nothing deleted. */
  discarded: number;
}

/**
 * Lambda's SQS event source, locally: long-polls up to `batchSize` messages,
 * waits up to the batching window to fill a batch, invokes the consumer and
 * deletes what succeeded. With ReportBatchItemFailures only the reported
 * messages stay; a thrown error or a malformed response keeps the whole batch.
 * Kept messages reappear after the queue's visibility timeout, and the queue's
 * redrive policy moves them to the DLQ after maxReceiveCount receives.
 */
export class QueuePoller {
  readonly stats: PollerStats = { batches: 0, received: 0, deleted: 0, failed: 0, invocationErrors: 0, discarded: 0 };
  private readonly client: SQSClient;
  private readonly arn: string;
  private running = false;
  private crashed = false;
  private loops: Promise<void>[] = [];

  private readonly options: PollerOptions;

  constructor(options: PollerOptions) {
    this.options = options;
    this.client = new SQSClient({
      endpoint: options.endpoint,
      region: options.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      useQueueUrlAsEndpoint: false,
    });
    const queueName = options.queueUrl.split('/').pop() ?? options.name;
    this.arn = `arn:aws:sqs:${options.region}:000000000000:${queueName}`;
  }

  start(): void {
    if (this.running || this.crashed) return;
    this.running = true;
    const concurrency = this.options.concurrency ?? Math.min(2, this.options.queue.maxConcurrency);
    this.loops = Array.from({ length: concurrency }, () => this.loop());
  }

  /**
   * Dies at once, like a Lambda container killed mid-batch: polling stops,
   * in-flight receives are cut off, and the results of in-flight invocations
   * are discarded (no deletes), so their messages reappear after the
   * visibility timeout. Side effects the handler already made stay made.
   * A crashed poller cannot restart; the stack makes fresh ones.
   */
  crash(): void {
    this.crashed = true;
    this.running = false;
    this.client.destroy();
  }

  /** Stops polling and waits for in-flight batches to finish (like a drained event source). */
  async stop(): Promise<void> {
    // A crashed poller has nothing left to drain: its in-flight work is void.
    if (this.crashed) return;
    // No abort: a long poll cut short client-side still takes a message
    // server-side, which would then wait a visibility timeout for nothing.
    this.running = false;
    await Promise.allSettled(this.loops);
    this.client.destroy();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        const messages = await this.receiveBatch();
        if (this.crashed) return;
        if (messages.length > 0) await this.invoke(messages);
      } catch (error) {
        if (!this.running || this.crashed) return;
        this.options.logger.warn('poller receive failed; retrying', { queue: this.options.name, error: error as Error });
        await sleep(500);
      }
    }
  }

  private async receiveBatch(): Promise<Message[]> {
    const { batchSize, maxBatchingWindowSeconds } = this.options.queue;
    const messages: Message[] = [];
    const windowEnds = Date.now() + maxBatchingWindowSeconds * 1000;
    while (messages.length < batchSize) {
      const first = messages.length === 0;
      const result = await this.client.send(
        new ReceiveMessageCommand({
          QueueUrl: this.options.queueUrl,
          MaxNumberOfMessages: batchSize - messages.length,
          WaitTimeSeconds: first ? 1 : 0,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      const got = result.Messages ?? [];
      messages.push(...got);
      if (got.length === 0 || Date.now() >= windowEnds) break;
    }
    return messages;
  }

  private async invoke(messages: Message[]): Promise<void> {
    this.stats.batches += 1;
    this.stats.received += messages.length;
    const event: SQSEvent = { Records: messages.map((message) => this.toRecord(message)) };
    let keep: Set<string>;
    try {
      const response = (await this.options.handler(event, lambdaContext(this.options.consumer))) as SQSBatchResponse | undefined;
      keep = failuresOf(response, messages);
    } catch (error) {
      this.stats.invocationErrors += 1;
      this.options.logger.error('consumer invocation failed; whole batch will be retried', {
        queue: this.options.name,
        error: error as Error,
      });
      keep = new Set(messages.map((message) => message.MessageId!));
    }
    if (this.crashed) {
      this.stats.discarded += messages.length;
      return;
    }
    this.stats.failed += keep.size;
    const done = messages.filter((message) => !keep.has(message.MessageId!));
    if (done.length === 0) return;
    const result = await this.client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: this.options.queueUrl,
        Entries: done.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle! })),
      }),
    );
    this.stats.deleted += (result.Successful ?? []).length;
  }

  private toRecord(message: Message): SQSRecord {
    const attributes = message.Attributes ?? {};
    const body = message.Body ?? '';
    return {
      messageId: message.MessageId!,
      receiptHandle: message.ReceiptHandle!,
      body,
      attributes: {
        ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
        SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
        SenderId: attributes.SenderId ?? 'LOCAL',
        ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: message.MD5OfBody ?? createHash('md5').update(body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: this.arn,
      awsRegion: this.options.region,
    };
  }
}

/**
 * Lambda's reading of a partial batch response: an empty or unknown item
 * identifier fails the whole batch, as on AWS.
 */
function failuresOf(response: SQSBatchResponse | undefined, messages: Message[]): Set<string> {
  const ids = new Set(messages.map((message) => message.MessageId!));
  const failures = response?.batchItemFailures ?? [];
  const keep = new Set<string>();
  for (const failure of failures) {
    if (typeof failure.itemIdentifier !== 'string' || !ids.has(failure.itemIdentifier)) return ids;
    keep.add(failure.itemIdentifier);
  }
  return keep;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

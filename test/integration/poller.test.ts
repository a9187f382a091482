import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { functions, queues } from '#shared/resources.ts';
import { createLogger } from '#shared/logger.ts';
import { bootstrap, LOCAL_REGION, type LocalResources } from '#local/bootstrap.ts';
import { startEmulators, type Emulators } from '#local/emulators.ts';
import { QueuePoller } from '#local/poller.ts';
import { eventually } from '../support/api.ts';

let emulators: Emulators;
let resources: LocalResources;
let sqs: SQSClient;
const logger = createLogger('poller-test');

beforeAll(async () => {
  emulators = await startEmulators();
  resources = await bootstrap({ dynamoEndpoint: emulators.dynamoEndpoint, awsEndpoint: emulators.awsEndpoint, visibilityTimeoutSeconds: 1 });
  sqs = new SQSClient({
    endpoint: emulators.awsEndpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    useQueueUrlAsEndpoint: false,
  });
});

afterAll(async () => {
  sqs?.destroy();
  await emulators?.stop();
});

async function depth(url: string): Promise<number> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
}

function pollerWith(handler: (event: SQSEvent) => Promise<SQSBatchResponse | void>): QueuePoller {
  return new QueuePoller({
    name: 'intake',
    queueUrl: resources.queueUrls.intake.url,
    queue: queues.intake,
    consumer: functions.dedupe,
    handler: handler as (event: unknown) => Promise<unknown>,
    endpoint: emulators.awsEndpoint,
    region: LOCAL_REGION,
    logger,
    concurrency: 1,
  });
}

describe('local SQS event source', () => {
  it('delivers batches no larger than the configured batch size and deletes what succeeded', async () => {
    // Prepare
    const sizes: number[] = [];
    const seen = new Set<string>();
    for (let index = 0; index < 25; index += 1) {
      await sqs.send(new SendMessageCommand({ QueueUrl: resources.queueUrls.intake.url, MessageBody: `ok-${index}` }));
    }
    const poller = pollerWith(async (event) => {
      sizes.push(event.Records.length);
      for (const record of event.Records) seen.add(record.body);
      return { batchItemFailures: [] };
    });

    // Act
    poller.start();
    await eventually(async () => (seen.size === 25 ? true : undefined));
    await poller.stop();

    // Assess
    expect(Math.max(...sizes)).toBeLessThanOrEqual(queues.intake.batchSize);
    expect(await depth(resources.queueUrls.intake.url)).toBe(0);
  });

  it('redelivers only the reported failures and moves a poison message to the DLQ after maxReceiveCount', async () => {
    // Prepare
    const receives = new Map<string, number>();
    await sqs.send(new SendMessageCommand({ QueueUrl: resources.queueUrls.intake.url, MessageBody: 'poison' }));
    await sqs.send(new SendMessageCommand({ QueueUrl: resources.queueUrls.intake.url, MessageBody: 'good' }));
    const poller = pollerWith(async (event) => {
      for (const record of event.Records) receives.set(record.body, (receives.get(record.body) ?? 0) + 1);
      return { batchItemFailures: event.Records.filter((record) => record.body === 'poison').map((record) => ({ itemIdentifier: record.messageId })) };
    });

    // Act
    poller.start();
    await eventually(async () => ((await depth(resources.queueUrls.intake.dlqUrl)) === 1 ? true : undefined), 30_000, 250);
    await poller.stop();

    // Assess
    expect(receives.get('good')).toBe(1);
    expect(receives.get('poison')).toBe(queues.intake.maxReceiveCount);
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: resources.queueUrls.intake.dlqUrl, MaxNumberOfMessages: 10 }));
    expect(Messages?.map((message) => message.Body)).toEqual(['poison']);
  });

  it('keeps the whole batch when the consumer throws', async () => {
    // Prepare
    let calls = 0;
    await sqs.send(new SendMessageCommand({ QueueUrl: resources.queueUrls.intake.url, MessageBody: 'throw-once' }));
    const poller = pollerWith(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return { batchItemFailures: [] };
    });

    // Act
    poller.start();
    await eventually(async () => (calls >= 2 ? true : undefined), 15_000);
    await poller.stop();

    // Assess
    expect(calls).toBe(2);
    expect(await depth(resources.queueUrls.intake.url)).toBe(0);
  });
});

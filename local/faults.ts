/**
 * Fault injection for load runs and tests. Nothing here is bundled into a
 * Lambda: production code holds no fault logic, this module reaches into the
 * shared SDK clients of shared/store/clients/ at run time.
 *
 *  - DynamoDB throttling (ProvisionedThroughputExceededException) and 5xx
 *    (InternalServerError), thrown by a middleware placed right after the
 *    SDK's retry middleware, before signing and sending: the standard retry
 *    strategy sees each fault and retries it with backoff and jitter exactly
 *    as it would a real one. Only calls made inside a consumer invocation
 *    (dedupe, classify) are affected, tracked with AsyncLocalStorage.
 *  - Consumer crashes: every poller dies at once, discarding its in-flight
 *    invocations (see QueuePoller.crash), and fresh pollers take over.
 *  - A poison message: a malformed body sent straight to the intake queue.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { InternalServerError, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { FinalizeRequestHandlerOptions, FinalizeRequestMiddleware, MetadataBearer, Pluggable } from '@smithy/types';
import type { FunctionKey } from '#shared/resources.ts';
import { dynamo } from '#shared/store/clients/dynamo.ts';
import { LOCAL_REGION } from './bootstrap.ts';
import type { AnyHandler } from './handlers.ts';
import type { LocalStack } from './stack.ts';

export interface FaultStats {
  /** Calls that reached the fault middleware inside a consumer (attempts, retries included). */
  attempts: number;
  throttles: number;
  serverErrors: number;
  crashes: number;
  poisonSent: number;
}

const MIDDLEWARE_NAME = 'tiplineFaultInjection';
const inConsumer = new AsyncLocalStorage<FunctionKey>();

export interface DynamoFaultOptions {
  /** Probability that one DynamoDB attempt inside a consumer fails. */
  readonly rate: number;
  /** Share of the faults that are throttles; the rest are 500s. */
  readonly throttleShare?: number;
  readonly random?: () => number;
}

/** Runs `work` as if inside a consumer invocation (faults apply to its DynamoDB calls). */
export function asConsumer<T>(key: FunctionKey, work: () => Promise<T>): Promise<T> {
  return inConsumer.run(key, work);
}

let requestCounter = 0;

function faultMiddleware(options: DynamoFaultOptions, stats: FaultStats): FinalizeRequestMiddleware<object, MetadataBearer> {
  const random = options.random ?? Math.random;
  const throttleShare = options.throttleShare ?? 0.5;
  return (next, context) => async (args) => {
    if (inConsumer.getStore() === undefined) return next(args);
    stats.attempts += 1;
    if (random() >= options.rate) return next(args);
    const $metadata = { requestId: `fault-${(requestCounter += 1)}`, attempts: 1, totalRetryDelay: 0 };
    const operation = String((context as { commandName?: string }).commandName ?? 'DynamoDB');
    if (random() < throttleShare) {
      stats.throttles += 1;
      throw new ProvisionedThroughputExceededException({
        message: `Injected throttling on ${operation}`,
        $metadata: { ...$metadata, httpStatusCode: 400 },
      });
    }
    stats.serverErrors += 1;
    throw new InternalServerError({ message: `Injected internal server error on ${operation}`, $metadata: { ...$metadata, httpStatusCode: 500 } });
  };
}

/** Adds the DynamoDB fault middleware to the shared client (the document client shares its stack). */
export function injectDynamoFaults(options: DynamoFaultOptions, stats: FaultStats = newFaultStats()): { stats: FaultStats; remove(): void } {
  const plugin: Pluggable<object, MetadataBearer> = {
    applyToStack: (stack) => {
      stack.addRelativeTo(faultMiddleware(options, stats), {
        name: MIDDLEWARE_NAME,
        relation: 'after',
        toMiddleware: 'retryMiddleware',
        override: true,
      } as FinalizeRequestHandlerOptions & { relation: 'after'; toMiddleware: string; name: string; override: boolean });
    },
  };
  dynamo.middlewareStack.use(plugin as never);
  return { stats, remove: () => void dynamo.middlewareStack.remove(MIDDLEWARE_NAME) };
}

export function newFaultStats(): FaultStats {
  return { attempts: 0, throttles: 0, serverErrors: 0, crashes: 0, poisonSent: 0 };
}

/**
 * Marks the queue consumers' invocations so faults reach only them, then
 * replaces the running pollers so the marked handlers take effect.
 */
export async function markConsumers(stack: LocalStack, consumers: readonly FunctionKey[] = ['dedupe', 'classify']): Promise<void> {
  for (const key of consumers) {
    const original: AnyHandler = stack.handlers[key];
    stack.handlers[key] = (event, context) => inConsumer.run(key, () => original(event, context));
  }
  await crashConsumers(stack);
}

/** Kills every poller mid-batch and starts fresh ones (a Lambda container dying and another taking over). */
export async function crashConsumers(stack: LocalStack, stats?: FaultStats): Promise<void> {
  for (const poller of Object.values(stack.pollers)) poller.crash();
  await stack.stopPollers();
  stack.startPollers();
  if (stats !== undefined) stats.crashes += 1;
}

/** A message no consumer can parse: it must be retried, then land in the intake DLQ. */
export async function sendPoison(stack: LocalStack, body = '{"tipId": "not-a-tip", "text": 42'): Promise<string> {
  const sqs = new SQSClient({
    endpoint: stack.emulators.awsEndpoint,
    region: LOCAL_REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    useQueueUrlAsEndpoint: false,
  });
  try {
    const result = await sqs.send(new SendMessageCommand({ QueueUrl: stack.resources.queueUrls.intake.url, MessageBody: body }));
    return result.MessageId!;
  } finally {
    sqs.destroy();
  }
}

import { join, resolve } from 'node:path';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { BucketKey, FunctionKey, QueueKey } from '#shared/resources.ts';
import { buckets, functions, queues } from '#shared/resources.ts';
import { createLogger } from '#shared/logger.ts';
import { bootstrap, LOCAL_REGION, type LocalResources } from './bootstrap.ts';
import { startEmulators, type Emulators } from './emulators.ts';
import { loadHandler, type AnyHandler } from './handlers.ts';
import { startHttpAdapter, type ExtraRoute } from './http-adapter.ts';
import { loadOrCreateKeys, verifyToken, type KeyPair } from './jwt.ts';
import { QueuePoller } from './poller.ts';
import { demoObjects } from './seed.ts';
import { LOCAL_SIGNING, S3_PREFIX, s3Endpoint } from './s3-endpoint.ts';
import { localBucketName } from './names.ts';
import { staticRoutes } from './static.ts';
import { startSweeper } from './sweeper.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const DEFAULT_DATA_DIR = join(ROOT, '.local');

export interface LocalStackOptions {
  /** Persisted state and the JWT keys; in-memory emulators when `persist` is false. */
  readonly dataDir?: string;
  readonly persist?: boolean;
  readonly port?: number;
  readonly seed?: boolean;
  readonly visibilityTimeoutSeconds?: number;
  readonly pollerConcurrency?: number;
  readonly startPollers?: boolean;
  readonly extra?: ExtraRoute;
  /** Per-source limit on the public API routes (0 = off); defaults to TIPLINE_RATE_LIMIT_PER_MINUTE or a generous default. */
  readonly rateLimitPerMinute?: number;
  /** Wrong receipts per source before a 429 (0 = off); defaults to `limits.receiptGuessesPerSource`. */
  readonly guessesPerSource?: number;
}

export interface LocalStack {
  readonly url: string;
  readonly env: Record<string, string>;
  readonly resources: LocalResources;
  readonly keys: KeyPair;
  readonly emulators: Emulators;
  pollers: Record<QueueKey, QueuePoller>;
  readonly handlers: Record<FunctionKey, AnyHandler>;
  startPollers(): void;
  stopPollers(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole pipeline in one process: emulators, resources from
 * shared/resources.ts, the HTTP adapter and one poller per queue, all calling
 * the same handler modules Lambda runs.
 */
export async function startLocalStack(options: LocalStackOptions = {}, logger: Logger = createLogger('local')): Promise<LocalStack> {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  const persist = options.persist ?? true;
  let ready = false;

  const emulators = await startEmulators(persist ? { dataDir } : {});
  const resources = await bootstrap({
    dynamoEndpoint: emulators.dynamoEndpoint,
    awsEndpoint: emulators.awsEndpoint,
    ...(persist ? { dataDir } : {}),
    ...(options.visibilityTimeoutSeconds === undefined ? {} : { visibilityTimeoutSeconds: options.visibilityTimeoutSeconds }),
  });
  // The adapter listens first (answering 503 on /health) so its address is known:
  // presigned upload and download links point at its narrow /_s3 endpoint
  // (local/s3-endpoint.ts), on the page's own origin, while the functions' SDK
  // calls go straight to the emulator, which listens on loopback only.
  const handlers = {} as Record<FunctionKey, AnyHandler>;
  const keys = await loadOrCreateKeys(dataDir);
  const adapter = await startHttpAdapter({
    port: options.port ?? 0,
    handlers,
    logger,
    isReady: () => ready,
    authorizer: { verify: async (token) => (await verifyToken(keys, token)) as Record<string, unknown> | null },
    extra:
      options.extra ??
      staticRoutes(ROOT, s3Endpoint({ internalEndpoint: emulators.awsEndpoint, buckets: (Object.keys(buckets) as BucketKey[]).map(localBucketName) })),
    ...(options.rateLimitPerMinute === undefined ? {} : { rateLimitPerMinute: options.rateLimitPerMinute }),
    ...(options.guessesPerSource === undefined ? {} : { guessesPerSource: options.guessesPerSource }),
  });
  const env = {
    ...resources.env,
    // The functions sign presigned links with the endpoint's random key (see LOCAL_SIGNING) and point them at it.
    AWS_ACCESS_KEY_ID: LOCAL_SIGNING.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_SIGNING.secretAccessKey,
    TIPLINE_S3_PUBLIC_ENDPOINT: `${adapter.url}${S3_PREFIX}`,
  };

  // Handlers read configuration once at import, as in Lambda, so set it first.
  Object.assign(process.env, env);
  for (const key of Object.keys(functions) as FunctionKey[]) handlers[key] = await loadHandler(key);

  if (options.seed ?? true) {
    const { createObject } = await import('#shared/store/objects.ts');
    for (const object of demoObjects) await createObject(object);
  }

  const makePollers = (): Record<QueueKey, QueuePoller> => {
    const result = {} as Record<QueueKey, QueuePoller>;
    for (const key of Object.keys(queues) as QueueKey[]) {
      const queue = queues[key];
      result[key] = new QueuePoller({
        name: key,
        queueUrl: resources.queueUrls[key].url,
        queue,
        consumer: functions[queue.consumer],
        handler: handlers[queue.consumer],
        endpoint: emulators.awsEndpoint,
        region: LOCAL_REGION,
        logger,
        ...(options.pollerConcurrency === undefined ? {} : { concurrency: options.pollerConcurrency }),
      });
    }
    return result;
  };

  const stack = {
    url: adapter.url,
    env,
    resources,
    keys,
    emulators,
    pollers: makePollers(),
    handlers,
    startPollers(): void {
      for (const poller of Object.values(stack.pollers)) poller.start();
    },
    async stopPollers(): Promise<void> {
      await Promise.all(Object.values(stack.pollers).map((poller) => poller.stop()));
      // A stopped poller cannot restart (its client is gone); make fresh ones like a new Lambda.
      stack.pollers = makePollers();
    },
    async stop(): Promise<void> {
      ready = false;
      stopSweeper();
      await adapter.close();
      await Promise.all(Object.values(stack.pollers).map((poller) => poller.stop()));
      await emulators.stop();
    },
  };
  if (options.startPollers ?? true) stack.startPollers();
  const stopSweeper = startSweeper(logger);
  ready = true;
  return stack;
}

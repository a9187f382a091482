import { mkdirSync } from 'node:fs';
import { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import dynalite from 'dynalite';
import { startFauxqs, type FauxqsServer } from 'fauxqs';

export interface Emulators {
  readonly dynamoEndpoint: string;
  /** SQS and S3 share one fauxqs endpoint, on loopback; internal (never exposed through the API port). */
  readonly awsEndpoint: string;
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  /** Where state persists across restarts; in memory when undefined (tests). */
  readonly dataDir?: string;
  readonly dynamoPort?: number;
  readonly awsPort?: number;
}

/**
 * Runs `start` with every HTTP server that asks to listen on all interfaces
 * listening on 127.0.0.1 instead. fauxqs 2.4.1 hard-codes `0.0.0.0` in
 * startFauxqs and offers no option; its S3 and SQS check no signature, so on
 * any other interface anyone on the network could read the bucket and post
 * to the queues. Its port is internal: only this process's functions, pollers
 * and the narrow /_s3 endpoint (local/s3-endpoint.ts) talk to it.
 */
async function onLoopback<T>(start: () => Promise<T>): Promise<T> {
  const listen = Server.prototype.listen;
  Server.prototype.listen = function (this: Server, ...args: unknown[]) {
    const [first] = args;
    if (typeof first === 'object' && first !== null && (first as { host?: unknown }).host === '0.0.0.0') {
      args[0] = { ...first, host: '127.0.0.1' };
    }
    return (listen as (...rest: unknown[]) => Server).apply(this, args);
  } as typeof listen;
  try {
    return await start();
  } finally {
    Server.prototype.listen = listen;
  }
}

/** Starts dynalite (DynamoDB) and fauxqs (SQS + S3) in this process, both on loopback only. */
export async function startEmulators(options: EmulatorOptions = {}): Promise<Emulators> {
  let dynamoPath: string | undefined;
  let fauxqsDir: string | undefined;
  if (options.dataDir !== undefined) {
    dynamoPath = join(options.dataDir, 'dynamodb');
    fauxqsDir = join(options.dataDir, 'fauxqs');
    mkdirSync(dynamoPath, { recursive: true });
    mkdirSync(fauxqsDir, { recursive: true });
  }
  const dynamo: Server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(dynamoPath ? { path: dynamoPath } : {}) });
  await new Promise<void>((resolve, reject) => {
    dynamo.once('error', reject);
    dynamo.listen(options.dynamoPort ?? 0, '127.0.0.1', () => resolve());
  });
  const dynamoPort = (dynamo.address() as AddressInfo).port;

  let fauxqs: FauxqsServer;
  try {
    fauxqs = await onLoopback(() =>
      startFauxqs({
        port: options.awsPort ?? 0,
        logger: false,
        host: 'localhost',
        ...(fauxqsDir ? { dataDir: fauxqsDir } : {}),
      }),
    );
  } catch (error) {
    await new Promise((resolve) => dynamo.close(resolve));
    throw error;
  }

  return {
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    awsEndpoint: `http://127.0.0.1:${fauxqs.port}`,
    async stop() {
      await fauxqs.stop();
      await new Promise((resolve) => dynamo.close(resolve));
    },
  };
}

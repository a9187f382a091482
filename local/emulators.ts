import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import dynalite from 'dynalite';
import { startFauxqs, type FauxqsServer } from 'fauxqs';

export interface Emulators {
  readonly dynamoEndpoint: string;
  /** SQS and S3 share one fauxqs endpoint. */
  readonly awsEndpoint: string;
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  /** Where state persists across restarts; in memory when undefined (tests). */
  readonly dataDir?: string;
  readonly dynamoPort?: number;
  readonly awsPort?: number;
}

/** Starts dynalite (DynamoDB) and fauxqs (SQS + S3) in this process. */
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
    fauxqs = await startFauxqs({
      port: options.awsPort ?? 0,
      logger: false,
      host: 'localhost',
      ...(fauxqsDir ? { dataDir: fauxqsDir } : {}),
    });
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

import { ConfigurationError } from './errors.ts';
import type { BucketKey, QueueKey, TableKey } from './resources.ts';
import { buckets, queues, tables } from './resources.ts';

/**
 * Read a required setting once, at init, and fail loudly: a function that
 * starts without its table name would only fail later, on a tipster's request.
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigurationError(`Missing required environment variable ${name}`);
  }
  return value;
}

export function optionalEnv(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? fallback : value;
}

export const tableName = (key: TableKey): string => requireEnv(tables[key].envVar);
export const queueUrl = (key: QueueKey): string => requireEnv(queues[key].envVar);
export const bucketName = (key: BucketKey): string => requireEnv(buckets[key].envVar);

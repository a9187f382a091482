import type { BucketKey, QueueKey, TableKey } from '#shared/resources.ts';
import { buckets, queues, tables } from '#shared/resources.ts';

/** Physical names of the local resources; on AWS CloudFormation generates them. */
export const localTableName = (key: TableKey): string => `tipline-${tables[key].id}`;
export const localQueueName = (key: QueueKey): string => `tipline-${queues[key].id.toLowerCase()}`;
export const localDlqName = (key: QueueKey): string => `${localQueueName(key)}-dlq`;
export const localBucketName = (key: BucketKey): string => `tipline-${buckets[key].id.toLowerCase()}`;

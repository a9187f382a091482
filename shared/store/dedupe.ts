import { tableName } from '../config.ts';
import { DedupeEngine } from '../dedupe/index.ts';
import { documents } from './clients/dynamo.ts';
import { DynamoDedupeIndex } from './dedupe-index.ts';

/** The deduplicator over its DynamoDB index, built once per container. */
export const dedupeEngine = new DedupeEngine(new DynamoDedupeIndex({ tableName: tableName('dedupe'), client: documents }));

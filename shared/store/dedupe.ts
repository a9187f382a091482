import { DedupeEngine } from '../dedupe/index.ts';
import { dedupeIndex } from './cluster-sizes.ts';

/** The deduplicator over its DynamoDB index, built once per container. */
export const dedupeEngine = new DedupeEngine(dedupeIndex);

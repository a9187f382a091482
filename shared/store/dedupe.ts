import { DedupeEngine } from '../dedupe/index.ts';
import { dedupeIndex } from './cluster-sizes.ts';
import { isClusterRoot } from './tips.ts';

/**
 * The deduplicator over its DynamoDB index, built once per container. Before
 * a tip is attached to a cluster, its first tip is read from the Tips table
 * (one strongly consistent GetItem per duplicate), so an index entry left by
 * an expired tip can never swallow a new one.
 */
export const dedupeEngine = new DedupeEngine(dedupeIndex, { isLiveRoot: isClusterRoot });

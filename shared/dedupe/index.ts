/**
 * Tipline deduplication: public entry point.
 *
 *   const engine = new DedupeEngine(new MemoryDedupeIndex());        // or DynamoDedupeIndex
 *   const d = await engine.process({ tipId, objectId, text });
 *   // d: { tipId, clusterId, duplicateOf, similarity, reason: 'exact' | 'near' | 'new' }
 */
export { DedupeEngine, clusterKey, memberHash, MEMBER_HASH_CHARS } from './engine.ts';
export type { DedupeDecision, DedupeReason, EngineOptions, TipInput } from './engine.ts';
export type { BucketState, ClusterState, DedupeIndexPort, IndexStats } from './port.ts';
export { emptyStats } from './port.ts';
export { MemoryDedupeIndex } from './memory-index.ts';
export { normalise, prepare } from '../text/normalise.ts';
export { analyse } from './analyse.ts';
export { sha256Hex } from '../hash.ts';
export type { Analysis } from './analyse.ts';
export { compare, isTypo, editDistance, DEFAULT_CALIBRATION, DEFAULT_THRESHOLD } from './similarity.ts';
export type { Calibration, Comparison } from './similarity.ts';
export { fingerprintOf, encodeEntry, decodeEntry } from './fingerprint.ts';
export type { Fingerprint } from './fingerprint.ts';
export { chains } from './lsh.ts';

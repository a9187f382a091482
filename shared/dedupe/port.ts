/**
 * The storage port of the dedupe engine: a key → small-item store with
 * optimistic concurrency, implemented in memory (CLI, tests, bench) and on
 * DynamoDB (shared/store/dedupe-index.ts). Keys are complete partition keys
 * built by the engine (`<objectId>#<bucket>`, `<objectId>#C#<clusterId>`).
 */

/** A blocking bucket: fingerprints of cluster roots, bounded to ~1 KB. */
export interface BucketState {
  /** 1 for a new item, +1 per write; the optimistic-concurrency token. */
  readonly version: number;
  /** Encoded fingerprints (see fingerprint.ts), oldest first. */
  readonly entries: readonly string[];
  /** Set when the bucket has no room left: new roots go one level down the chain. */
  readonly full: boolean;
}

/** Per-cluster counter with the recent members that were counted (for redelivery). */
export interface ClusterState {
  /** Number of duplicates counted (the cluster size is count + 1). */
  readonly count: number;
  /** Concatenated MEMBER_HASH_CHARS-character hashes of the last counted tip ids. */
  readonly ring: string;
}

export interface DedupeIndexPort {
  /** Reads buckets (absent keys are left out of the map). One round trip. */
  getBuckets(keys: readonly string[], consistent: boolean): Promise<ReadonlyMap<string, BucketState>>;
  /**
   * Writes a bucket if its stored version is `expectedVersion` (0: the item
   * must not exist). Returns false when the condition fails (a racing writer).
   */
  putBucket(key: string, next: BucketState, expectedVersion: number): Promise<boolean>;
  getClusters(keys: readonly string[], consistent: boolean): Promise<ReadonlyMap<string, ClusterState>>;
  /** Writes a counter if its stored count is `expectedCount` (null: must not exist). */
  putCluster(key: string, next: ClusterState, expectedCount: number | null): Promise<boolean>;
  /** Removes a counter (its cluster's first tip has expired); removing a missing one succeeds. */
  deleteCluster(key: string): Promise<void>;
}

/** Operation counts, kept identically by every port implementation for the bench. */
export interface IndexStats {
  readRequests: number;
  itemsRead: number;
  writeRequests: number;
  conditionFailures: number;
}

export const emptyStats = (): IndexStats => ({ readRequests: 0, itemsRead: 0, writeRequests: 0, conditionFailures: 0 });

/** In-memory implementation of the dedupe index port (CLI, tests, bench). */
import type { BucketState, ClusterState, DedupeIndexPort, IndexStats } from './port.ts';
import { emptyStats } from './port.ts';

/** The entries of `map` under `keys`, missing keys left out (as BatchGetItem does). */
function present<V>(map: ReadonlyMap<string, V>, keys: readonly string[]): Map<string, V> {
  const out = new Map<string, V>();
  for (const k of keys) {
    const v = map.get(k);
    if (v !== undefined) out.set(k, v);
  }
  return out;
}

export class MemoryDedupeIndex implements DedupeIndexPort {
  readonly buckets = new Map<string, BucketState>();
  readonly clusters = new Map<string, ClusterState>();
  readonly stats: IndexStats = emptyStats();

  async getBuckets(keys: readonly string[]): Promise<ReadonlyMap<string, BucketState>> {
    this.stats.readRequests++;
    this.stats.itemsRead += keys.length;
    return present(this.buckets, keys);
  }

  async putBucket(key: string, next: BucketState, expectedVersion: number): Promise<boolean> {
    this.stats.writeRequests++;
    const cur = this.buckets.get(key);
    if ((cur?.version ?? 0) !== expectedVersion) {
      this.stats.conditionFailures++;
      return false;
    }
    this.buckets.set(key, { version: next.version, entries: [...next.entries], full: next.full });
    return true;
  }

  async getClusters(keys: readonly string[]): Promise<ReadonlyMap<string, ClusterState>> {
    this.stats.readRequests++;
    this.stats.itemsRead += keys.length;
    return present(this.clusters, keys);
  }

  async putCluster(key: string, next: ClusterState, expectedCount: number | null): Promise<boolean> {
    this.stats.writeRequests++;
    const cur = this.clusters.get(key);
    if ((cur === undefined ? null : cur.count) !== expectedCount) {
      this.stats.conditionFailures++;
      return false;
    }
    this.clusters.set(key, { ...next });
    return true;
  }

  async deleteCluster(key: string): Promise<void> {
    this.stats.writeRequests++;
    this.clusters.delete(key);
  }
}

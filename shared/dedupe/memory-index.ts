/** In-memory implementation of the dedupe index port (CLI, tests, bench). */
import type { BucketState, ClusterState, DedupeIndexPort, IndexStats } from './port.ts';
import { emptyStats } from './port.ts';

export class MemoryDedupeIndex implements DedupeIndexPort {
  readonly buckets = new Map<string, BucketState>();
  readonly clusters = new Map<string, ClusterState>();
  readonly stats: IndexStats = emptyStats();

  async getBuckets(keys: readonly string[]): Promise<ReadonlyMap<string, BucketState>> {
    this.stats.readRequests++;
    this.stats.itemsRead += keys.length;
    const out = new Map<string, BucketState>();
    for (const k of keys) {
      const v = this.buckets.get(k);
      if (v) out.set(k, v);
    }
    return out;
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
    const out = new Map<string, ClusterState>();
    for (const k of keys) {
      const v = this.clusters.get(k);
      if (v) out.set(k, v);
    }
    return out;
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
}

/**
 * The read side of the dedupe index's cluster counters: how many tips a
 * cluster counts. Its own module so the investigator API, which only reads
 * sizes, does not bundle the engine's text analysis (~20 KB).
 */
import type { ClusterState, DedupeIndexPort } from './port.ts';

/** Key of a cluster counter in the index: one per object and first tip. */
export function clusterKey(objectId: string, clusterId: string): string {
  return `${objectId}#C#${clusterId}`;
}

/** Cluster sizes (the first tip included) for many clusters in one read. */
export async function clusterSizes(
  index: Pick<DedupeIndexPort, 'getClusters'>,
  clusters: readonly { objectId: string; clusterId: string }[],
): Promise<Map<string, number>> {
  const keys = [...new Set(clusters.map(({ objectId, clusterId }) => clusterKey(objectId, clusterId)))];
  const got = keys.length === 0 ? new Map<string, ClusterState>() : await index.getClusters(keys, false);
  const sizes = new Map<string, number>();
  for (const { objectId, clusterId } of clusters) {
    sizes.set(clusterId, 1 + (got.get(clusterKey(objectId, clusterId))?.count ?? 0));
  }
  return sizes;
}

import { tableName } from '../config.ts';
import { clusterSizes as readClusterSizes } from '../dedupe/clusters.ts';
import { documents } from './clients/dynamo.ts';
import { DynamoDedupeIndex } from './dedupe-index.ts';

/**
 * The dedupe index over DynamoDB, built once per container. It lives here, not
 * beside the engine (shared/store/dedupe.ts), so the investigator API can read
 * cluster sizes without bundling the engine's text analysis (~20 KB).
 */
export const dedupeIndex = new DynamoDedupeIndex({ tableName: tableName('dedupe'), client: documents });

/** Cluster sizes from the dedupe index (the investigator API reads them; only the dedupe consumer writes them). */
export function clusterSizes(clusters: readonly { objectId: string; clusterId: string }[]): Promise<Map<string, number>> {
  return readClusterSizes(dedupeIndex, clusters);
}

import { tableName } from '../config.ts';
import { clusterSizes as readClusterSizes } from '../dedupe/clusters.ts';
import { documents } from './clients/dynamo.ts';
import { DynamoDedupeIndex } from './dedupe-index.ts';

const index = new DynamoDedupeIndex({ tableName: tableName('dedupe'), client: documents });

/** Cluster sizes from the dedupe index (the investigator API reads them; only the dedupe consumer writes them). */
export function clusterSizes(clusters: readonly { objectId: string; clusterId: string }[]): Promise<Map<string, number>> {
  return readClusterSizes(index, clusters);
}

/**
 * Spark's RDDInfo.fromRdd: the facts about an RDD that stage events carry, so that readers (the lineage panel,
 * task sites) join by id instead of parsing the RDD's toString().
 */
import type { RddInfo } from '../core/events';
import type { RDD } from '../rdd/RDD';

export function rddInfo(rdd: RDD<unknown>): RddInfo {
  return {
    id: rdd.id,
    ...(rdd.name !== undefined ? { name: rdd.name } : {}),
    className: rdd.className,
    op: rdd.opName,
    ...(rdd.callSite !== undefined ? { callSite: rdd.callSite } : {}),
    numPartitions: rdd.getNumPartitions(),
    parentIds: rdd.dependencies.map((d) => d.rdd.id),
    storageLevel: rdd.getStorageLevel().name,
    ...(rdd.scope ? { dstreamId: rdd.scope.dstreamId, batchTime: rdd.scope.batchTime } : {}),
  };
}

/** The methods of RDD.ts' "Sets, zips, grouping, iteration, barriers, checkpointing" block, one file each. */
export { intersection } from './intersection';
export { subtract } from './subtract';
export { zip } from './zip';
export { zipPartitions, type ZipPartitionsArgs } from './zipPartitions';
export { zipWithUniqueId } from './zipWithUniqueId';
export { groupBy } from './groupBy';
export { groupWith } from './groupWith';
export { repartitionAndSortWithinPartitions } from './repartitionAndSortWithinPartitions';
export { toLocalIterator } from './toLocalIterator';
export { RDDBarrier } from './barrier';
export { checkpoint, localCheckpoint, isCheckpointed, isLocallyCheckpointed, getCheckpointFile } from './checkpoint';

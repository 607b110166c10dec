/** The group "statistics, ordering, tree aggregation, sampling, approximate actions": one method per file here; RDD.ts delegates. */
export { histogram } from './histogram';
export { max } from './max';
export { mean } from './mean';
export { min } from './min';
export { reduceByKeyLocally } from './reduceByKeyLocally';
export { sampleStdev } from './sampleStdev';
export { sampleVariance } from './sampleVariance';
export { stats } from './stats';
export { stdev } from './stdev';
export { sum } from './sum';
export { takeOrdered } from './takeOrdered';
export { top } from './top';
export { treeAggregate } from './treeAggregate';
export { treeReduce } from './treeReduce';
export { variance } from './variance';

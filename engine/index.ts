/**
 * The engine's only public door: Spark's names, TypeScript types. Framework-free: runs in Node, in a browser
 * worker and in-process.
 */
import { NodeFileSystem } from './cluster/node/nodeFileSystem';
import { setDefaultFileSystem } from './rdd/SparkContext';
import './cluster/index';   // registers the local-cluster[W,C,M] backend (worker executors)

export { SparkConf } from './core/conf';
export { Duration, Time, Seconds, Milliseconds, Minutes, parseDuration } from './core/time';
export { ManualClock, SystemClock, type Clock } from './core/clock';
export { Some, None, type Option, isOption } from './core/option';
export { CompactBuffer } from './core/compactBuffer';
export { ScalaArrayBuffer } from './core/arrayBuffer';
export { formatRecord, formatPrintedBatch } from './core/format';
export { closure, shipFunction, freeVariables, checkFunctionSource } from './core/closure';
export { Broadcast } from './core/broadcast';
export { EventBus, type EngineEvent, type EngineEventType, type EngineListener, type BatchInfo, type EventOf } from './core/events';
export { errors, SparkException } from './core/errors';
export { MemoryFileSystem, type FileSystem } from './core/fileSystem';
export { Rng } from './core/rng';
export { ShippedGlobals } from './core/shippedGlobals';
export { ENGINE_SHIPPED_GLOBALS } from './runtime/shippedGlobals';
export { SparkContext, setDefaultFileSystem, registerClusterBackend } from './rdd/SparkContext';
export { RDD } from './rdd/RDD';
export { TaskContext } from './executor/taskContext';
export { HashPartitioner, RangePartitioner, Partitioner } from './rdd/partitioner';
export { StorageLevel } from './rdd/storageLevel';
export * from './streaming/index';
export { readCheckpoint } from './streaming/checkpointReader';
export type { GetOrCreateOptions } from './streaming/recovery';
export { IndexedDbFileSystem } from './cluster/browser/indexedDbFileSystem';
export { NodeFileSystem };


// In Node, files (saveAsTextFiles, textFileStream, checkpoints) live in real directories.
if (typeof process !== 'undefined' && process.versions?.node) setDefaultFileSystem(() => new NodeFileSystem());

/**
 * The engine's only public door: Spark's names, TypeScript types. Framework-free: runs in Node, in a browser
 * worker and in-process; what differs between those hosts is the runtime a context is given (engine/runtime/).
 * Importing this module has no side effects.
 */

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
export { SparkContext, type SparkContextOptions } from './rdd/SparkContext';
export { createRuntime, type EngineRuntime, type HostOverrides } from './runtime/runtime';
export { nodeRuntime } from './runtime/nodeRuntime';
export { browserRuntime } from './runtime/browserRuntime';
export { inProcessRuntime } from './runtime/inProcessRuntime';
export { HOST_RUNTIME } from './runtime/hostRuntime';
export { RDD } from './rdd/RDD';
export { TaskContext } from './executor/taskContext';
export { SparkFiles } from './rdd/methods/addFile';
export { RDDBarrier } from './rdd/methods/barrier';
export { HashPartitioner, RangePartitioner, Partitioner } from './rdd/partitioner';
export { StorageLevel } from './rdd/storageLevel';
export { StatCounter } from './core/statCounter';
export { BoundedDouble, PartialResult } from './core/partialResult';
export * from './streaming/index';
export { readCheckpoint } from './streaming/checkpointReader';
export type { GetOrCreateOptions } from './streaming/recovery';
export { IndexedDbFileSystem } from './cluster/browser/indexedDbFileSystem';
export { NodeFileSystem } from './cluster/node/nodeFileSystem';


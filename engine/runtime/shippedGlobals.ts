/**
 * The engine's table of shipped globals: every engine value a shipped function may name, imported explicitly
 * here and nowhere registered. Driver and executors import this one module, so both sides hold the same table
 * whichever engine modules a host happens to load first (a worker entry needs no side-effect import).
 *
 * To make another engine value usable in user functions, import it here and add it to the table.
 */
import { ScalaArrayBuffer } from '../core/arrayBuffer';
import { CompactBuffer } from '../core/compactBuffer';
import { keyEquals } from '../core/equality';
import { None, Some } from '../core/option';
import { ShippedGlobals } from '../core/shippedGlobals';
import { Duration, Milliseconds, Minutes, Seconds, Time } from '../core/time';
import { TaskContext } from '../executor/taskContext';
import { SparkFiles } from '../rdd/methods/addFile';
import { HashPartitioner } from '../rdd/partitioner';
import { RddInternals } from '../rdd/methods/internals';
import { State } from '../streaming/dstream/stateSpec';
import { StreamingInternals } from '../streaming/internals';

export const ENGINE_SHIPPED_GLOBALS: ShippedGlobals = ShippedGlobals.of({
  Some, None, CompactBuffer, Seconds, Milliseconds, Minutes, Duration, Time,
  ScalaArrayBuffer, keyEquals, HashPartitioner, State, StreamingInternals, TaskContext,
  SparkFiles,
  RddInternals,
});

/**
 * The DStream families as one explicit, immutable table, built here by explicit imports. DStream's methods
 * construct families through the table their StreamingContext holds (`this.ssc.families`), so DStream.ts need
 * not import its own subclasses (an ES module cycle: a subclass module must evaluate `extends DStream` after
 * DStream exists) and no family module registers itself.
 */
import * as Stateless from './stateless';
import * as Window from './window';
import * as State from './state';
import * as MapWithState from './mapWithState';
import * as Output from './output';

export const DSTREAM_FAMILIES = Object.freeze({
  MappedDStream: Stateless.MappedDStream,
  FlatMappedDStream: Stateless.FlatMappedDStream,
  FilteredDStream: Stateless.FilteredDStream,
  GlommedDStream: Stateless.GlommedDStream,
  MapPartitionedDStream: Stateless.MapPartitionedDStream,
  MapValuedDStream: Stateless.MapValuedDStream,
  FlatMapValuedDStream: Stateless.FlatMapValuedDStream,
  TransformedDStream: Stateless.TransformedDStream,
  UnionDStream: Stateless.UnionDStream,
  ShuffledDStream: Stateless.ShuffledDStream,
  WindowedDStream: Window.WindowedDStream,
  ReducedWindowedDStream: Window.ReducedWindowedDStream,
  StateDStream: State.StateDStream,
  MapWithStateDStream: MapWithState.MapWithStateDStream,
  ForEachDStream: Output.ForEachDStream,
});

export type Families = typeof DSTREAM_FAMILIES;

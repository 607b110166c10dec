/**
 * The DStream families, filled in by their modules when engine/streaming is loaded. DStream's methods
 * construct families through this table so that DStream.ts need not import its own subclasses (an ES
 * module cycle: a subclass module must evaluate `extends DStream` after DStream exists).
 */
import type * as Stateless from './stateless';
import type * as Window from './window';
import type * as State from './state';
import type * as MapWithState from './mapWithState';
import type * as Output from './output';

export interface Families {
  MappedDStream: typeof Stateless.MappedDStream;
  FlatMappedDStream: typeof Stateless.FlatMappedDStream;
  FilteredDStream: typeof Stateless.FilteredDStream;
  GlommedDStream: typeof Stateless.GlommedDStream;
  MapPartitionedDStream: typeof Stateless.MapPartitionedDStream;
  MapValuedDStream: typeof Stateless.MapValuedDStream;
  FlatMapValuedDStream: typeof Stateless.FlatMapValuedDStream;
  TransformedDStream: typeof Stateless.TransformedDStream;
  UnionDStream: typeof Stateless.UnionDStream;
  ShuffledDStream: typeof Stateless.ShuffledDStream;
  WindowedDStream: typeof Window.WindowedDStream;
  ReducedWindowedDStream: typeof Window.ReducedWindowedDStream;
  StateDStream: typeof State.StateDStream;
  MapWithStateDStream: typeof MapWithState.MapWithStateDStream;
  ForEachDStream: typeof Output.ForEachDStream;
}

export const families = {} as Families;

export function registerFamilies(part: Partial<Families>): void { Object.assign(families, part); }

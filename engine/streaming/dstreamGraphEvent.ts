/**
 * The dstreamGraph event: what each DStream of the started graph is (its node, op, parents, slide, window,
 * remember, stateful, output), read from the DStreams themselves. Readers join RDD infos' dstreamId to it
 * instead of keeping their own lists of operator names.
 */
import type { DStreamInfo, EventOf } from '../core/events';
import type { DStream } from './dstream/DStream';
import type { DStreamGraph } from './DStreamGraph';
import { ForEachDStream } from './dstream/output';
import { StateDStream } from './dstream/state';
import { InternalMapWithStateDStream, MapWithStateDStream } from './dstream/mapWithState';
import { ReducedWindowedDStream, WindowedDStream } from './dstream/window';
import { InputDStream } from './input/InputDStream';

function windowMsOf(d: DStream<unknown>): number | undefined {
  return d instanceof WindowedDStream || d instanceof ReducedWindowedDStream ? d.windowDuration.milliseconds : undefined;
}

const isStateful = (d: DStream<unknown>) =>
  d instanceof StateDStream || d instanceof InternalMapWithStateDStream || d instanceof MapWithStateDStream;

export function dstreamInfo(d: DStream<unknown>): DStreamInfo {
  const windowMs = windowMsOf(d);
  return {
    id: d.id,
    className: d.constructor.name,
    op: d.opName,
    ...(d.nodeId !== undefined ? { nodeId: d.nodeId } : {}),
    ...(d.creationSite !== undefined ? { callSite: d.creationSite } : {}),
    parentIds: d.dependencies.map((p) => p.id),
    slideMs: d.slideDuration.milliseconds,
    ...(windowMs !== undefined ? { windowMs } : {}),
    ...(d.rememberDuration ? { rememberMs: d.rememberDuration.milliseconds } : {}),
    ...(d.checkpointDuration ? { checkpointMs: d.checkpointDuration.milliseconds } : {}),
    stateful: isStateful(d),
    output: d instanceof ForEachDStream,
    ...(d instanceof InputDStream ? { inputStreamId: d.inputStreamId } : {}),
  };
}

/** The graph's DStreams, parents before children (call once the graph has started: remember durations are set). */
export function dstreamGraphEvent(graph: DStreamGraph, time: number): EventOf<'dstreamGraph'> {
  return { type: 'dstreamGraph', time, batchDurationMs: graph.batchDuration.milliseconds, dstreams: graph.allStreams().map(dstreamInfo) };
}

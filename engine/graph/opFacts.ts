/**
 * What a graph node is, asked of the operator registry: output or not, stateful or not, its window, the socket it
 * reads, the directories it writes. Readers outside engine/graph (the panels, the netcat tab, the result view) ask
 * here instead of keeping their own lists of operator names and parameter names.
 */
import { getOp } from './registry';
import { opNeedsCheckpoint, resolveParams } from './opSpec';
import { localOutputPath } from '../rdd/hadoopOutput';

/** A node as these questions need it (a graph node, or the canvas's node data). */
export interface NodeFacts { id: string; op: string; params?: Record<string, unknown>; label?: string }

export interface NodeWindow {
  windowMs: number;
  slideMs: number;
  /** Computed incrementally (an inverse reduce; Spark gives countByWindow and countByValueAndWindow one of its own). */
  inverse: boolean;
}

/** A positive number of milliseconds from a param (numbers or numeric text), else undefined. */
function positiveMs(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

const paramsOf = (n: NodeFacts) => {
  const op = getOp(n.op);
  return op ? { op, params: resolveParams(op, n.params) } : undefined;
};

/** An output operation (print, saveAs…, foreachRDD): it makes no DStream of its own. */
export function isOutputOp(opName: string): boolean {
  return getOp(opName)?.category === 'output';
}

export function isStatefulOp(opName: string): boolean {
  return !!getOp(opName)?.flags.stateful;
}

/** The window of a windowed op's node (its durations; an unset slide is the batch interval), else undefined. */
export function nodeWindow(n: NodeFacts, batchMs: number): NodeWindow | undefined {
  const r = paramsOf(n);
  if (!r?.op.flags.windowed) return undefined;
  return {
    windowMs: positiveMs(r.params.window) ?? batchMs,
    slideMs: positiveMs(r.params.slide) ?? batchMs,
    inverse: opNeedsCheckpoint(r.op, r.params),
  };
}

/** The host and port a socket source's node reads (the op's defaults when blank or out of range), else undefined. */
export function nodeSocket(n: NodeFacts): { host: string; port: number } | undefined {
  const r = paramsOf(n);
  if (!r?.op.flags.socket) return undefined;
  const hostSpec = r.op.params.host, portSpec = r.op.params.port;
  const h = r.params.host, v = r.params.port;
  const port = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  const inRange = Number.isInteger(port) && port >= (portSpec?.min ?? 1) && port <= (portSpec?.max ?? 65535);
  return {
    host: typeof h === 'string' && h.trim() ? h.trim() : String(hostSpec?.default ?? ''),
    port: inRange ? port : Number(portSpec?.default),
  };
}

export function readsSocket(opName: string): boolean {
  return !!getOp(opName)?.flags.socket;
}

/** The directory names an output node writes per batch (`<prefix>-<ms>[.<suffix>]`), else undefined. */
export function nodeOutputDirs(n: NodeFacts): { prefix: string; suffix: string } | undefined {
  const r = paramsOf(n);
  if (!r?.op.flags.writesFiles) return undefined;
  const prefix = String(r.params.prefix ?? '');
  return { prefix: r.op.flags.hadoopPaths ? localOutputPath(prefix) : prefix, suffix: typeof r.params.suffix === 'string' ? r.params.suffix : '' };
}

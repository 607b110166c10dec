/**
 * Builds the DStreams of a pipeline graph on a StreamingContext, in topological order, through the registry only.
 * The same function runs in the browser's driver worker, in Node (headless) and in tests.
 */
import type { PipelineGraph, ValidationIssue } from './types';
import type { BuildContext, DStream, EngineApi, StreamingContextLike } from './opSpec';
import { resolveParams } from './opSpec';
import { getOp } from './registry';
import { incomingByPort, topologicalOrder, validateGraph } from './validate';
import { Duration, Milliseconds, Minutes, Seconds, Time } from '../core/time';
import { None, Some } from '../core/option';
import { CompactBuffer } from '../core/compactBuffer';
import { ENGINE_SHIPPED_GLOBALS } from '../runtime/shippedGlobals';
import { StateSpec } from '../streaming/dstream/stateSpec';
import { codeOf, errors } from '../core/errors';
import { compileCode } from '../core/closure';

/** Thrown when a graph cannot be built: carries every issue (validation errors, or the build error of one node). */
export class GraphValidationError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.filter((i) => i.severity === 'error').map((i) => (i.nodeId ? `${i.nodeId}: ${i.message}` : i.message)).join('\n'));
    this.name = 'GraphValidationError';
  }
}

export interface BuildOptions {
  /** Engine values builders need (StateSpec, ...) and driver functions see; the core ones are always there. */
  api?: EngineApi;
  /** Skip validateGraph (the caller already did). Default false. */
  skipValidation?: boolean;
}

export interface BuiltPipeline {
  /** The DStream of every node that returns one (outputs and code nodes used as sinks do not). */
  streams: Map<string, DStream>;
  /** Output nodes, in build (registration) order. */
  outputs: string[];
  /** DStream id → node id, for annotating events (recordsSample) with the node that made the stream. */
  dstreamToNode: Map<number, string>;
  /** Node ids in the order they were built. */
  order: string[];
  /** Warnings of validation (errors throw). */
  warnings: ValidationIssue[];
}

const CORE_API: EngineApi = { Duration, Milliseconds, Seconds, Minutes, Time, Some, None, CompactBuffer, StateSpec };

/**
 * Compiles a driver-side function's source. In scope: the engine's names (Some, None, Seconds, StateSpec, shipped
 * globals, `api`) and `extra` — buildPipeline passes `ssc` and `sc`, as an exported program has them in scope.
 */
export function compileDriverFunction<F extends (...args: never[]) => unknown = (...args: unknown[]) => unknown>(
  source: string, api: EngineApi = CORE_API, extra: Record<string, unknown> = {},
): F {
  const scope: Record<string, unknown> = {};
  for (const n of ENGINE_SHIPPED_GLOBALS.names()) scope[n] = ENGINE_SHIPPED_GLOBALS.get(n);
  Object.assign(scope, CORE_API, api, extra);
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  // Through the realm's compiler, as shipped functions are (a sandboxed Node host disallows new Function).
  const factory = compileCode(names, `"use strict";\nreturn (${source}\n);`);
  const fn = factory(...names.map((n) => scope[n]));
  if (typeof fn !== 'function') throw errors.notFunctionSource(typeof fn);
  return fn as F;
}

export function buildPipeline(graph: PipelineGraph, ssc: StreamingContextLike, opts: BuildOptions = {}): BuiltPipeline {
  const issues = opts.skipValidation ? [] : validateGraph(graph);
  if (issues.some((i) => i.severity === 'error')) throw new GraphValidationError(issues);
  const api: EngineApi = { ...CORE_API, ...(opts.api ?? {}) };
  const incoming = incomingByPort(graph);
  const built: BuiltPipeline = { streams: new Map(), outputs: [], dstreamToNode: new Map(), order: [], warnings: issues };

  for (const node of topologicalOrder(graph).order) {
    const op = getOp(node.op);
    if (!op) throw new GraphValidationError([{ nodeId: node.id, severity: 'error', message: errors.unknownOp(node.op).message, code: 'UNKNOWN_OP' }]);
    const ports = incoming.get(node.id);
    const inputs = op.inputs.map((p) => {
      const e = ports?.get(p.port);
      return e ? built.streams.get(e.source) : undefined;
    }) as DStream[];
    const ctx: BuildContext = {
      ssc, graph, node, api,
      duration: (ms: number) => (api.Milliseconds ?? Milliseconds)(ms),
      driverFn: <F extends (...args: never[]) => unknown>(source: string) => compileDriverFunction<F>(source, api, { ssc, sc: ssc.sparkContext }),
    };
    let result: DStream | void;
    // Spark's call site: every DStream (and so every RDD and stage) the node creates is named after it.
    const sc = ssc.sparkContext;
    const previousSite = sc.callSite;
    sc.setCallSite(node.id);
    try {
      result = op.build(resolveParams(op, node.params), inputs, ctx);
    } catch (e) {
      const code = codeOf(e);
      throw new GraphValidationError([{ nodeId: node.id, severity: 'error', message: e instanceof Error ? e.message : String(e), ...(code ? { code } : {}) }]);
    } finally {
      sc.setCallSite(previousSite);
    }
    built.order.push(node.id);
    if (op.output === null) built.outputs.push(node.id);
    if (result !== undefined && result !== null && op.output !== null) {
      built.streams.set(node.id, result);
      // The engine tags its events (recordsSample, checkpoints) with the node that made the stream.
      if (result.nodeId === undefined) result.nodeId = node.id;
      if (!built.dstreamToNode.has(result.id)) built.dstreamToNode.set(result.id, node.id);
    }
  }
  return built;
}

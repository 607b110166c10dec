/**
 * The operator-registry contract: one `defineOp` entry per engine op drives the palette, the inspector,
 * validation, the run (buildPipeline) and every exporter. Nothing outside engine/graph/ops switches on op names.
 */
import type {
  GraphNode, InputPortSpec, Localized, OpCategory, ParamSpec, PipelineGraph, PortKind, ValidationIssue,
} from './types';
import type { EmitContext } from './emit';
import type { FnArg, FnReturns } from './staticKinds';
import type { Duration } from '../core/time';
import type { StateSpec } from '../streaming/dstream/stateSpec';

import type { DStream as EngineDStream } from '../streaming/dstream/DStream';
import type { StreamingContext } from '../streaming/StreamingContext';

/**
 * A DStream as the registry sees it: the engine's class over records whose type the graph does not know.
 * Validation (kinds, params) has run before any build, so builders state what they know with `pairs`.
 */
export type DStream = EngineDStream<unknown>;
/** A stream validation proved to carry [key, value] records (the input of a pair op). */
export type PairDStream = EngineDStream<[unknown, unknown]>;
/** The StreamingContext builders create sources on (`ssc.socketTextStream(...)`, `ssc.sparkContext.parallelize(...)`). */
export type StreamingContextLike = StreamingContext;

/** The input of a pair op, typed as validation proved it (kinds.ts rejects non-pair inputs before any build). */
export const pairs = (s: DStream): PairDStream => s as PairDStream;

/** An input port; `optional` ports may stay unconnected (the code node's input). */
export interface OpInputPort extends InputPortSpec { optional?: boolean }

/**
 * What the op's output carries, for kind checks before anything runs:
 * 'pair' definitely [k, v]; 'nonPair' definitely not (text lines, counts); 'unknown' depends on a function
 * (map, flatMap: read statically from its source, see kindFrom); 'sameAsInput' keeps its first input's kind (filter, window, union).
 */
export type DeclaredKind = 'pair' | 'nonPair' | 'unknown' | 'sameAsInput';

/**
 * Where static inference (staticKinds.ts) reads an 'unknown' op's output kind: the source of a function param and
 * its shape (map: one record in, one out; flatMap: one in, an iterable out), or a param holding literal records.
 */
export type KindSource = { fn: string; arg: FnArg; returns: FnReturns } | { data: string };

export interface OpFlags {
  /** Receiver-based input: occupies one executor task slot for as long as it runs. */
  receiver?: boolean;
  /** Needs `ssc.checkpoint(dir)` (state ops, windows with an inverse reduce). May depend on the params. */
  needsCheckpoint?: boolean | ((params: Record<string, unknown>) => boolean);
  windowed?: boolean;
  stateful?: boolean;
  /** Reads text lines from the TCP endpoint of its `host` and `port` params (the studio's netcat panel types into it). */
  socket?: boolean;
  /** Writes every batch as a directory `<prefix>-<time ms>[.<suffix>]` of part files (its `prefix` and `suffix` params). */
  writesFiles?: boolean;
  /** Its prefix is a Hadoop path: hdfs:// and file:// URIs are mapped onto the engine's file system (rdd/hadoopOutput.ts). */
  hadoopPaths?: boolean;
}

export interface ValidateContext {
  graph: PipelineGraph;
  node: GraphNode;
  /** Params with defaults filled in. */
  params: Record<string, unknown>;
  /** Slide duration (ms) of the stream feeding each input port, when known. */
  inputSlideMs: Record<string, number | undefined>;
}

/** Engine values builders and driver functions see (StateSpec, Milliseconds, ...); supplied by buildPipeline. */
export interface EngineApi {
  readonly StateSpec: typeof StateSpec;
  readonly Milliseconds?: (ms: number) => Duration;
  readonly [name: string]: unknown;
}

// Param values as the engine's methods take them. validateGraph checked every param against its ParamSpec
// (type, range, function source) before any build, so these state that result rather than re-check it.
/** A function param: its source text (the document's form), compiled where it runs; fits every `Fn` of the engine. */
export const fnSource = (v: unknown): string => v as string;
export const intOf = (v: unknown): number => v as number;
export const optIntOf = (v: unknown): number | undefined => v as number | undefined;
export const strOf = (v: unknown): string => v as string;
export const optBoolOf = (v: unknown): boolean | undefined => v as boolean | undefined;
export const strListOf = (v: unknown): string[] => v as string[];
/** A list-of-records param (queueStream's batches). */
export const recordsOf = (v: unknown): unknown[] => v as unknown[];
/** A json param holding a source's options object (its keys are the engine's option names). */
export const optionsOf = <T extends object>(v: unknown): T | undefined => (v !== undefined && v !== null && typeof v === 'object' ? v as T : undefined);

export interface BuildContext {
  ssc: StreamingContextLike;
  graph: PipelineGraph;
  node: GraphNode;
  api: EngineApi;
  /** A Duration (engine object) for a number of milliseconds. */
  duration(ms: number): Duration;
  /** Compiles a driver-side function's source text (transform, foreachRDD, code nodes); engine names are in scope. */
  /** The function's type is the engine's parameter it is passed to (transform's `(rdd, time) => rdd`), checked when it runs. */
  driverFn<F extends (...args: never[]) => unknown = (...args: unknown[]) => unknown>(source: string): F;
}

export interface OpEmitters {
  ts(e: EmitContext): string;
  scala(e: EmitContext): string;
  python(e: EmitContext): string;
}

export interface OpSpec {
  name: string;
  category: OpCategory;
  label: Localized;
  description: Localized;
  /** The Spark 3.5 streaming programming guide section. */
  docUrl: string;
  /** [] for sources. Port names: 'in'; 'left'/'right' for joins and cogroup; 'in'/'other' for union and transformWith. */
  inputs: OpInputPort[];
  /** null for output ops; 'any' when the function decides (static inference tells, when it can). */
  output: PortKind | null;
  declaredKind: DeclaredKind;
  /** For 'unknown' ops: what static inference reads to tell pairs from other records before anything runs. */
  kindFrom?: KindSource;
  params: Record<string, ParamSpec>;
  flags: OpFlags;
  validate?(params: Record<string, unknown>, ctx: ValidateContext): ValidationIssue[];
  /** Builds the op's DStream from its inputs (in `inputs` order; an unconnected optional port is undefined). */
  build(params: Record<string, unknown>, inputs: DStream[], ctx: BuildContext): DStream | void;
  emit: OpEmitters;
}

export type OpDefinition = Omit<OpSpec, 'flags' | 'declaredKind'> & { flags?: OpFlags; declaredKind?: DeclaredKind };

export function defineOp(def: OpDefinition): OpSpec {
  const declaredKind: DeclaredKind = def.declaredKind ?? (def.output === 'pair' ? 'pair' : 'unknown');
  return Object.freeze({ ...def, flags: def.flags ?? {}, declaredKind });
}

/** Whether the op needs a checkpoint directory with these params. */
export function opNeedsCheckpoint(op: OpSpec, params: Record<string, unknown>): boolean {
  const n = op.flags.needsCheckpoint;
  return typeof n === 'function' ? n(params) : !!n;
}

/** Params with registry defaults filled in; unknown keys are kept as given. */
export function resolveParams(op: OpSpec, given: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(given ?? {}) };
  for (const [name, spec] of Object.entries(op.params)) {
    if ((out[name] === undefined || out[name] === null) && spec.default !== undefined && spec.default !== null) out[name] = spec.default;
    if (out[name] === null) delete out[name];
  }
  return out;
}

// ---------- Param builders (labels always in both languages) ----------

const L = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh });
export { L as localized };

type ParamOpts = Partial<Omit<ParamSpec, 'type' | 'label' | 'help'>>;

export function fnParam(defaultSource: string | null, label: Localized, help: Localized,
  opts: ParamOpts & { runsOn?: 'executor' | 'driver' } = {}): ParamSpec {
  return {
    type: 'function', label, help, runsOn: opts.runsOn ?? 'executor',
    ...(defaultSource !== null ? { default: defaultSource } : {}),
    ...opts,
  };
}

export function durationParam(label: Localized, help: Localized, opts: ParamOpts = {}): ParamSpec {
  return { type: 'duration', label, help, min: 1, ...opts };
}

export function intParam(label: Localized, help: Localized, opts: ParamOpts = {}): ParamSpec {
  return { type: 'int', label, help, ...opts };
}

export function stringParam(label: Localized, help: Localized, opts: ParamOpts = {}): ParamSpec {
  return { type: 'string', label, help, ...opts };
}

export function boolParam(label: Localized, help: Localized, opts: ParamOpts = {}): ParamSpec {
  return { type: 'boolean', label, help, ...opts };
}

export function jsonParam(label: Localized, help: Localized, opts: ParamOpts = {}): ParamSpec {
  return { type: 'json', label, help, ...opts };
}

export function stringListParam(label: Localized, help: Localized, opts: ParamOpts = {}): ParamSpec {
  return { type: 'stringList', label, help, ...opts };
}

export function enumParam(values: string[], label: Localized, help: Localized, opts: ParamOpts = {}): ParamSpec {
  return { type: 'enum', label, help, enumValues: values, ...opts };
}

/** The shared presets for function params (the inspector's buttons). */
export const presets = {
  splitWords: { label: L('split words', '按空格切分单词'), value: "l => l.split(' ')" },
  toPair: { label: L('to pair (w, 1)', '转成键值对 (w, 1)'), value: 'w => [w, 1]' },
  sum: { label: L('sum', '求和'), value: '(a, b) => a + b' },
  subtract: { label: L('subtract (inverse of sum)', '相减（求和的逆函数）'), value: '(a, b) => a - b' },
  identity: { label: L('identity', '原样返回'), value: 'x => x' },
  nonEmpty: { label: L('non-empty', '非空'), value: 'x => x.length > 0' },
  hashtags: { label: L('hashtags', '提取话题标签'), value: "t => t.split(' ').filter(w => w.startsWith('#'))" },
  runningSum: {
    label: L('running sum', '累加'),
    value: '(values, state) => Some(values.reduce((a, b) => a + b, state.getOrElse(0)))',
  },
  dropZero: { label: L('drop zero counts', '去掉计数为 0 的键'), value: '([k, v]) => v > 0' },
};

/** Shared param specs reused by many ops. */
export const common = {
  numPartitions: (): ParamSpec => intParam(
    L('Partitions', '分区数'),
    L('Number of partitions of the shuffled result (Spark: numPartitions). Empty: spark.default.parallelism.',
      '洗牌（shuffle）结果的分区数（Spark 的 numPartitions）。留空则使用 spark.default.parallelism。'),
    { optional: true, min: 1 }),
  window: (): ParamSpec => durationParam(
    L('Window', '窗口长度'),
    L('Window duration, in the unit shown beside the number (s or ms); must be a multiple of the parent stream\'s slide (the batch interval).',
      '窗口长度，单位见数字旁（s 或 ms）；必须是父 DStream 滑动间隔（批处理间隔）的整数倍。'),
    { default: 3000 }),
  slide: (): ParamSpec => durationParam(
    L('Slide', '滑动间隔'),
    L('Slide duration, in the unit shown beside the number (s or ms); must be a multiple of the parent stream\'s slide. Empty: the parent\'s slide.',
      '滑动间隔，单位见数字旁（s 或 ms）；必须是父 DStream 滑动间隔的整数倍。留空则与父 DStream 相同。'),
    { optional: true }),
  reduce: (): ParamSpec => fnParam('(a, b) => a + b', L('Reduce function', '归约函数'),
    L('Associative and commutative function combining two values into one.', '满足结合律和交换律、把两个值合成一个的函数。'),
    { presets: [presets.sum] }),
  inverse: (): ParamSpec => fnParam(null, L('Inverse reduce', '逆归约函数'),
    L('Optional inverse of the reduce function: removes the values leaving the window instead of recomputing it (needs checkpointing).',
      '可选的逆函数：从窗口中减去离开窗口的值，而不是重新计算整个窗口（需要设置检查点）。'),
    { optional: true, presets: [presets.subtract] }),
  prefix: (): ParamSpec => stringParam(L('Prefix', '前缀'),
    L('Output directory prefix; each batch writes prefix-<time ms>[.suffix].', '输出目录前缀；每个批次写入 prefix-<毫秒时间>[.suffix]。'),
    { default: 'out/result' }),
  suffix: (): ParamSpec => stringParam(L('Suffix', '后缀'),
    L('Optional suffix of the per-batch directory name.', '可选的每批次目录名后缀。'), { optional: true }),
};

const GUIDE = 'https://spark.apache.org/docs/3.5.1/streaming-programming-guide.html';
export const docs = {
  basicSources: `${GUIDE}#basic-sources`,
  advancedSources: `${GUIDE}#advanced-sources`,
  customReceivers: 'https://spark.apache.org/docs/3.5.1/streaming-custom-receivers.html',
  kafka: 'https://spark.apache.org/docs/3.5.1/streaming-kafka-0-10-integration.html',
  transformations: `${GUIDE}#transformations-on-dstreams`,
  transform: `${GUIDE}#transform-operation`,
  join: `${GUIDE}#join-operations`,
  window: `${GUIDE}#window-operations`,
  updateStateByKey: `${GUIDE}#updatestatebykey-operation`,
  mapWithState: 'https://spark.apache.org/docs/3.5.1/api/scala/org/apache/spark/streaming/dstream/PairDStreamFunctions.html',
  outputs: `${GUIDE}#output-operations-on-dstreams`,
  foreachRDD: `${GUIDE}#design-patterns-for-using-foreachrdd`,
  checkpointing: `${GUIDE}#checkpointing`,
};

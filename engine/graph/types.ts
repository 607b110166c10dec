/**
 * The pipeline graph document and the operator-registry contract.
 * One registry entry per engine op drives the palette, the inspector, validation, the run and every exporter.
 */

import type { ErrorCode } from '../core/errors';
import type { WarningCode } from '../core/events';

export const PIPELINE_VERSION = 1 as const;

export interface GraphPosition { x: number; y: number }

export interface GraphNode {
  id: string;
  op: string;                          // the engine's method name: 'socketTextStream', 'flatMap', 'print', ...
  params: Record<string, unknown>;     // functions are source text
  position: GraphPosition;
  label?: string;                      // used for variable names in exported code
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  targetPort?: string;                 // 'in' by default; 'left'/'right' for joins, 'other' for union ...
}

export interface PipelineGraph {
  version: typeof PIPELINE_VERSION;
  name: string;
  master: string;                      // 'local[2]', 'local-cluster[2,2,1024]', ...
  batchDuration: number;               // milliseconds
  seed: number;
  checkpointDir?: string;
  conf?: Record<string, string>;       // extra SparkConf settings
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export type Localized = { en: string; 'zh-CN': string };

/** What a port carries: any DStream, or a DStream of [key, value] pairs. */
export type PortKind = 'any' | 'pair';

export type OpCategory = 'source' | 'transform' | 'pair' | 'window' | 'state' | 'output' | 'code';

export type ParamType =
  | 'function'   // source text of a JS/TS function
  | 'duration'   // milliseconds
  | 'int'
  | 'number'
  | 'string'
  | 'boolean'
  | 'enum'
  | 'stringList'
  | 'json';

export interface ParamSpec {
  type: ParamType;
  default?: unknown;                   // undefined => required (unless optional)
  optional?: boolean;
  enumValues?: string[];
  min?: number;
  max?: number;
  label: Localized;
  help: Localized;
  presets?: { label: Localized; value: string }[];   // for function params: "split words", "to pair", "sum"
  /** For function params: 'driver' functions (foreachRDD, transform) may close over anything; 'executor' ones are shipped. */
  runsOn?: 'executor' | 'driver';
  /** For function params: it returns a collection of records (flatMap), so an array literal it returns is a list, not a tuple. */
  returnsIterable?: boolean;
}

export interface InputPortSpec { port: string; kind: PortKind; label?: Localized }

export interface ValidationIssue {
  nodeId?: string;
  edgeId?: string;
  param?: string;
  severity: 'error' | 'warning';
  message: string;                     // Spark's own words where Spark has them
  /** The message without the node's name, for readers that show it beside that node. */
  detail?: string;
  /** What the problem is, for readers that explain it (the message is for people). */
  code?: ErrorCode | WarningCode;
  line?: number;                       // for UDF syntax errors
  column?: number;
}

/** Checks and helpers the executor applies to records flowing through a task, with Spark's errors for bad ones. */
import { formatRecord } from '../core/format';
import { errors } from '../core/errors';
import type { EvalEnv } from './evaluate';
import type { AggregatorDesc } from '../rdd/plan';

export function asPair(x: unknown, op: string): [unknown, unknown] {
  if (Array.isArray(x) && x.length === 2) return x as [unknown, unknown];
  throw errors.notAPair(op, describeRecord(x));
}

export function iterableResult(r: unknown, op: string): Iterable<unknown> {
  if (r !== null && r !== undefined && typeof (r as Iterable<unknown>)[Symbol.iterator] === 'function') return r as Iterable<unknown>;
  throw errors.notIterableResult(op, describeRecord(r));
}

export function describeRecord(x: unknown): string {
  let shown: string;
  try { shown = formatRecord(x); } catch { shown = String(x); }
  if (shown.length > 60) shown = shown.slice(0, 57) + '...';
  if (typeof x === 'string') shown = JSON.stringify(shown);
  const kind = x === null ? 'null' : x === undefined ? 'undefined' : Array.isArray(x) ? `a tuple of ${x.length}` : typeof x === 'object' ? 'an object' : `a ${typeof x}`;
  return x === null || x === undefined ? kind : `${shown} (${kind})`;
}

export interface CompiledAggregator {
  createCombiner: (v: unknown) => unknown;
  mergeValue: (c: unknown, v: unknown) => unknown;
  mergeCombiners: (c1: unknown, c2: unknown) => unknown;
}

export function compileAggregator(a: AggregatorDesc, env: EvalEnv): CompiledAggregator {
  return {
    createCombiner: env.compile<(v: unknown) => unknown>(a.createCombiner),
    mergeValue: env.compile<(c: unknown, v: unknown) => unknown>(a.mergeValue),
    mergeCombiners: env.compile<(c1: unknown, c2: unknown) => unknown>(a.mergeCombiners),
  };
}

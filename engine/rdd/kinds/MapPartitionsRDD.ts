/**
 * Spark's MapPartitionsRDD: a function applied to each partition of one parent. Spark passes a closure; here
 * the closure is a NarrowOp (plain data: which operation, its shipped function) and `narrowOps` says how each
 * one runs, so that a chain of them is one fused loop on the executor.
 */
import type { ShippedFn } from '../../core/closure';
import { AppendOnlyMap } from '../../core/appendOnlyMap';
import { constantPairValue } from '../../core/constantPair';
import { XORShiftRandom } from '../../core/javaRandom';
import type { Emit } from '../../executor/evaluate';
import { asPair, compileAggregator, iterableResult } from '../../executor/records';
import type { AggregatorDesc } from '../plan';
import { RDD } from '../RDD';
import type { PartPlan } from './index';
import type { PartitionRun, PlanKind } from './kind';

/** The operation a MapPartitionsRDD applies, as plain data. */
export type NarrowOp =
  | { t: 'map'; f: ShippedFn }
  | { t: 'flatMap'; f: ShippedFn }
  | { t: 'filter'; f: ShippedFn }
  | { t: 'mapValues'; f: ShippedFn }
  | { t: 'flatMapValues'; f: ShippedFn }
  | { t: 'mapPartitions'; f: ShippedFn; withIndex: boolean; partition: number }
  | { t: 'keyBy'; f: ShippedFn }
  | { t: 'combineByKey'; aggregator: AggregatorDesc }   // combineByKey on an RDD already partitioned by the partitioner
  | { t: 'glom' }
  | { t: 'distinct' }                                   // Spark's in-partition dedup (ExternalAppendOnlyMap keyed by record)
  | { t: 'distributePartition'; numPartitions: number; partition: number };

export interface NarrowPlan { k: 'narrow'; rddId: number; op: NarrowOp; parent: PartPlan }

/** How one NarrowOp runs: `parent` pushes the parent partition's records into the emit it is given. */
interface NarrowOpRunner<O extends NarrowOp> {
  run(op: O, parent: (emit: Emit) => void, run: PartitionRun, emit: Emit, parentPlan: PartPlan): void;
  /** Runs a user function (named in messages about hanging or out-of-memory tasks). */
  readonly userCode: boolean;
}

type NarrowOpTable = { readonly [T in NarrowOp['t']]: NarrowOpRunner<Extract<NarrowOp, { t: T }>> };

const narrowOps: NarrowOpTable = Object.freeze({
  map: {
    userCode: true,
    run(op, parent, run, emit) {
      const f = run.env.compile<(x: unknown) => unknown>(op.f);
      const pair = emit.pair, constant = pair && constantPairValue(op.f);
      if (pair && constant) { const c = constant.value; parent((x) => pair(x, c)); return; }
      parent((x) => emit(f(x)));
    },
  },
  filter: {
    userCode: true,
    run(op, parent, run, emit) { const f = run.env.compile<(x: unknown) => unknown>(op.f); parent((x) => { if (f(x)) emit(x); }); },
  },
  flatMap: {
    userCode: true,
    run(op, parent, run, emit) {
      const f = run.env.compile<(x: unknown) => Iterable<unknown>>(op.f);
      parent((x) => { for (const y of iterableResult(f(x), 'flatMap')) emit(y); });
    },
  },
  mapValues: {
    userCode: true,
    run(op, parent, run, emit) {
      const f = run.env.compile<(v: unknown) => unknown>(op.f);
      parent((kv) => { const p = asPair(kv, 'mapValues'); emit([p[0], f(p[1])]); });
    },
  },
  flatMapValues: {
    userCode: true,
    run(op, parent, run, emit) {
      const f = run.env.compile<(v: unknown) => Iterable<unknown>>(op.f);
      parent((kv) => { const p = asPair(kv, 'flatMapValues'); for (const y of iterableResult(f(p[1]), 'flatMapValues')) emit([p[0], y]); });
    },
  },
  keyBy: {
    userCode: true,
    run(op, parent, run, emit) { const f = run.env.compile<(x: unknown) => unknown>(op.f); parent((x) => emit([f(x), x])); },
  },
  mapPartitions: {
    userCode: true,
    run(op, _parent, run, emit, parentPlan) {
      const f = run.env.compile<(...a: unknown[]) => Iterable<unknown>>(op.f);
      const input = run.materialize(parentPlan);
      const result = op.withIndex ? f(op.partition, input) : f(input);
      for (const y of iterableResult(result, op.withIndex ? 'mapPartitionsWithIndex' : 'mapPartitions')) emit(y);
    },
  },
  glom: { userCode: false, run(_op, _parent, run, emit, parentPlan) { emit(run.materialize(parentPlan)); } },
  distinct: {
    userCode: false,
    run(_op, parent, _run, emit) {
      const map = new AppendOnlyMap<unknown, null>();
      parent((x) => { map.changeValue(x, () => null); });
      map.forEach((k) => emit(k));
    },
  },
  distributePartition: {
    userCode: false,
    run(op, parent, _run, emit) {
      // Spark's coalesce(shuffle = true): round-robin from a position seeded by the partition index.
      let position = new XORShiftRandom(op.partition).nextInt(op.numPartitions);
      parent((x) => { position += 1; emit([position, x]); });
    },
  },
  combineByKey: {
    userCode: true,
    run(op, parent, run, emit) {
      const { createCombiner, mergeValue } = compileAggregator(op.aggregator, run.env);
      const map = new AppendOnlyMap<unknown, unknown>();
      parent((kv) => { const p = asPair(kv, 'combineByKey'); map.combine(p[0], p[1], createCombiner, mergeValue); });
      map.forEach((k, v) => emit([k, v]));
    },
  },
});

export const mapPartitionsKind: PlanKind<NarrowPlan> = {
  rddClass: 'MapPartitionsRDD',
  inputs: (plan) => [plan.parent],
  push(plan, run, emit) {
    const runner: NarrowOpRunner<NarrowOp> = narrowOps[plan.op.t];
    runner.run(plan.op, (e) => run.push(plan.parent, e), run, emit, plan.parent);
  },
  userOp: (plan) => (narrowOps[plan.op.t].userCode ? plan.op.t : undefined),
};

/** A MapPartitionsRDD over `parent` applying `op(partition)`; it keeps the parent's partitioner only when asked. */
export function mapPartitionsRDD<U>(parent: RDD<unknown>, opName: string, op: (partition: number) => NarrowOp, preservesPartitioning: boolean): RDD<U> {
  const rdd: RDD<U> = new RDD<U>(parent.sc, {
    className: 'MapPartitionsRDD', opName, numPartitions: () => parent.getNumPartitions(),
    deps: [{ kind: 'narrow', rdd: parent }],
    partitioner: preservesPartitioning ? parent.partitioner : undefined,
    planFor: (p, ctx): NarrowPlan => ({ k: 'narrow', rddId: rdd.id, op: op(p), parent: parent.planOf(p, ctx) }),
  });
  return rdd;
}

/**
 * Spark's barrier execution mode: `rdd.barrier()` gives an RDDBarrier whose mapPartitions makes a barrier
 * MapPartitionsRDD. A stage containing one must launch all its tasks together, so at job submission the
 * DAGScheduler's checks run (checkBarrierStageWithRDDChainPattern, checkBarrierStageWithNumSlots) with Spark's
 * errors: too few slots in the cluster for the stage, or an RDD chain a barrier stage cannot run (a different
 * number of tasks than partitions, as take()/first() ask; two barrier parents in one stage).
 */
import { errors } from '../../core/errors';
import type { NarrowPlan } from '../kinds/MapPartitionsRDD';
import { RDD, ship, type Fn } from '../RDD';
import type { SparkContext } from '../SparkContext';
import { stageRdds } from '../../scheduler/stage';

/** Spark's RDDBarrier: the transformations available in a barrier stage. */
export class RDDBarrier<T> {
  constructor(private readonly rdd: RDD<T>) {}

  mapPartitions<U>(f: Fn<[Iterable<T>], Iterable<U>>, preservesPartitioning = false): RDD<U> {
    return barrierMapPartitions(this.rdd, ship(f, 'mapPartitions'), false, preservesPartitioning);
  }
  mapPartitionsWithIndex<U>(f: Fn<[number, Iterable<T>], Iterable<U>>, preservesPartitioning = false): RDD<U> {
    return barrierMapPartitions(this.rdd, ship(f, 'mapPartitionsWithIndex'), true, preservesPartitioning);
  }
}

/** Contexts that made a barrier RDD: only their jobs walk the lineage for the checks (streaming jobs stay cheap). */
const withBarriers = new WeakSet<SparkContext>();

function barrierMapPartitions<U>(parent: RDD<unknown>, f: ReturnType<typeof ship>, withIndex: boolean, preservesPartitioning: boolean): RDD<U> {
  withBarriers.add(parent.sc);
  const opName = withIndex ? 'mapPartitionsWithIndex' : 'mapPartitions';
  const rdd: RDD<U> = new RDD<U>(parent.sc, {
    className: 'MapPartitionsRDD', opName, numPartitions: () => parent.getNumPartitions(), barrier: true,
    deps: [{ kind: 'narrow', rdd: parent }],
    partitioner: preservesPartitioning ? parent.partitioner : undefined,
    planFor: (p, ctx): NarrowPlan => ({ k: 'narrow', rddId: rdd.id, op: { t: 'mapPartitions', f, withIndex, partition: p }, parent: parent.planOf(p, ctx) }),
  });
  return rdd;
}


/** Spark's RDD.isBarrier: a barrier RDD, or one computed in the same stage from one. */
const isBarrierStage = (rdd: RDD<unknown>): boolean => stageRdds(rdd).some((r) => r.isBarrier);

/** The DAGScheduler's barrier checks for the result stage (over `partitions`) and every shuffle map stage. */
export function checkBarrierStages(sc: SparkContext, rdd: RDD<unknown>, partitions: number[] | undefined): void {
  if (!withBarriers.has(sc)) return;
  const slots = sc.taskScheduler.liveExecutors().reduce((n, e) => n + e.cores, 0);
  const check = (stageRdd: RDD<unknown>, numTasks: number) => {
    if (!isBarrierStage(stageRdd)) return;
    const chainOk = stageRdds(stageRdd).every((r) => r.getNumPartitions() === numTasks &&
      r.dependencies.filter((d) => isBarrierStage(d.rdd) && d.kind === 'narrow').length <= 1);
    if (!chainOk) throw errors.barrierRddChain();
    if (stageRdd.getNumPartitions() > slots) throw errors.barrierNotEnoughSlots(stageRdd.getNumPartitions(), slots);
  };
  check(rdd, partitions === undefined ? rdd.getNumPartitions() : new Set(partitions).size);
  const seen = new Set<number>();
  const visitShuffles = (r: RDD<unknown>) => {
    if (seen.has(r.id)) return;
    seen.add(r.id);
    for (const d of r.dependencies) {
      if (d.kind === 'shuffle') check(d.rdd, d.rdd.getNumPartitions());
      visitShuffles(d.rdd);
    }
  };
  visitShuffles(rdd);
}

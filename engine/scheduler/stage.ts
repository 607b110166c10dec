import type { ShuffleDependency } from '../rdd/dependency';
import type { RDD } from '../rdd/RDD';

/** A set of tasks computing one RDD's partitions up to a shuffle boundary. */
export interface Stage {
  id: number;
  /** The RDD whose partitions the tasks compute: the map side of `shuffleDep`, or the job's final RDD. */
  rdd: RDD<unknown>;
  parents: Stage[];
  shuffleDep?: ShuffleDependency;
  numTasks: number;
  firstJobId: number;
  attempts: number;
}

/** RDDs computed inside a stage (its narrow lineage), from the stage's RDD back to the shuffle boundaries. */
export function stageRdds(rdd: RDD<unknown>): RDD<unknown>[] {
  const out: RDD<unknown>[] = [];
  const seen = new Set<number>();
  const visit = (r: RDD<unknown>) => {
    if (seen.has(r.id)) return;
    seen.add(r.id);
    out.push(r);
    for (const d of r.dependencies) if (d.kind === 'narrow') visit(d.rdd);
  };
  visit(rdd);
  return out;
}

/** Spark's stage name: "<op> at <callSite>". */
export function stageName(stage: Stage): string {
  return `${stage.rdd.opName}${stage.rdd.callSite ? ` at ${stage.rdd.callSite}` : ''}`;
}

/**
 * Names the user operations inside a task ("map at n3"), for the messages of tasks that hang or exhaust an
 * executor's memory. A worker that loops or runs out of heap cannot say where it was, so the driver names the
 * operations of the task's plan that run user functions (narrow ops, aggregators, zipPartitions, the result
 * op), innermost first; with one candidate the message is exact, with several it lists them.
 *
 * RDD names come from the stageSubmitted events' RDD infos (op and call site: `map at n3`), so a graph node id
 * set as the SparkContext's call site (the studio does) appears in the message.
 */
import type { EngineEvent } from '../core/events';
import type { TaskDesc } from '../rdd/plan';
import { kindOf, type PartPlan } from '../rdd/kinds/index';

/** Remembered RDD and stage names; the oldest are forgotten past this many. */
const MAX_NAMES = 4096;

export class TaskSites {
  private rdds = new Map<number, string>();
  /** RDD id → the graph node (call site) that created it. */
  private rddSites = new Map<number, string>();
  private stages = new Map<number, string>();

  /** Feed every engine event (only stageSubmitted is read). */
  onEvent(e: EngineEvent): void {
    if (e.type !== 'stageSubmitted') return;
    remember(this.stages, e.stageId, e.name);
    for (const r of e.rddInfos) {
      remember(this.rdds, r.id, r.callSite !== undefined ? `${r.op} at ${r.callSite}` : r.op);
      if (r.callSite !== undefined) remember(this.rddSites, r.id, r.callSite);
    }
  }

  /** "map at n3", "one of: flatMap at n2, map at n3", or the stage's name when the task runs no user function. */
  describe(task: TaskDesc): string {
    const sites = this.userOps(task).map((o) => o.name);
    if (sites.length === 0) return this.stages.get(task.stageId) ?? `stage ${task.stageId}`;
    return sites.length === 1 ? sites[0] : `one of: ${sites.join(', ')}`;
  }

  /** The graph nodes of the task's user operations, in pipeline order: exactly one when the task runs one user function. */
  nodeIds(task: TaskDesc): string[] {
    const out: string[] = [];
    for (const o of this.userOps(task)) if (o.nodeId !== undefined && !out.includes(o.nodeId)) out.push(o.nodeId);
    return out;
  }

  private userOps(task: TaskDesc): { name: string; nodeId?: string }[] {
    const sites: { name: string; nodeId?: string }[] = [];
    const add = (s: string, rddId?: number) => {
      if (sites.some((x) => x.name === s)) return;
      const nodeId = rddId !== undefined ? this.rddSites.get(rddId) : undefined;
      sites.push(nodeId !== undefined ? { name: s, nodeId } : { name: s });
    };
    const rdd = (id: number, op: string) => this.rdds.get(id) ?? op;
    // Inputs first, so the sites come in pipeline order; each kind names the user operation it runs, if any.
    const visit = (plan: PartPlan): void => {
      const kind = kindOf(plan);
      kind.inputs(plan).forEach(visit);
      const op = 'rddId' in plan ? kind.userOp?.(plan) : undefined;
      if (op !== undefined && 'rddId' in plan) add(rdd(plan.rddId, op), plan.rddId);
    };
    visit(task.plan);
    if (task.kind === 'shuffleMap' && task.aggregator && task.mapSideCombine) add(task.opName ?? 'combineByKey');
    if (task.kind === 'result' && ('f' in task.op || 'seqOp' in task.op)) {
      const stage = this.stages.get(task.stageId);
      add(stage ? `${task.op.t} on ${stage}` : task.op.t);
    }
    return sites;
  }
}

function remember(m: Map<number, string>, k: number, v: string): void {
  m.delete(k);
  m.set(k, v);
  if (m.size > MAX_NAMES) m.delete(m.keys().next().value as number);
}

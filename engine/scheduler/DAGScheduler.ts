import { countsTowardsTaskFailures, failureText } from './taskFailures';
import { codeOf, errors, SparkException, type ErrorCode } from '../core/errors';
import type { EngineEvent } from '../core/events';
import type { RDD, PlanContext } from '../rdd/RDD';
import type { PartPlan, RecordSample, ResultOp, TaskDesc, TaskKind, TaskOutcome } from '../rdd/plan';
import type { RecordedPartitionValues } from '../rdd/kinds/RecordedPartition';
import type { ShuffleDependency } from '../rdd/dependency';
import { kindOf } from '../rdd/kinds/index';
import { MapOutputTracker } from './mapOutputTracker';
import { stageName, stageRdds, type Stage } from './stage';
import { rddInfo } from './rddInfo';
import { blockIdFacts } from '../core/blockId';
import type { TaskScheduler } from './TaskScheduler';
import { speculationThreshold } from './speculation';
import { SystemClock, type Clock } from '../core/clock';
import { RecurringTimer } from '../core/recurringTimer';

/** `launchTime` is on the task clock, set when an executor slot takes the attempt. */
interface RunningAttempt { taskId: number; speculative: boolean; executorId?: string; launchTime?: number }
interface PartitionState { done: boolean; speculated: boolean; running: Map<number, RunningAttempt>; nextAttempt: number; launch: (speculative: boolean) => void }

const MAX_CONSECUTIVE_STAGE_ATTEMPTS = 4; // spark.stage.maxConsecutiveAttempts

export interface JobOptions {
  description?: string;
  batchTime?: number;
  outputOpId?: number;
}

export interface SchedulerHost {
  post(e: EngineEvent): void;
  now(): number;
  readonly taskScheduler: TaskScheduler;
  readonly maxTaskFailures: number;
  /** RDD ids whose records the studio samples, and where the samples go. */
  sampleRdds(): number[] | undefined;
  onSample?(rddId: number, partition: number, sample: RecordSample): void;
  /** RDD ids whose partitions are recorded ("Export with this run's data"), and where their records go. */
  recordedRdds?(): ReadonlySet<number> | undefined;
  onRecorded?(recorded: RecordedPartitionValues): void;
  /** Fault injection consulted at every task launch. */
  taskFaults?(stageId: number, partition: number): { injectFailure?: string; delayMs?: number } | undefined;
  /** Files added with sc.addFile (name → text), shipped with every task. */
  taskFiles?(): Record<string, string> | undefined;
}

/**
 * Spark's DAGScheduler: splits a job into stages at shuffle boundaries, runs missing parent stages first,
 * retries failed tasks, and resubmits map stages whose output was lost (fetch failures, lost executors).
 */
export class DAGScheduler {
  private nextJobId = 0;
  private nextStageId = 0;
  private nextTaskId = 0;
  private shuffleToStage = new Map<number, Stage>();
  private runningMapStages = new Map<number, Promise<void>>();
  private firstJobSubmitted = false;
  /** Each running job's first counted task failure: the cause, which Spark's "most recent failure" may hide. */
  private firstFailure = new Map<number, { cause: string; causeCode?: ErrorCode; failedNodeIds: string[] }>();
  /** Jobs aborted by a task that reached spark.task.maxFailures, and its failure count. */
  private abortedAfter = new Map<number, number>();
  readonly mapOutputs = new MapOutputTracker();
  readonly blockLocations = new Map<string, Set<string>>();

  private stopped = false;

  /**
   * `taskClock` times task attempts for speculation. Spark's TaskSetManager keeps task times on a SystemClock even
   * when streaming runs on a ManualClock (a straggler is slow in real time); tests inject a ManualClock.
   */
  constructor(private readonly host: SchedulerHost, private readonly taskClock: Clock = new SystemClock()) {}

  /** SparkContext.stop: running jobs end with Spark's "cancelled because SparkContext was shut down". */
  stop(): void { this.stopped = true; }

  private get planContext(): PlanContext {
    return {
      mapLocations: (id) => this.mapOutputs.locations(id),
      blockLocations: (id) => [...(this.blockLocations.get(id) ?? [])],
      recordedRdds: this.host.recordedRdds?.(),
    };
  }

  async runJob(rdd: RDD<unknown>, op: ResultOp, partitions?: number[], opts: JobOptions = {}): Promise<unknown[]> {
    // Preparation first: it may settle partition counts (sortByKey's RangePartitioner).
    await this.prepareLineage(rdd);
    const n = rdd.getNumPartitions();
    const parts = partitions ?? Array.from({ length: n }, (_, i) => i);
    for (const p of parts) if (!Number.isInteger(p) || p < 0 || p >= n) throw errors.nonExistentPartition(p, n);
    const jobId = this.nextJobId++;
    const parents = this.getOrCreateParentStages(rdd, jobId);
    const finalStage: Stage = { id: this.nextStageId++, rdd, parents, numTasks: parts.length, firstJobId: jobId, attempts: 0 };
    const { post, now } = this.host;
    post({ type: 'jobStart', time: now(), jobId, stageIds: allStageIds(finalStage), description: opts.description ?? `${op.t} at ${rdd.opName}`,
      batchTime: opts.batchTime, outputOpId: opts.outputOpId });
    if (!this.firstJobSubmitted) {
      this.firstJobSubmitted = true;
      post({ type: 'clusterStep', time: now(), step: 'dagSubmitted', index: 5, detail: `job ${jobId}: the DAG of ${allStageIds(finalStage).length} stage(s) is handed to the executors as tasks` });
    }
    const results = new Array<unknown>(parts.length);
    try {
      if (parts.length > 0) await this.runResultStage(finalStage, parts, op, results, jobId);
      post({ type: 'jobEnd', time: now(), jobId, result: 'JobSucceeded' });
      return results;
    } catch (e) {
      const first = this.firstFailure.get(jobId);
      const errorCode = codeOf(e);
      post({ type: 'jobEnd', time: now(), jobId, result: 'JobFailed', error: e instanceof Error ? e.message : String(e), ...(errorCode ? { errorCode } : {}),
        ...(first ? { cause: first.cause, ...(first.causeCode ? { causeCode: first.causeCode } : {}), ...(first.failedNodeIds.length ? { failedNodeIds: first.failedNodeIds } : {}) } : {}),
        ...(this.abortedAfter.has(jobId) ? { taskFailures: this.abortedAfter.get(jobId) } : {}) });
      throw e;
    } finally {
      this.firstFailure.delete(jobId);
      this.abortedAfter.delete(jobId);
    }
  }

  /** Called when an executor is gone: its map outputs and blocks are forgotten so that lineage recomputes them. */
  executorLost(executorId: string): void {
    this.mapOutputs.removeOutputsOnExecutor(executorId);
    for (const [blockId, locs] of this.blockLocations) {
      locs.delete(executorId);
      if (locs.size === 0) this.blockLocations.delete(blockId);
    }
  }

  /**
   * Runs the lineage's driver-side preparation (zipWithIndex counts, sortByKey sampling), parents first. An action
   * that reads the partition count before its first job (take scans partitions one job at a time) calls it first:
   * Spark samples a sortByKey at definition, so its count is settled before any action.
   */
  prepareLineage(rdd: RDD<unknown>): Promise<void> { return this.prepare(rdd, new Set()); }

  private async prepare(rdd: RDD<unknown>, seen: Set<number>): Promise<void> {
    if (seen.has(rdd.id)) return;
    seen.add(rdd.id);
    for (const d of rdd.dependencies) await this.prepare(d.rdd, seen);
    if (rdd.prepare) await rdd.prepare();
  }

  private getOrCreateParentStages(rdd: RDD<unknown>, jobId: number): Stage[] {
    const parents: Stage[] = [];
    const seen = new Set<number>();
    const visit = (r: RDD<unknown>) => {
      if (seen.has(r.id)) return;
      seen.add(r.id);
      for (const d of r.dependencies) {
        if (d.kind === 'shuffle') { const s = this.getOrCreateShuffleMapStage(d, jobId); if (!parents.includes(s)) parents.push(s); }
        else visit(d.rdd);
      }
    };
    visit(rdd);
    return parents;
  }

  private getOrCreateShuffleMapStage(dep: ShuffleDependency, jobId: number): Stage {
    const existing = this.shuffleToStage.get(dep.shuffleId);
    if (existing) return existing;
    const parents = this.getOrCreateParentStages(dep.rdd, jobId);
    const stage: Stage = { id: this.nextStageId++, rdd: dep.rdd, parents, shuffleDep: dep, numTasks: dep.rdd.getNumPartitions(), firstJobId: jobId, attempts: 0 };
    this.shuffleToStage.set(dep.shuffleId, stage);
    this.mapOutputs.registerShuffle(dep.shuffleId, stage.numTasks);
    return stage;
  }

  private async ensureParents(stage: Stage, jobId: number): Promise<void> {
    const missing = stage.parents.filter((p) => !this.mapOutputs.isAvailable(p.shuffleDep!.shuffleId));
    await Promise.all(missing.map((p) => this.runShuffleMapStage(p, jobId)));
  }

  private runShuffleMapStage(stage: Stage, jobId: number): Promise<void> {
    const shuffleId = stage.shuffleDep!.shuffleId;
    const running = this.runningMapStages.get(shuffleId);
    if (running) return running;
    const run = (async () => {
      for (let attempt = 0; ; attempt++) {
        await this.ensureParents(stage, jobId);
        const missing = this.mapOutputs.missingMaps(shuffleId);
        if (missing.length === 0) return;
        const dep = stage.shuffleDep!;
        const fetchFailure = await this.runTaskSet(stage, missing, jobId, (mapId) => ({
          kind: 'shuffleMap', shuffleId, mapId, partitioner: dep.partitioner.describe(), aggregator: dep.aggregator, mapSideCombine: dep.mapSideCombine, opName: dep.opName,
        }), (mapId, outcome) => {
          if (outcome.mapStatus) this.mapOutputs.registerMapOutput(shuffleId, mapId, outcome.mapStatus);
        });
        if (!fetchFailure && this.mapOutputs.isAvailable(shuffleId)) return;
        if (attempt + 1 >= MAX_CONSECUTIVE_STAGE_ATTEMPTS) throw stageAbort(stage, fetchFailure ?? 'map output missing');
      }
    })().finally(() => this.runningMapStages.delete(shuffleId));
    this.runningMapStages.set(shuffleId, run);
    return run;
  }

  private async runResultStage(stage: Stage, partitions: number[], op: ResultOp, results: unknown[], jobId: number): Promise<void> {
    let remaining = partitions.map((_, i) => i);
    for (let attempt = 0; ; attempt++) {
      await this.ensureParents(stage, jobId);
      const byPartition = new Map(remaining.map((i) => [partitions[i], i]));
      const done = new Set<number>();
      const fetchFailure = await this.runTaskSet(stage, remaining.map((i) => partitions[i]), jobId, () => ({ kind: 'result', op }),
        (p, outcome) => { const i = byPartition.get(p)!; results[i] = outcome.value; done.add(i); });
      remaining = remaining.filter((i) => !done.has(i));
      if (remaining.length === 0) return;
      if (attempt + 1 >= MAX_CONSECUTIVE_STAGE_ATTEMPTS) throw stageAbort(stage, fetchFailure ?? 'tasks did not complete');
    }
  }

  /**
   * Runs one attempt of a stage over `partitions`. Task failures are retried up to maxTaskFailures (then the job
   * aborts); a fetch failure ends the attempt and returns its message so the caller resubmits parent stages.
   */
  private async runTaskSet(stage: Stage, partitions: number[], jobId: number, kindFor: (p: number) => TaskKind,
    onSuccess: (p: number, outcome: Extract<TaskOutcome, { status: 'success' }>) => void): Promise<string | undefined> {
    const { post, now } = this.host;
    const attemptId = stage.attempts++;
    const rdds = stageRdds(stage.rdd);
    post({ type: 'stageSubmitted', time: now(), stageId: stage.id, attemptId, name: stageName(stage), numTasks: partitions.length,
      rddIds: rdds.map((r) => r.id), rddChain: rdds.map((r) => r.toString()), parentStageIds: stage.parents.map((p) => p.id),
      isShuffleMap: !!stage.shuffleDep, jobId, rddInfos: rdds.map(rddInfo) });
    let fetchFailure: string | undefined;
    let abort: Error | undefined;
    const sampleRdds = this.host.sampleRdds();
    const ts = this.host.taskScheduler;
    const spec = ts.speculation;
    const successfulDurations: number[] = [];
    const states: PartitionState[] = [];

    const runPartition = (p: number, index: number) => new Promise<void>((done) => {
      const st: PartitionState = { done: false, speculated: false, running: new Map(), nextAttempt: 0, launch: () => undefined };
      states.push(st);
      let failures = 0;
      const finish = () => { st.done = true; for (const r of st.running.values()) ts.killTask(r.taskId, 'another attempt succeeded'); done(); };
      const launch = (speculative: boolean) => {
        const plan = stage.rdd.planOf(p, this.planContext);
        const faults = speculative ? undefined : this.host.taskFaults?.(stage.id, p);
        const files = this.host.taskFiles?.();
        const task = { ...kindFor(p), taskId: this.nextTaskId++, jobId, stageId: stage.id, stageAttemptId: attemptId, partition: p, attempt: st.nextAttempt++,
          plan, sampleRdds, ...faults, ...(files ? { files } : {}) } as TaskDesc;
        const r: RunningAttempt = { taskId: task.taskId, speculative };
        const exclude = speculative ? [...st.running.values()].flatMap((o) => (o.executorId ? [o.executorId] : [])) : undefined;
        st.running.set(task.taskId, r);
        void ts.submit(task, preferredLocations(plan), speculative, { exclude, onLaunch: (ex) => { r.executorId = ex; r.launchTime = this.taskClock.getTimeMillis(); } })
          .then(({ outcome, executorId, host }) => onResult(r, task, outcome, executorId, host));
      };
      st.launch = launch;
      const onResult = (r: RunningAttempt, task: TaskDesc, outcome: TaskOutcome, executorId: string, host: string) => {
        st.running.delete(r.taskId);
        if (st.done) return;                                   // the losing copy of a speculated task
        if (outcome.status === 'success') {
          successfulDurations.push(r.launchTime !== undefined ? this.taskClock.getTimeMillis() - r.launchTime : outcome.durationMs);
          this.applyBlockUpdates(outcome.blockUpdates);
          if (outcome.samples && this.host.onSample) for (const [rddId, s] of Object.entries(outcome.samples)) this.host.onSample(Number(rddId), p, s);
          if (outcome.recorded && this.host.onRecorded) for (const r of outcome.recorded) this.host.onRecorded(r);
          onSuccess(p, outcome);
          finish();
          return;
        }
        if (outcome.reason === 'FetchFailed') {
          const ff = outcome.fetchFailed!;
          if (ff.executorId) this.executorLostOutputs(ff.executorId);
          this.mapOutputs.removeMapOutput(ff.shuffleId, ff.mapId);
          fetchFailure ??= outcome.message;
          finish();
          return;
        }
        const again = () => { if (fetchFailure || abort) { if (st.running.size === 0) finish(); } else if (st.running.size === 0) launch(false); };
        if (this.stopped) { abort ??= errors.jobCancelledShutdown(jobId); finish(); return; }
        if (!countsTowardsTaskFailures(outcome)) { again(); return; }   // not the task's fault
        failures++;
        if (!this.firstFailure.has(jobId)) {
          this.firstFailure.set(jobId, { cause: `${outcome.errorName}: ${outcome.message}`, ...(outcome.errorCode ? { causeCode: outcome.errorCode } : {}),
            failedNodeIds: this.host.taskScheduler.taskNodeIds(task) });
        }
        if (failures >= this.host.maxTaskFailures) {
          const stack = outcome.stack ? '\n' + outcome.stack.split('\n').slice(1).join('\n') : '';
          if (!abort) this.abortedAfter.set(jobId, failures);
          abort ??= errors.jobAborted(index, stage.id, failures,
            `Lost task ${index}.${task.attempt} in stage ${stage.id}.${attemptId} (TID ${task.taskId}) (${host} executor ${executorId}): ${failureText(outcome)}${stack}`, attemptId);
          finish();
          return;
        }
        again();
      };
      launch(false);
    });

    // Spark's checkSpeculatableTasks, every spark.speculation.interval of the task clock while the task set runs.
    const checkSpeculatable = () => {
      const threshold = speculationThreshold(spec, partitions.length, successfulDurations);
      if (threshold === undefined || fetchFailure || abort) return;
      const now = this.taskClock.getTimeMillis();
      for (const st of states) {
        if (st.done || st.speculated || st.running.size !== 1) continue;
        const [r] = st.running.values();
        if (r.launchTime === undefined || now - r.launchTime <= threshold) continue;
        if (!ts.liveExecutors().some((e) => e.id !== r.executorId)) continue;
        st.speculated = true;
        st.launch(true);
      }
    };
    const timer = spec.enabled ? new RecurringTimer(this.taskClock, spec.intervalMs, checkSpeculatable) : undefined;
    timer?.start();
    try {
      await Promise.all(partitions.map(runPartition));
    } finally {
      timer?.stop();
    }
    post({ type: 'stageCompleted', time: now(), stageId: stage.id, attemptId, failureReason: abort?.message ?? fetchFailure });
    if (abort) throw abort;
    return fetchFailure;
  }

  private executorLostOutputs(executorId: string): void { this.mapOutputs.removeOutputsOnExecutor(executorId); }

  private applyBlockUpdates(updates: { blockId: string; executorId: string; storageLevel: string; memSize: number; diskSize: number; records: number; removed?: boolean }[]): void {
    for (const u of updates) {
      if (u.removed) { this.blockLocations.get(u.blockId)?.delete(u.executorId); }
      else {
        let s = this.blockLocations.get(u.blockId);
        if (!s) this.blockLocations.set(u.blockId, (s = new Set()));
        s.add(u.executorId);
      }
      this.host.post({ type: 'blockUpdated', time: this.host.now(), executorId: u.executorId, blockId: u.blockId, storageLevel: u.storageLevel,
        memSize: u.memSize, diskSize: u.diskSize, records: u.records, ...blockIdFacts(u.blockId) });
    }
  }

  /** Registers a block stored outside a task (a receiver's block). */
  addBlockLocation(blockId: string, executorId: string): void {
    let s = this.blockLocations.get(blockId);
    if (!s) this.blockLocations.set(blockId, (s = new Set()));
    s.add(executorId);
  }
  removeBlockLocations(pred: (blockId: string) => boolean): void { for (const id of [...this.blockLocations.keys()]) if (pred(id)) this.blockLocations.delete(id); }
  unregisterShuffle(shuffleId: number): void { this.mapOutputs.unregisterShuffle(shuffleId); this.shuffleToStage.delete(shuffleId); }
}

function allStageIds(stage: Stage): number[] {
  const ids = new Set<number>();
  const visit = (s: Stage) => { if (ids.has(s.id)) return; ids.add(s.id); s.parents.forEach(visit); };
  visit(stage);
  return [...ids].sort((a, b) => a - b);
}

function stageAbort(stage: Stage, reason: string): SparkException {
  return errors.stageAborted(stage.shuffleDep ? 'ShuffleMapStage' : 'ResultStage', stage.id, stageName(stage), MAX_CONSECUTIVE_STAGE_ATTEMPTS, reason);
}

/** Executors holding a task's input blocks (cached partitions, received blocks): where it should run. */
function preferredLocations(plan: PartPlan): string[] {
  const kind = kindOf(plan);
  return kind.preferredLocations?.(plan) ?? kind.inputs(plan).flatMap(preferredLocations);
}

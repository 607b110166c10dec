/**
 * Driver recovery: Spark's StreamingContext.getOrCreate and JobGenerator.restart. The user's create function
 * rebuilds the context and its DStream graph (the same code builds the same graph, DStream ids included);
 * the checkpoint then restores what the old driver knew: zero time, pending batch times, each checkpointed
 * DStream's RDDs (data checkpoints), the direct Kafka offset ranges and the received blocks (from the WAL).
 */
import { ManualClock } from '../core/clock';
import type { Duration } from '../core/time';
import type { FileSystem } from '../core/fileSystem';
import { Time } from '../core/time';
import { isCheckpointableInput, type Checkpointer, type MetadataCheckpoint } from './checkpoint';
import { readCheckpoint } from './checkpointReader';
import type { RDDCheckpointFile } from './dataCheckpoint';
import type { DStreamContext } from './dstream/DStreamContext';
import { errors } from '../core/errors';
import { QueueInputDStream } from './input/QueueInputDStream';

export interface GetOrCreateOptions {
  /** Where the checkpoint directory lives (default: the created context's file system). Also given to the created context. */
  fs?: FileSystem;
  /** Spark's createOnError: a directory whose checkpoint files are all unreadable gives a new context instead of an error. */
  ignoreReadError?: boolean;
}

/** What getOrCreate found: the checkpoint the context continues from. */
export interface RecoveryPlan { checkpoint: MetadataCheckpoint; path: string; skipped: { path: string; reason: string }[] }

/** What a StreamingContext offers recovery: its graph, clock and checkpointer, and a way to take the plan. */
export interface RecoverableContext extends Pick<DStreamContext, 'sparkContext' | 'conf' | 'clock' | 'graph' | 'checkpointDir' | 'receiverTracker' | 'post' | 'printErr'> {
  readonly checkpointer: Checkpointer;
  getState(): string;
  checkpoint(directory: string): void;
  /** The context continues from this checkpoint when it starts (start() calls applyRecovery with it). */
  continueFrom(plan: RecoveryPlan): void;
}

/** What applyRecovery restored that start() needs: where the batch timer restarts, what runs again first. */
export interface RecoveredStart { restartTime: number; timesToReschedule: number[]; checkpointDuration?: Duration }

export async function getOrCreate<C extends RecoverableContext>(checkpointDir: string, createFn: () => C | Promise<C>,
  opts: GetOrCreateOptions = {}): Promise<C> {
  if (typeof checkpointDir !== 'string' || !checkpointDir) throw errors.getOrCreateNoDir();
  if (typeof createFn !== 'function') throw errors.getOrCreateNoFn();
  const ssc = await createFn();
  if (!ssc || typeof ssc.getState !== 'function') throw errors.getOrCreateNotAContext();
  if (ssc.getState() !== 'INITIALIZED') throw errors.getOrCreateStarted();
  if (opts.fs) ssc.sparkContext.fs = opts.fs;
  const read = await readCheckpoint(ssc.sparkContext.fs, checkpointDir, {
    ignoreReadError: opts.ignoreReadError,
    warn: (m) => { ssc.post({ type: 'warning', time: ssc.clock.getTimeMillis(), code: 'checkpointUnreadable', message: m }); ssc.printErr(m + '\n'); },
  });
  if (!read) return ssc;
  const cp = read.checkpoint;
  if (cp.batchDurationMs !== ssc.graph.batchDuration.milliseconds) throw errors.checkpointBatchDuration(checkpointDir, cp.batchDurationMs, ssc.graph.batchDuration.milliseconds);
  checkGraph(ssc, cp, checkpointDir);
  if (!ssc.checkpointDir) ssc.checkpoint(checkpointDir);
  ssc.continueFrom(read);
  await announceRestart(ssc, read);
  return ssc;
}

/** The graph must be the one the checkpoint was written for: same DStream ids and classes. */
function checkGraph(ssc: RecoverableContext, cp: MetadataCheckpoint, dir: string): void {
  const now = ssc.graph.allStreams();
  const byId = new Map(now.map((d) => [d.id, d]));
  for (const g of cp.graph) {
    const d = byId.get(g.id);
    if (!d) throw errors.checkpointGraphMismatch(dir, `DStream ${g.id} (${g.className}) of the checkpoint is not in the graph`);
    if (d.constructor.name !== g.className) throw errors.checkpointGraphMismatch(dir, `DStream ${g.id} is a ${g.className} in the checkpoint but a ${d.constructor.name} now`);
  }
  if (now.length !== cp.graph.length) throw errors.checkpointGraphMismatch(dir, `the checkpoint has ${cp.graph.length} DStreams, the graph ${now.length}`);
}

/** The lecture's start-up sequence again, for listeners created with the new context: step 1 says it is a restart. */
async function announceRestart(ssc: RecoverableContext, read: RecoveryPlan): Promise<void> {
  const sc = ssc.sparkContext;
  const now = () => ssc.clock.getTimeMillis();
  ssc.post({ type: 'clusterStep', time: now(), step: 'driverStarted', index: 1, restart: true, detail: `driver restarted for ${sc.appName} (${sc.master}) from ${read.path}` });
  await sc.whenReady();
  if (sc.masterSpec.kind !== 'local') return; // worker executors register asynchronously: their own events follow
  ssc.post({ type: 'clusterStep', time: now(), step: 'resourcesRequested', index: 2, detail: 'local mode: task slots in the driver process, no cluster manager' });
  for (const id of sc.getExecutorIds()) {
    ssc.post({ type: 'clusterStep', time: now(), step: 'executorLaunched', index: 3, detail: `executor ${id} started in the driver's thread`, executorId: id });
    ssc.post({ type: 'clusterStep', time: now(), step: 'executorRegistered', index: 4, detail: `executor ${id} registered with the driver`, executorId: id });
  }
}

/**
 * Called by start() for a recovered context: restores the graph's times and checkpoint data, and returns the
 * batches to run again (Spark's JobGenerator.restart: pending batches and those due while the driver was down),
 * the time the batch timer restarts at and the checkpoint interval of the old driver (for start() to keep).
 */
export async function applyRecovery(ssc: RecoverableContext, plan: RecoveryPlan): Promise<RecoveredStart> {
  const cp = plan.checkpoint;
  const period = cp.batchDurationMs;
  const clock = ssc.clock;
  // Spark: a manual clock is set to the checkpoint time (plus spark.streaming.manualClock.jump).
  if (clock instanceof ManualClock) clock.setTime(cp.checkpointTime + ssc.conf.getInt('spark.streaming.manualClock.jump', 0));
  const checkpointDuration = cp.checkpointDurationMs ? ssc.graph.batchDuration.times(cp.checkpointDurationMs / period) : undefined;
  ssc.checkpointer.generation = (cp.generation ?? 0) + 1;
  ssc.graph.start(new Time(cp.zeroTime), new Time(cp.startTime ?? cp.zeroTime + period));
  const sc = ssc.sparkContext;
  for (const d of ssc.graph.allStreams()) {
    const entry = cp.dstreams?.[d.id];
    if (!entry) continue;
    if (entry.files) await ssc.checkpointer.dataOf(d).restore(entry.files as Record<string, RDDCheckpointFile>, sc);
    if (entry.input !== undefined && isCheckpointableInput(d)) await d.restoreCheckpoint(entry.input);
  }
  for (const s of ssc.graph.inputStreams) {
    if (s instanceof QueueInputDStream) {
      const message = `queueStream doesn't support checkpointing: ${s} restarts from the queue given to it in createFn, not from where the old driver was`;
      ssc.post({ type: 'warning', time: clock.getTimeMillis(), code: 'queueStreamNotCheckpointable', message });
      ssc.printErr(`WARN StreamingContext: ${message}\n`);
    }
  }
  await ssc.receiverTracker.restoreFromCheckpoint(cp.receivedBlocks);
  // Spark's RecurringTimer.getRestartTime(zeroTime): the next batch time after now.
  const nowMs = clock.getTimeMillis();
  const restartTime = Math.floor((nowMs - cp.zeroTime) / period + 1) * period + cp.zeroTime;
  const downTimes: number[] = [];
  for (let t = cp.checkpointTime; t < restartTime; t += period) downTimes.push(t);
  const timesToReschedule = [...new Set([...cp.pendingTimes, ...downTimes])].filter((t) => t < restartTime).sort((a, b) => a - b);
  ssc.post({ type: 'contextRecovered', time: nowMs, checkpointTime: cp.checkpointTime, path: plan.path, timesToReschedule, restartTime, skipped: plan.skipped });
  ssc.printErr(`INFO JobGenerator: Recovered from ${plan.path}. Batches to reschedule (${timesToReschedule.length} batches): ${timesToReschedule.map((t) => `${t} ms`).join(', ')}. Restarting at ${restartTime} ms\n`);
  return { restartTime, timesToReschedule, checkpointDuration };
}

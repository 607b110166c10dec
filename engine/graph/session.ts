/**
 * PipelineSession: a framework-free run of a pipeline graph, used by the studio's driver worker and by the CLI.
 * SparkConf from the graph (master, seed, conf) on the manual clock; StreamingContext with the graph's batch
 * interval; the graph built through the registry; every EngineEvent and every printed text forwarded.
 */
import type { PipelineGraph, ValidationIssue } from './types';
import type { EngineEvent, FaultKind } from '../core/events';
import { buildPipeline, GraphValidationError } from './buildPipeline';
import type { BuiltPipeline } from './buildPipeline';
import { validateGraph } from './validate';
import * as engine from '../index';
import type { FileSystem } from '../core/fileSystem';
import type { EngineRuntime } from '../runtime/runtime';
import type { StreamingContext } from '../streaming/StreamingContext';
import { ReceiverInputDStream } from '../streaming/input/ReceiverInputDStream';
import type { RecordedInputs, RunRecording } from './codegen/recordedInputs';

export interface SessionOptions {
  /** Overrides graph.master (the CLI's --master, the studio's cluster settings). */
  master?: string;
  /** Overrides graph.seed. */
  seed?: number;
  /** Overrides graph.checkpointDir. */
  checkpointDir?: string;
  /** Extra SparkConf settings, applied after graph.conf. */
  conf?: Record<string, string>;
  /** Every engine event; recordsSample events carry the nodeId of the stream they sample. */
  onEvent?: (event: EngineEvent) => void;
  /** Text printed by print() and the engine's console output, exactly as the studio's console shows it. */
  onStdout?: (text: string) => void;
  /**
   * Where checkpoints, the write-ahead log and outputs live; shared by every driver of this session, so a
   * restarted driver reads what the crashed one wrote. Default: the engine's default file system (a directory
   * in Node, memory in the browser), taken from the first driver. The studio's worker passes an
   * IndexedDbFileSystem. `now` is the engine clock, for modification times.
   */
  fileSystem?: (now: () => number) => FileSystem;
  /** The host's runtime for every driver of this session (the studio's worker passes its own); default: the realm's. */
  runtime?: EngineRuntime;
  /**
   * Delete checkpoints an earlier run left in checkpointDir before start(), so a later restartDriver cannot
   * recover a stale run. Default: true with `fileSystem` (the studio's persistent store), false otherwise
   * (a real directory is never deleted unless asked).
   */
  freshCheckpointDir?: boolean;
  /** Recover from checkpoints already in checkpointDir at start() (Spark's getOrCreate on the first start). */
  recoverAtStart?: boolean;
  /**
   * Called with each node's stream right after the graph is built, before start (the recorder of "Export with
   * this run's data" adds its foreachRDD to the sources here).
   */
  onBuilt?: (streams: BuiltPipeline['streams']) => void;
}

/** Studio conf key: the storage level of every receiver-based source (Spark's default is MEMORY_AND_DISK_SER_2). */
export const RECEIVER_STORAGE_LEVEL_KEY = 'spark.studio.receiver.storageLevel';

/** What restartDriver did: the checkpoint it recovered from and the batches the new driver re-runs. */
export interface DriverRestart { checkpointTime: number; path: string; timesToReschedule: number[]; restartTime: number; downtimeMs: number }

export const sessionErrors = {
  noCheckpointDir: () => new Error(
    'restartDriver: the pipeline has no checkpoint directory, so a new driver has nothing to recover from. '
    + 'Set "checkpointDir" in the pipeline (e.g. "checkpoints/my-pipeline") and run it again; Spark needs ssc.checkpoint(dir) for driver recovery'),
  noCheckpointYet: (dir: string) => new Error(
    `restartDriver: no checkpoint has been written to ${dir} yet, so a new driver would start from nothing. Step at least one batch before restarting the driver`),
  unknownStorageLevel: (name: string) => new Error(
    `${RECEIVER_STORAGE_LEVEL_KEY}: unknown storage level "${name}". Use MEMORY_AND_DISK_SER_2 (replicated to a second executor) or MEMORY_AND_DISK_SER (one copy)`),
};

export type SessionState = 'idle' | 'INITIALIZED' | 'ACTIVE' | 'STOPPED' | 'FAILED';

/** The conf key the seeded sources read. */
export { SEED_CONF_KEY } from './codegen/meta';
import { SEED_CONF_KEY } from './codegen/meta';

/** SparkConf settings for a graph run, in the order they are set. */
export function confEntries(graph: PipelineGraph, opts: Pick<SessionOptions, 'master' | 'seed' | 'conf'> = {}): [string, string][] {
  const entries: [string, string][] = [
    ['spark.master', opts.master ?? graph.master],
    ['spark.app.name', graph.name || 'pipeline'],
    ['spark.streaming.clock', 'manual'],
    [SEED_CONF_KEY, String(opts.seed ?? graph.seed)],
  ];
  for (const [k, v] of Object.entries(graph.conf ?? {})) if (k !== 'spark.streaming.clock') entries.push([k, v]);
  for (const [k, v] of Object.entries(opts.conf ?? {})) entries.push([k, v]);
  return entries;
}

/** Sets the storage level of every receiver of a built graph (the studio's replication toggle). */
function applyReceiverStorageLevel(ssc: StreamingContext, name: string): void {
  if (!name) return;
  const level: unknown = Reflect.get(engine.StorageLevel, name);
  if (!(level instanceof engine.StorageLevel)) throw sessionErrors.unknownStorageLevel(name);
  for (const s of ssc.graph.inputStreams) {
    if (!(s instanceof ReceiverInputDStream)) continue;
    Object.defineProperty(s.getReceiver(), 'storageLevel', { value: level, configurable: true, writable: false });
  }
}

export class PipelineSession {
  readonly issues: ValidationIssue[];
  private ssc: StreamingContext | undefined;
  private built: BuiltPipeline | undefined;
  private state: SessionState = 'idle';
  private failure: string | undefined;
  private unsubscribe: (() => void) | undefined;
  private fs: FileSystem | undefined;
  /** How many drivers this session has started (1 + restarts). */
  driverGeneration = 0;

  /** The graph as run: master, seed and checkpointDir overrides applied. */
  readonly graph: PipelineGraph;

  constructor(graph: PipelineGraph, readonly options: SessionOptions = {}) {
    this.graph = {
      ...graph,
      ...(options.master !== undefined && { master: options.master }),
      ...(options.seed !== undefined && { seed: options.seed }),
      ...(options.checkpointDir !== undefined && { checkpointDir: options.checkpointDir }),
    };
    this.issues = validateGraph(this.graph);
  }

  /** Creates the context, builds the graph and starts it. Throws GraphValidationError for an invalid graph. */
  async start(): Promise<void> {
    if (this.state !== 'idle') throw new Error(`PipelineSession.start: already ${this.state}`);
    if (this.issues.some((i) => i.severity === 'error')) throw new GraphValidationError(this.issues);
    const dir = this.graph.checkpointDir;
    const fs = this.fileSystem();
    // A Run starts fresh: checkpoints an earlier run left in a persistent directory would otherwise be recovered.
    const fresh = this.options.freshCheckpointDir ?? this.options.fileSystem !== undefined;
    if (dir && fs && fresh && !this.options.recoverAtStart && await fs.exists(dir)) await fs.delete(dir, true);
    const ssc = dir && this.options.recoverAtStart
      ? await engine.StreamingContext.getOrCreate(dir, () => this.createContext(), fs ? { fs } : {})
      : this.createContext();
    await this.startContext(ssc);
  }

  /** The session's file system: the option's (created once), else the first driver's default; shared by every driver. */
  private fileSystem(): FileSystem | undefined {
    if (!this.fs && this.options.fileSystem) this.fs = this.options.fileSystem(() => (this.ssc ? this.ssc.clock.getTimeMillis() : 0));
    return this.fs;
  }

  /**
   * Spark's create function for getOrCreate: a new StreamingContext with the graph's conf, the session's
   * file system and event forwarding, the graph built into it. Not started.
   */
  private createContext(extraConf: Record<string, string> = {}): StreamingContext {
    const graph = this.graph;
    const conf = new engine.SparkConf();
    for (const [k, v] of confEntries(graph, { conf: { ...this.options.conf, ...extraConf } })) conf.set(k, v);
    const ssc = new engine.StreamingContext(conf, engine.Milliseconds(graph.batchDuration), { runtime: this.options.runtime });
    this.unsubscribe?.();
    this.ssc = ssc;
    this.state = 'INITIALIZED';
    this.driverGeneration++;
    const fs = this.fileSystem();
    if (fs) ssc.sparkContext.fs = fs; else this.fs = ssc.sparkContext.fs;
    const onStdout = this.options.onStdout;
    ssc.stdout = (text: string) => { onStdout?.(text); };
    this.unsubscribe = ssc.sparkContext.listenerBus.add((event: EngineEvent) => this.forward(event), { replay: true });
    if (graph.checkpointDir) ssc.checkpoint(graph.checkpointDir);
    this.built = buildPipeline(graph, ssc, { api: engine, skipValidation: true });
    applyReceiverStorageLevel(ssc, conf.get(RECEIVER_STORAGE_LEVEL_KEY, ''));
    this.options.onBuilt?.(this.built.streams);
    return ssc;
  }

  private async startContext(ssc: StreamingContext): Promise<void> {
    this.ssc = ssc;
    try { await ssc.start(); } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
      this.state = 'FAILED';
      throw e;
    }
    this.state = 'ACTIVE';
  }

  /**
   * Crashes the driver (ssc.faults.crashDriver) and starts a new one with
   * StreamingContext.getOrCreate(checkpointDir, create): the same graph, rebuilt, recovers the zero time,
   * pending batches, state (data checkpoints), offsets and WAL blocks from the checkpoint directory.
   * `downtimeMs` of simulated time pass while no driver runs; the batches due meanwhile are re-run first
   * (Spark's JobGenerator.restart). Events of the new driver are forwarded like the first one's (start-up
   * events replayed; step 1 says "driver restarted"). `whileDown` runs between the crash and the new driver
   * (the studio shows the crashed driver for a moment).
   */
  async restartDriver(downtimeMs = 0, whileDown?: () => Promise<void>): Promise<DriverRestart> {
    if (this.state !== 'ACTIVE') throw new Error(`PipelineSession.restartDriver: the session is ${this.state}, not running`);
    const dir = this.graph.checkpointDir;
    if (!dir) throw sessionErrors.noCheckpointDir();
    const fs = this.fileSystem()!;
    if (!(await fs.exists(dir)) || !(await fs.list(dir)).some((f) => /checkpoint-\d+/.test(f.path))) throw sessionErrors.noCheckpointYet(dir);
    await this.ssc!.faults.crashDriver();
    this.state = 'STOPPED';
    if (whileDown) await whileDown();
    const jump = Math.max(0, Math.round(downtimeMs));
    const extra: Record<string, string> = jump > 0 ? { 'spark.streaming.manualClock.jump': String(jump) } : {};
    let ssc: StreamingContext;
    try {
      ssc = await engine.StreamingContext.getOrCreate(dir, () => this.createContext(extra), { fs });
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
      this.state = 'FAILED';
      throw e;
    }
    let recovered: DriverRestart | undefined;
    const off = ssc.sparkContext.listenerBus.add((e: EngineEvent) => {
      if (e.type === 'contextRecovered') recovered = { checkpointTime: e.checkpointTime, path: e.path, timesToReschedule: e.timesToReschedule, restartTime: e.restartTime, downtimeMs: jump };
    });
    try { await this.startContext(ssc); } finally { off(); }
    if (!recovered) throw sessionErrors.noCheckpointYet(dir);
    return recovered;
  }

  private forward(event: EngineEvent): void {
    const cb = this.options.onEvent;
    if (!cb) return;
    if (event.type === 'recordsSample' && event.nodeId === undefined) {
      const nodeId = this.built?.dstreamToNode.get(event.dstreamId);
      cb(nodeId !== undefined ? { ...event, nodeId } : event);
    } else cb(event);
  }

  /** Runs n batch intervals on the manual clock; resolves when their jobs have finished. */
  async step(n = 1): Promise<void> {
    if (this.state !== 'ACTIVE') throw new Error(`PipelineSession.step: the session is ${this.state}, not running`);
    try {
      await this.ssc!.step(n);
    } catch (e) {
      this.failure = e instanceof Error ? e.message : String(e);
      this.state = 'FAILED';
      throw e;
    }
  }

  async stop(): Promise<void> {
    if (this.ssc && this.state !== 'STOPPED') {
      try { await this.ssc.stop(); } finally {
        this.unsubscribe?.();
        this.state = 'STOPPED';
      }
    } else this.state = 'STOPPED';
  }

  /** Injects a fault through `ssc.faults` (killExecutor, crashReceiver, failNextTask, slowTask, loseBlock, crashDriver). */
  injectFault(kind: FaultKind, args: unknown[] = []): unknown {
    if (!this.ssc) throw new Error('PipelineSession.injectFault: the session has not started');
    const faults = this.ssc.faults;
    const f: unknown = Reflect.get(faults, kind);
    if (typeof f !== 'function') throw new Error(`Unknown fault "${kind}"`);
    return Reflect.apply(f, faults, args) as unknown;
  }

  getState(): { state: SessionState; failure?: string; batchDuration: number; issues: ValidationIssue[] } {
    return { state: this.state, ...(this.failure ? { failure: this.failure } : {}), batchDuration: this.graph.batchDuration, issues: this.issues };
  }

  /** The node whose DStream has this id (for events that name DStreams). */
  nodeIdOfDStream(dstreamId: number): string | undefined { return this.built?.dstreamToNode.get(dstreamId); }

  /** DStream id → node id, for every built node. */
  get dstreamToNode(): ReadonlyMap<number, string> { return this.built?.dstreamToNode ?? new Map(); }

  /**
   * What each source node's stream delivered in this run, by batch and partition ("Export with this run's data"),
   * recorded in this (the engine's) realm; undefined before the run started. Streams built for no node are left out.
   */
  runRecording(): RunRecording | undefined {
    if (!this.ssc) return undefined;
    const rec = this.ssc.jobScheduler.inputRecorder.snapshot();
    const inputs: RecordedInputs = {};
    for (const [streamId, batches] of rec.streams) {
      const nodeId = this.built?.dstreamToNode.get(streamId);
      if (nodeId !== undefined) inputs[nodeId] = batches;
    }
    return { inputs, batches: rec.batches, unreadPartitions: rec.unreadPartitions, ...(rec.truncated ? { truncated: rec.truncated } : {}) };
  }

  /** The running StreamingContext (tests and the driver worker; the UI reads events only). */
  get streamingContext(): unknown { return this.ssc; }
}

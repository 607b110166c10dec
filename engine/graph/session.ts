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
}

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

export class PipelineSession {
  readonly issues: ValidationIssue[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private ssc: any;
  private built: BuiltPipeline | undefined;
  private state: SessionState = 'idle';
  private failure: string | undefined;
  private unsubscribe: (() => void) | undefined;

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
    const graph = this.graph;
    const conf = new engine.SparkConf();
    for (const [k, v] of confEntries(graph, { conf: this.options.conf })) conf.set(k, v);
    const ssc = new engine.StreamingContext(conf, engine.Milliseconds(graph.batchDuration));
    this.ssc = ssc;
    this.state = 'INITIALIZED';
    const onStdout = this.options.onStdout;
    ssc.stdout = (text: string) => { onStdout?.(text); };
    this.unsubscribe = ssc.sparkContext.listenerBus.add((event: EngineEvent) => this.forward(event), { replay: true });
    if (graph.checkpointDir) ssc.checkpoint(graph.checkpointDir);
    this.built = buildPipeline(graph, ssc, { api: engine as unknown as Record<string, unknown>, skipValidation: true });
    await ssc.start();
    this.state = 'ACTIVE';
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
      await this.ssc.step(n);
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
    const f = this.ssc.faults?.[kind];
    if (typeof f !== 'function') throw new Error(`Unknown fault "${kind}"`);
    return f.apply(this.ssc.faults, args);
  }

  getState(): { state: SessionState; failure?: string; batchDuration: number; issues: ValidationIssue[] } {
    return { state: this.state, ...(this.failure ? { failure: this.failure } : {}), batchDuration: this.graph.batchDuration, issues: this.issues };
  }

  /** The node whose DStream has this id (for events that name DStreams). */
  nodeIdOfDStream(dstreamId: number): string | undefined { return this.built?.dstreamToNode.get(dstreamId); }

  /** DStream id → node id, for every built node. */
  get dstreamToNode(): ReadonlyMap<number, string> { return this.built?.dstreamToNode ?? new Map(); }

  /** The running StreamingContext (tests and the driver worker; the UI reads events only). */
  get streamingContext(): unknown { return this.ssc; }
}

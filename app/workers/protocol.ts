/** What the driver worker sends the page (batched) and the endpoint it exposes. */
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import type { PipelineGraph, ValidationIssue } from '../../engine/graph/types';
import type { PlayerStatus } from './player';
import type { Breakpoint, BreakpointHit, BreakpointProblem } from '../sim/breakpoints';

export type DriverMessage =
  | { kind: 'event'; event: EngineEvent }
  | { kind: 'stdout'; text: string }
  | { kind: 'status'; status: PlayerStatus; error?: string }
  /** The driver's own log lines at WARN/ERROR (Spark's log4j output), shown in the console's error list. */
  | { kind: 'log'; level: 'error' | 'warning'; text: string };

/** Simulation messages (breakpoints); the bridge takes them out before coalescing the rest. */
export type SimMessage =
  | { kind: 'breakpoint'; hit: BreakpointHit }
  | { kind: 'breakpointProblem'; problem: BreakpointProblem }
  /** The driver restarted from its checkpoint (after a 'crashDriver' fault from the page). */
  | { kind: 'driverRestarted'; checkpointTime: number; timesToReschedule: number[] };

export type WorkerMessage = DriverMessage | SimMessage;
export const isSimMessage = (m: WorkerMessage): m is SimMessage => m.kind === 'breakpoint' || m.kind === 'breakpointProblem' || m.kind === 'driverRestarted';

/** A 'netcat' request: lines typed into the studio's netcat panel for the socket host:port. */
export interface NetcatRequest { host: string; port: number; text: string }

export type LoadResult = { ok: true } | { ok: false; problems: string[] };

export interface DriverApi {
  subscribe(cb: (msgs: WorkerMessage[]) => void): void;
  load(graph: PipelineGraph, master?: string): Promise<LoadResult>;
  start(): Promise<void>;
  step(n: number): Promise<void>;
  play(speed: number): void;
  setSpeed(speed: number): void;
  pause(): void;
  stop(): Promise<void>;
  /**
   * Injects a fault. 'crashDriver' crashes the driver and restarts it from its checkpoint
   * (PipelineSession.restartDriver) after DRIVER_DOWNTIME of simulated time: the Cluster panel's
   * "Restart driver" button.
   */
  injectFault(kind: FaultKind, args: unknown[]): Promise<void>;
  /** Replaces the breakpoints (compiled in the worker); returns the problems of those that were not set. */
  setBreakpoints(bps: Breakpoint[]): Promise<BreakpointProblem[]>;
  /** The dry-run kind check (runs UDFs: only ever in a worker). */
  dryRun(graph: PipelineGraph): Promise<ValidationIssue[]>;
  /**
   * The studio's netcat box: sends `text` (one record per line) on the virtual socket host:port (created on first
   * use; load() creates one for every socketTextStream of the graph, so it exists before the receiver connects).
   */
  netcat(req: NetcatRequest): Promise<void>;
}

/**
 * Liveness of the driver worker: it posts this (a plain postMessage, outside Comlink) every HEARTBEAT_MS from its
 * own setInterval. A task looping inside the driver's worker (local[N] masters run tasks there) blocks that
 * interval, so the page notices the silence.
 */
export interface HeartbeatMessage { kind: 'heartbeat' }
export const HEARTBEAT_MS = 500;
export const isHeartbeat = (data: unknown): data is HeartbeatMessage =>
  typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'heartbeat';

export interface WatchdogInput {
  /** Now (ms, the page's clock). */
  now: number;
  /** When the last heartbeat arrived, if any arrived. */
  lastBeat: number | undefined;
  /** Since when the page has been watching: the run became active or the page became visible (later of the two). */
  watchingSince: number;
  /** A run is active (loading, running or paused with a driver behind it). */
  active: boolean;
  /** The page is visible (hidden pages get throttled timers: no verdict then). */
  visible: boolean;
  /** spark.studio.task.timeout in ms. */
  timeoutMs: number;
  /** When the page last checked. A check far later than planned means the page itself stalled (sleep, a hidden tab). */
  lastCheck?: number;
}

export type WatchdogVerdict =
  | { verdict: 'idle' }
  /** The page's own clock jumped (its timers were stalled): start watching again from now. */
  | { verdict: 'resync' }
  | { verdict: 'alive'; silentMs: number }
  | { verdict: 'hung'; silentMs: number };

/** A gap between checks longer than this means the page, not the driver, was stalled. */
export const stallMs = (timeoutMs: number) => Math.max(2000, timeoutMs / 2);

/** Pure decision of the page's heartbeat watchdog: 'hung' once the driver has been silent for the task timeout. */
export function watchdogVerdict(i: WatchdogInput): WatchdogVerdict {
  if (!i.active || !i.visible) return { verdict: 'idle' };
  if (i.lastCheck !== undefined && i.now - i.lastCheck > stallMs(i.timeoutMs)) return { verdict: 'resync' };
  const since = Math.max(i.watchingSince, i.lastBeat ?? -Infinity);
  const silentMs = Math.max(0, i.now - since);
  return silentMs >= i.timeoutMs ? { verdict: 'hung', silentMs } : { verdict: 'alive', silentMs };
}

/** The console's message after the watchdog restarted a hung driver (Spark-style English, like TaskScheduler's). */
export function hungDriverMessage(timeoutMs: number, stage: string | undefined, localMode: boolean): string {
  const site = stage ?? 'an unknown stage';
  return localMode
    ? `task exceeded ${timeoutMs} ms (possible infinite loop in ${site}); local mode runs tasks inside the driver's worker, so it was restarted. Use local-cluster to keep the run going.`
    : `driver did not respond for ${timeoutMs} ms (possible infinite loop in ${site}, in a function that runs on the driver); the driver's worker was restarted.`;
}

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
}

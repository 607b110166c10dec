/** What the driver worker sends the page (batched) and the endpoint it exposes. */
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import type { PipelineGraph, ValidationIssue } from '../../engine/graph/types';
import type { PlayerStatus } from './player';

export type DriverMessage =
  | { kind: 'event'; event: EngineEvent }
  | { kind: 'stdout'; text: string }
  | { kind: 'status'; status: PlayerStatus; error?: string }
  /** The driver's own log lines at WARN/ERROR (Spark's log4j output), shown in the console's error list. */
  | { kind: 'log'; level: 'error' | 'warning'; text: string };

export type LoadResult = { ok: true } | { ok: false; problems: string[] };

export interface DriverApi {
  subscribe(cb: (msgs: DriverMessage[]) => void): void;
  load(graph: PipelineGraph, master?: string): Promise<LoadResult>;
  start(): Promise<void>;
  step(n: number): Promise<void>;
  play(speed: number): void;
  setSpeed(speed: number): void;
  pause(): void;
  stop(): Promise<void>;
  injectFault(kind: FaultKind, args: unknown[]): Promise<void>;
  /** The dry-run kind check (runs UDFs: only ever in a worker). */
  dryRun(graph: PipelineGraph): Promise<ValidationIssue[]>;
}

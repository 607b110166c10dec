/**
 * Recorded runs as files (pure): the file format is runSlice's RecordedRun ({ version: 1, graph, seed,
 * base?, events }) plus a `format` tag. `parseRecordedRun` names every problem of a broken file (and how to fix it)
 * instead of a bare "invalid", so the studio can show them and keep the current state.
 */
import type { EngineEvent, EngineEventType } from '../../engine/core/events';
import type { PipelineGraph } from '../../engine/graph/types';
import { parsePipeline } from '../../engine/graph/schema';
import { isRecordedRun, isRunBase, type RecordedRun } from '../store/runSlice';

export const RUN_FORMAT = 'dstream-studio-run';

/** Every event type the engine emits (a recorded file with another type was not written by this studio); typed so a new type cannot be missed. */
const KNOWN_EVENT_TYPES: Record<EngineEventType, true> = {
  applicationStart: true, applicationEnd: true, executorAdded: true, executorRemoved: true, clusterStep: true, jobStart: true, jobEnd: true,
  stageSubmitted: true, stageCompleted: true, taskStart: true, taskEnd: true, blockUpdated: true, dstreamGraph: true, streamingStarted: true,
  batchSubmitted: true, batchStarted: true, batchCompleted: true, outputOperationStarted: true, outputOperationCompleted: true,
  receiverStarted: true, receiverError: true, receiverStopped: true, streamingStopped: true, recordsSample: true, blockReceived: true,
  contextRecovered: true, checkpointWritten: true, walWritten: true, rateUpdated: true, faultInjected: true, blocksLost: true, stdout: true,
  warning: true, noJobsAdded: true, outputWritten: true,
};
const EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(KNOWN_EVENT_TYPES));

/** Fields without which a panel's reducer cannot use an event. */
const REQUIRED: Partial<Record<EngineEventType, string[]>> = {
  batchSubmitted: ['batchInfo'], batchStarted: ['batchInfo'], batchCompleted: ['batchInfo'],
  taskStart: ['stageId', 'partition', 'executorId'], taskEnd: ['stageId', 'partition', 'executorId', 'reason'],
  stdout: ['text'], recordsSample: ['batchTime', 'records'], faultInjected: ['fault'],
  executorAdded: ['executorId'], executorRemoved: ['executorId'], stageSubmitted: ['stageId', 'attemptId'],
};

export interface RunFile extends RecordedRun { format: typeof RUN_FORMAT; name: string }

export function toRunFile(run: RecordedRun): RunFile {
  return { format: RUN_FORMAT, name: run.graph?.name ?? 'run', ...run };
}

export function runFileName(name: string): string {
  const base = name.trim().replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, '-').toLowerCase() || 'pipeline';
  return `${base}.run.json`;
}

export type ParsedRun = { ok: true; run: RecordedRun; graph: PipelineGraph | null; name: string } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 12;

export function parseRecordedRun(text: string): ParsedRun {
  let v: unknown;
  try { v = JSON.parse(text); } catch (e) {
    return { ok: false, problems: [`The file is not JSON (${e instanceof Error ? e.message : String(e)}). A recorded run is the JSON file written by File → Save run….`] };
  }
  const problems: string[] = [];
  const o = v as Record<string, unknown>;
  if (!o || typeof o !== 'object' || Array.isArray(o)) return { ok: false, problems: ['The file holds no object. A recorded run is { "version": 1, "graph": {...}, "seed": 42, "events": [...] }, written by File → Save run….'] };
  if (Array.isArray(o.nodes) && !('events' in o)) {
    return { ok: false, problems: ['This is a pipeline, not a recorded run: open it with File → Open…, or run it and save the run with File → Save run….'] };
  }
  if (o.version !== 1) problems.push(`"version" must be 1, found ${JSON.stringify(o.version)}: this file was written by another version of the studio, or edited.`);
  if (o.seed !== undefined && typeof o.seed !== 'number') problems.push(`"seed" must be a number, found ${JSON.stringify(o.seed)}.`);
  if (!Array.isArray(o.events)) problems.push('"events" is missing or not a list: a recorded run keeps every engine event of the run in "events".');
  else {
    if (o.events.length === 0 && o.base === undefined) problems.push('"events" is empty: there is nothing to replay. Run or step the pipeline before saving the run.');
    const events = o.events as unknown[];
    for (let i = 0; i < events.length && problems.length < MAX_PROBLEMS; i++) {
      const e = events[i] as Record<string, unknown>;
      if (!e || typeof e !== 'object' || Array.isArray(e)) { problems.push(`events[${i}] is not an object: each event is like { "type": "batchCompleted", "time": 1000, ... }.`); continue; }
      if (typeof e.type !== 'string') { problems.push(`events[${i}] has no "type": each event is like { "type": "batchCompleted", "time": 1000, ... }.`); continue; }
      if (!EVENT_TYPES.has(e.type)) { problems.push(`events[${i}] has an unknown type "${e.type}": it was not written by the engine.`); continue; }
      if (typeof e.time !== 'number') problems.push(`events[${i}] (${e.type}) has no numeric "time".`);
      for (const f of REQUIRED[e.type as EngineEventType] ?? []) if (e[f] === undefined) problems.push(`events[${i}] (${e.type}) lacks "${f}".`);
    }
    if (problems.length >= MAX_PROBLEMS) problems.push('… and possibly more: the file looks damaged; save the run again.');
  }
  if (o.base !== undefined && !isRunBase(o.base)) {
    problems.push('"base" (the state of the run before its recorded events) is damaged: it needs "eventCount", "run" (the panels\' model), "lot" and optionally "chrome". Save the run again.');
  }
  let graph: PipelineGraph | null = null;
  if (o.graph !== null && o.graph !== undefined) {
    const g = parsePipeline(o.graph);
    if (g.ok) graph = g.graph;
    else problems.push(...g.issues.slice(0, 5).map((m) => `The run's pipeline ("graph") is not valid: ${m}`));
  }
  if (problems.length) return { ok: false, problems };
  const run: RecordedRun = {
    version: 1, graph, seed: typeof o.seed === 'number' ? o.seed : graph?.seed ?? 0, ...(o.base !== undefined ? { base: o.base as RecordedRun['base'] } : {}), events: o.events as EngineEvent[],
  };
  if (!isRecordedRun(run)) return { ok: false, problems: ['The file is not a recorded run.'] };
  const name = typeof o.name === 'string' && o.name ? o.name : graph?.name ?? 'run';
  return { ok: true, run, graph, name };
}

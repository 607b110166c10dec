/**
 * Test helper: record a real run of a pipeline graph (public/examples/*.json) through
 * engine/graph/session.ts PipelineSession on the manual clock, in Node. Returns every engine event
 * (structured-cloned, as the bridge delivers them) and the printed text. Node-only (fs, os).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineEvent, FaultKind } from '../../../engine/core/events';
import type { PipelineGraph } from '../../../engine/graph/types';
import { PipelineSession } from '../../../engine/graph/session';

export interface RecordedRealRun { graph: PipelineGraph; events: EngineEvent[]; stdout: string[] }

export interface RecordOptions {
  master?: string;
  batches: number;
  conf?: Record<string, string>;
  /** Called before each step i (0-based); may inject a fault through `inject` (awaited). */
  beforeStep?: (i: number, inject: (kind: FaultKind, args: unknown[]) => Promise<unknown>, events: EngineEvent[]) => unknown;
  /** Called with every event as it is posted (synchronously), with the session's fault door. */
  onEvent?: (e: EngineEvent, inject: (kind: FaultKind, args: unknown[]) => unknown) => void;
}

export function loadExample(name: string): PipelineGraph {
  return JSON.parse(readFileSync(new URL(`../../../public/examples/${name}.json`, import.meta.url), 'utf8')) as PipelineGraph;
}

export async function recordRun(graph: PipelineGraph, o: RecordOptions): Promise<RecordedRealRun> {
  const events: EngineEvent[] = [];
  const stdout: string[] = [];
  let session: PipelineSession | undefined = undefined;
  const inject = (kind: FaultKind, args: unknown[]) => session!.injectFault(kind, args);
  session = new PipelineSession(graph, {
    ...(o.master ? { master: o.master } : {}),
    ...(graph.checkpointDir ? { checkpointDir: mkdtempSync(join(tmpdir(), 'dsp-panels-')) } : {}),
    ...(o.conf ? { conf: o.conf } : {}),
    onEvent: (e) => { events.push(structuredClone(e)); o.onEvent?.(e, inject); },
    onStdout: (t) => stdout.push(t),
  });
  await session.start();
  try {
    for (let i = 0; i < o.batches; i++) {
      if (o.beforeStep) await o.beforeStep(i, async (k, a) => await inject(k, a), events);
      await session.step(1);
    }
  } finally {
    await session.stop();
  }
  return { graph: session.graph, events, stdout };
}

/**
 * One headless engine run of a graph for the Spark oracle: what print() printed, batch by batch, what every source
 * received (per batch, per partition: the engine's own recording, as "Export with this run's data" uses it) and what
 * saveAsTextFiles wrote (under the case's own output directory).
 */
import type { PipelineGraph } from '../../engine/graph/types';
import { PipelineSession } from '../../engine/graph/session';
import type { RecordedInputs } from '../../engine/graph/codegen/recordedInputs';
import { readSaved, withOutputDir, type SavedFiles } from './savedFiles';

export interface EngineRun {
  stdout: string;
  recorded: RecordedInputs;
  /** What saveAsTextFiles wrote (empty when the graph writes no text files). */
  saved: SavedFiles;
  error?: string;
}

/**
 * Runs `batches` batches. The recording's limits are raised so a case is never cut (a cut recording is an error
 * here: the export would replay fewer batches than the engine ran).
 */
export async function runOnEngine(graph: PipelineGraph, batches: number, checkpointDir: string, outputDir: string): Promise<EngineRun> {
  let stdout = '';
  const session = new PipelineSession(withOutputDir(graph, outputDir), {
    checkpointDir,
    conf: { 'spark.studio.recordInputs.maxBatches': String(batches + 1), 'spark.studio.recordInputs.maxRecords': '10000000' },
    onStdout: (t) => { stdout += t; },
  });
  const result = (error?: string): EngineRun => {
    const rec = session.runRecording();
    const cut = rec?.truncated ? `the recording of the inputs stopped at ${rec.truncated.limit}=${rec.truncated.value}` : undefined;
    const err = error ?? cut;
    return { stdout, recorded: rec?.inputs ?? {}, saved: readSaved(outputDir), ...(err ? { error: err } : {}) };
  };
  const blocking = session.issues.filter((i) => i.severity === 'error');
  if (blocking.length) return result(blocking.map((i) => i.message).join('; '));
  try {
    await session.start();
    await session.step(batches);
  } catch (e) {
    return result(e instanceof Error ? e.message : String(e));
  } finally {
    await session.stop();
  }
  return result();
}

/** print() text split into batches: one entry per "Time: t ms" block (header included). */
export function splitBatches(text: string): string[] {
  const sep = '-------------------------------------------\nTime: ';
  return text.split(sep).filter((b) => b.length > 0).map((b) => sep + b);
}

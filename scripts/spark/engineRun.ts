/**
 * One headless engine run of a graph for the Spark oracle: what print() printed, batch by batch, and what every
 * source received (per batch, per partition), for "Export with this run's data".
 */
import type { PipelineGraph } from '../../engine/graph/types';
import { PipelineSession } from '../../engine/graph/session';
import { getOp } from '../../engine/graph/registry';
import type { RecordedInputs } from '../../engine/graph/codegen/recordedInputs';

export interface EngineRun {
  stdout: string;
  recorded: RecordedInputs;
  error?: string;
}

interface GlommedRdd { glom(): { collect(): Promise<unknown[][]> } }

export async function runOnEngine(graph: PipelineGraph, batches: number, checkpointDir: string): Promise<EngineRun> {
  let stdout = '';
  const recorded: RecordedInputs = {};
  const sources = graph.nodes.filter((n) => getOp(n.op)?.inputs.length === 0).map((n) => n.id);
  const session = new PipelineSession(graph, {
    checkpointDir,
    onStdout: (t) => { stdout += t; },
    onBuilt: (streams) => {
      for (const id of sources) {
        const s = streams.get(id);
        if (!s) continue;
        const rec: unknown[][][] = [];
        recorded[id] = rec;
        s.foreachRDD(async (rdd: GlommedRdd) => { rec.push(await rdd.glom().collect()); });
      }
    },
  });
  const blocking = session.issues.filter((i) => i.severity === 'error');
  if (blocking.length) return { stdout, recorded, error: blocking.map((i) => i.message).join('; ') };
  try {
    await session.start();
    await session.step(batches);
  } catch (e) {
    return { stdout, recorded, error: e instanceof Error ? e.message : String(e) };
  } finally {
    await session.stop();
  }
  return { stdout, recorded };
}

/** print() text split into batches: one entry per "Time: t ms" block (header included). */
export function splitBatches(text: string): string[] {
  const sep = '-------------------------------------------\nTime: ';
  return text.split(sep).filter((b) => b.length > 0).map((b) => sep + b);
}

/**
 * "Export with this run's data": a run of a simulated source (twitter, rate, Kafka) recorded in the engine, exported
 * as a TypeScript program whose sources are queueStreams of the recorded batches, prints what the run printed.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PipelineGraph } from '../types';
import { parsePipeline } from '../schema';
import { PipelineSession } from '../session';
import { exportGraph } from './index';
import type { RunRecording } from './recordedInputs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');

function example(file: string): PipelineGraph {
  const r = parsePipeline(readFileSync(join(root, 'public/examples', file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.issues.join('; ')}`);
  return r.graph;
}

async function recordedRun(graph: PipelineGraph, batches: number, conf: Record<string, string> = {}): Promise<{ stdout: string; recording: RunRecording }> {
  let stdout = '';
  const session = new PipelineSession(graph, { conf, onStdout: (t) => { stdout += t; } });
  await session.start();
  try { await session.step(batches); } finally { await session.stop(); }
  return { stdout, recording: session.runRecording()! };
}

function runExportedTs(code: string, name: string): string {
  const dir = mkdtempSync(join(here, '.run-'));
  try {
    const f = join(dir, `${name}.ts`);
    writeFileSync(f, code);
    return execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), f], { cwd: root, encoding: 'utf8', timeout: 60000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Export with this run\'s data', () => {
  const cases = [
    ['hashtags.json', 'twitterStream', 'local[2]'], ['backpressure-demo.json', 'rateStream', 'local[2]'],
    ['exactly-once-kafka.json', 'directKafkaStream', 'local[2]'],
    // executors in worker threads: the recorded partitions come back with the task results
    ['hashtags.json', 'twitterStream', 'local-cluster[2,2,1024]'],
  ] as const;
  for (const [file, source, master] of cases) {
    it(`${file} on ${master}: the exported TypeScript replays the recorded ${source} and prints what the run printed (seeded, 4 batches)`, async () => {
      const graph = { ...example(file), master };
      const { stdout, recording } = await recordedRun(graph, 4);
      const sourceIds = graph.nodes.filter((n) => n.op === source).map((n) => n.id);
      expect(Object.keys(recording.inputs).sort()).toEqual(expect.arrayContaining(sourceIds));
      expect(recording.batches).toBe(4);
      expect(recording.truncated).toBeUndefined();
      const records = sourceIds.flatMap((id) => recording.inputs[id].flat(2));
      expect(records.length).toBeGreaterThan(0);
      const enginePath = relative(here, join(root, 'engine/index')).split('\\').join('/');
      const code = exportGraph(graph, 'ts', { enginePath: `../${enginePath}`, recordedInputs: recording.inputs, recordingNote: recording });
      expect(code).not.toMatch(new RegExp(`ssc\\.${source}\\(`));
      expect(code).toMatch(/the records this run's sources delivered in its first 4 batches/);
      expect(runExportedTs(code, file.replace(/\.json$/, '').replace(/-/g, '_'))).toBe(stdout);
    }, 120000);
  }
});

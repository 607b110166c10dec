import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePipeline } from '../../graph/schema';
import { PipelineSession } from '../../graph/session';
import type { EngineEvent } from '../../core/events';
import type { PipelineGraph } from '../../graph/types';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
function hashtags(): PipelineGraph {
  const r = parsePipeline(readFileSync(join(root, 'public/examples/hashtags.json'), 'utf8'));
  if (!r.ok) throw new Error(r.issues.join('; '));
  return { ...r.graph, master: 'local[2]' };
}

async function run(conf: Record<string, string>, batches = 4) {
  let stdout = '';
  const events: EngineEvent[] = [];
  const session = new PipelineSession(hashtags(), { conf, onStdout: (t) => { stdout += t; }, onEvent: (e) => { events.push(e); } });
  await session.start();
  try { await session.step(batches); } finally { await session.stop(); }
  return { stdout, events, recording: session.runRecording()! };
}

const tasksOf = (events: EngineEvent[]) => events.filter((e) => e.type === 'taskEnd').length;
const jobsOf = (events: EngineEvent[]) => events.filter((e) => e.type === 'jobStart').length;

describe('InputRecorder (what the sources delivered, for "Export with this run\'s data")', () => {
  it('records every batch\'s partitions from the tasks the run runs anyway: same jobs, same tasks, same output as without it', async () => {
    const on = await run({});
    const off = await run({ 'spark.studio.recordInputs': 'false' });
    expect(on.stdout).toBe(off.stdout);
    expect(jobsOf(on.events)).toBe(jobsOf(off.events));
    expect(tasksOf(on.events)).toBe(tasksOf(off.events));
    expect(on.recording.batches).toBe(4);
    expect(on.recording.inputs.tweets.map((b) => b.flat().length)).toEqual(
      on.events.filter((e) => e.type === 'batchCompleted').map((e) => (e.type === 'batchCompleted' ? e.batchInfo.numRecords : -1)));
    expect(off.recording.batches).toBe(0);
    expect(off.recording.inputs).toEqual({});
  });

  it('stops at spark.studio.recordInputs.maxBatches and says so', async () => {
    const { recording } = await run({ 'spark.studio.recordInputs.maxBatches': '2' });
    expect(recording.batches).toBe(2);
    expect(recording.inputs.tweets).toHaveLength(2);
    expect(recording.truncated).toEqual({ limit: 'maxBatches', value: 2 });
  });

  it('stops at spark.studio.recordInputs.maxRecords, keeping only whole batches', async () => {
    const full = await run({});
    const perBatch = full.recording.inputs.tweets.map((b) => b.flat().length);
    const limit = perBatch[0] + perBatch[1] + 1;   // the third batch does not fit
    const { recording } = await run({ 'spark.studio.recordInputs.maxRecords': String(limit) });
    expect(recording.batches).toBe(2);
    expect(recording.inputs.tweets).toEqual(full.recording.inputs.tweets.slice(0, 2));
    expect(recording.truncated).toEqual({ limit: 'maxRecords', value: limit });
  });
});

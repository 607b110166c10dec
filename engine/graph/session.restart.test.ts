/**
 * PipelineSession.restartDriver: a stateful word count graph is run, its driver crashed and restarted from the
 * checkpoint after batch 3 (StreamingContext.getOrCreate with the same graph); the output continues, the
 * running totals carry on from the checkpointed state, and every batch equals an uninterrupted run's.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../core/events';
import { MemoryFileSystem } from '../core/fileSystem';
import { chain } from './testGraphs';
import { PipelineSession, RECEIVER_STORAGE_LEVEL_KEY } from './session';
import type { PipelineGraph } from './types';

const statefulWordCount = (over: Partial<PipelineGraph> = {}): PipelineGraph => chain([
  ['directKafkaStream', { topics: ['words'], options: { partitionsPerTopic: 2, messagesPerSecond: 4 } }],
  ['map', { f: "r => [r.value.split(' ')[1], 1]" }],
  ['updateStateByKey', { update: '(vs, s) => Some(vs.reduce((a, b) => a + b, s.getOrElse(0)))' }],
  ['print', { num: 100 }],
], { name: 'StatefulWordCount', checkpointDir: 'checkpoints/restart-test', ...over });

/** The printed blocks by batch time: "Time: <ms> ms" → the sorted record lines. */
function blocks(stdout: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const m of stdout.matchAll(/-{43}\nTime: (\d+) ms\n-{43}\n([\s\S]*?)\n\n/g)) out.set(Number(m[1]), m[2].split('\n').filter(Boolean).sort());
  return out;
}

async function run(graph: PipelineGraph, steps: number, restartAfter?: number, downtimeMs = 0) {
  let stdout = '';
  const events: EngineEvent[] = [];
  const s = new PipelineSession(graph, { onEvent: (e) => events.push(e), onStdout: (t) => { stdout += t; }, fileSystem: (now) => new MemoryFileSystem(now) });
  await s.start();
  let restart;
  for (let i = 1; i <= steps; i++) {
    await s.step(1);
    if (i === restartAfter) restart = await s.restartDriver(downtimeMs);
  }
  await s.stop();
  return { stdout, events, restart, session: s };
}

const total = (lines: string[]) => lines.reduce((n, l) => n + Number(/,(\d+)\)$/.exec(l)![1]), 0);

describe('PipelineSession.restartDriver', () => {
  it('continues a stateful word count from its checkpoint after batch 3, state intact', async () => {
    const expected = await run(statefulWordCount(), 6);
    const restarted = await run(statefulWordCount(), 6, 3);
    expect(restarted.restart).toMatchObject({ checkpointTime: 3000, timesToReschedule: [3000], restartTime: 4000 });
    expect(restarted.session.driverGeneration).toBe(2);

    const want = blocks(expected.stdout), got = blocks(restarted.stdout);
    expect([...want.keys()]).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
    // Every batch of the restarted run equals the uninterrupted run's (batch 3 is printed twice: re-run by the new driver).
    for (const [t, lines] of want) expect(got.get(t), `batch ${t}`).toEqual(lines);
    expect(restarted.stdout.match(/Time: 3000 ms/g)).toHaveLength(2);
    // The state carried over: the totals keep growing past the restart instead of starting from zero.
    expect(total(got.get(4000)!)).toBeGreaterThan(total(got.get(3000)!));
    expect(total(got.get(6000)!)).toBe(6 * total(got.get(1000)!));

    const types = restarted.events.map((e) => e.type);
    const recoveredAt = types.indexOf('contextRecovered');
    expect(recoveredAt).toBeGreaterThan(types.indexOf('faultInjected'));
    expect(restarted.events.some((e) => e.type === 'clusterStep' && e.index === 1 && e.detail.includes('restarted'))).toBe(true);
    const batchesAfter = restarted.events.slice(recoveredAt).filter((e) => e.type === 'batchCompleted').map((e) => (e as { batchInfo: { batchTime: number } }).batchInfo.batchTime);
    expect(batchesAfter).toEqual([3000, 4000, 5000, 6000]);
  }, 60_000);

  it('re-runs the batches that fell due while the driver was down', async () => {
    const r = await run(statefulWordCount(), 5, 2, 2000);
    expect(r.restart).toMatchObject({ checkpointTime: 2000, timesToReschedule: [2000, 3000, 4000], restartTime: 5000, downtimeMs: 2000 });
    expect([...blocks(r.stdout).keys()].sort((a, b) => a - b)).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000]);
  }, 60_000);

  it('refuses to restart without a checkpoint directory, naming the fix', async () => {
    const g = chain([['directKafkaStream', { topics: ['words'] }], ['count'], ['print']]);
    const s2 = new PipelineSession(g, {});
    await s2.start();
    await s2.step(1);
    await expect(s2.restartDriver()).rejects.toThrow(/no checkpoint directory.*Set "checkpointDir"/);
    await s2.stop();
  }, 30_000);

  it('a fresh start ignores checkpoints an earlier run left in the directory', async () => {
    const fs = new MemoryFileSystem();
    const g = statefulWordCount();
    const first = new PipelineSession(g, { fileSystem: () => fs });
    await first.start(); await first.step(3); await first.stop();
    expect((await fs.list(g.checkpointDir!)).length).toBeGreaterThan(0);
    let out = '';
    const second = new PipelineSession(g, { fileSystem: () => fs, onStdout: (t) => { out += t; } });
    await second.start(); await second.step(1); await second.stop();
    expect([...blocks(out).keys()]).toEqual([1000]);
  }, 30_000);

  it('applies the receiver storage level from the studio conf key, and rejects an unknown one', async () => {
    const g = chain([['twitterStream', {}], ['count'], ['print']], { conf: { [RECEIVER_STORAGE_LEVEL_KEY]: 'MEMORY_AND_DISK_SER' } });
    const events: EngineEvent[] = [];
    const s = new PipelineSession(g, { onEvent: (e) => events.push(e) });
    await s.start(); await s.step(1); await s.stop();
    const levels = new Set(events.filter((e) => e.type === 'blockUpdated').map((e) => (e as { storageLevel: string }).storageLevel));
    expect([...levels]).toEqual(['MEMORY_AND_DISK_SER']);
    const bad = new PipelineSession({ ...g, conf: { [RECEIVER_STORAGE_LEVEL_KEY]: 'MEMORY_TWICE' } }, {});
    await expect(bad.start()).rejects.toThrow(/unknown storage level "MEMORY_TWICE".*MEMORY_AND_DISK_SER_2/);
  }, 30_000);
});

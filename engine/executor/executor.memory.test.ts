/**
 * The heap watchdog of executors without a hard heap limit (browser workers), run in-process with a fake heap
 * reading, and the block budget that stands in for it where the heap cannot be read.
 */
import { describe, expect, it } from 'vitest';
import '../index';
import { shipFunction } from '../core/closure';
import type { TaskDesc } from '../rdd/plan';
import { BlockManager, ExecutorOutOfMemoryError } from './blockManager';
import { Executor } from './executor';

const peers = { fetchShuffleBlock: async () => undefined, fetchBlock: async () => undefined, getBroadcast: () => undefined };

function mapTask(values: unknown[], f: (x: number) => unknown): TaskDesc {
  return { kind: 'result', op: { t: 'collect' }, taskId: 1, jobId: 0, stageId: 0, stageAttemptId: 0, partition: 0, attempt: 0,
    plan: { k: 'narrow', rddId: 1, op: { t: 'map', f: shipFunction(f, 'map') }, parent: { k: 'data', values } } };
}

describe('heap watchdog', () => {
  it('fails the task with ExecutorOutOfMemoryError once the heap reading passes the limit', async () => {
    let heap = 10;
    const ex = new Executor({ id: '3', host: 'h', cores: 1, peers, heapWatchdog: { limitBytes: 1000, used: () => heap } });
    const ok = await ex.runTask(mapTask(Array.from({ length: 5000 }, (_, i) => i), (x) => x + 1));
    expect(ok.status).toBe('success');
    heap = 2000;
    const out = await ex.runTask(mapTask(Array.from({ length: 5000 }, (_, i) => i), (x) => x + 1));
    expect(out.status).toBe('failed');
    if (out.status !== 'failed') return;
    expect(out.errorName).toBe(ExecutorOutOfMemoryError.errorName);
    expect(out.message).toMatch(/^heap in use 0 MiB exceeds the limit of 0 MiB in map$/);
  });

  it('without a heap reading, the block manager budget fails a shuffle write past the limit', async () => {
    const ex = new Executor({ id: '4', host: 'h', cores: 1, peers, heapWatchdog: { limitBytes: 64 * 1024, used: () => undefined } });
    expect(ex.blockManager.hardLimitBytes).toBe(64 * 1024);
    const task: TaskDesc = { kind: 'shuffleMap', shuffleId: 0, mapId: 0, partitioner: { kind: 'hash', numPartitions: 1 }, mapSideCombine: false,
      taskId: 2, jobId: 0, stageId: 0, stageAttemptId: 0, partition: 0, attempt: 0,
      plan: { k: 'data', values: Array.from({ length: 5000 }, (_, i) => [`key-${i}`, i]) } };
    const out = await ex.runTask(task);
    expect(out.status).toBe('failed');
    if (out.status !== 'failed') return;
    expect(out.errorName).toBe('ExecutorOutOfMemoryError');
    expect(out.message).toMatch(/^storing shuffle_0_0_0 \([\d.]+ MiB\) would bring the executor's blocks to [\d.]+ MiB, over its budget of 0\.1 MiB$/);
  });

  it('an executor with no watchdog has no budget', () => {
    expect(new BlockManager('x', 100).hardLimitBytes).toBe(Number.POSITIVE_INFINITY);
  });
});

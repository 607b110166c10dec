import { describe, expect, it } from 'vitest';
import type { EngineEvent, OutputOperationInfo } from '../../../engine/core/events';
import { initialStats, reduceStats } from './streamingStats';

const T = 1000;
const submitted: EngineEvent = { type: 'batchSubmitted', time: T, batchInfo: { batchTime: T, streamIdToInputInfo: {}, submissionTime: T, numRecords: 0, outputOperationInfos: {} } } as EngineEvent;
const op = (id: number, extra: Partial<OutputOperationInfo> = {}): OutputOperationInfo => ({ batchTime: T, id, name: `print at n${id}`, description: `print at n${id}`, ...extra });
const started = (id: number): EngineEvent => ({ type: 'outputOperationStarted', time: T, outputOperationInfo: op(id, { startTime: T + id }) }) as EngineEvent;
const completed = (id: number): EngineEvent => ({ type: 'outputOperationCompleted', time: T, outputOperationInfo: op(id, { startTime: T + id, endTime: T + 10 }) }) as EngineEvent;

const opsAfter = (events: EngineEvent[]) => [submitted, ...events].reduce(reduceStats, initialStats).batches[T].outputOps.map((o) => `${o.id}:${o.status}`);

describe('reduceStats: output operation events', () => {
  it.each<[string, EngineEvent[], string[]]>([
    ['in order', [started(0), completed(0), started(1), completed(1)], ['0:succeeded', '1:succeeded']],
    ['ids out of order stay sorted by id', [started(2), started(0), started(1), completed(0)], ['0:succeeded', '1:running', '2:running']],
    ['a late start never moves a completed op back', [completed(3), started(3)], ['3:succeeded']],
    ['a failure replaces a running op', [started(1), { type: 'outputOperationCompleted', time: T, outputOperationInfo: op(1, { startTime: T, endTime: T + 1, failureReason: 'boom' }) } as EngineEvent], ['1:failed']],
    ['100 ops of one batch, each started then completed', Array.from({ length: 100 }, (_, i) => [started(99 - i), completed(99 - i)]).flat(), Array.from({ length: 100 }, (_, i) => `${i}:succeeded`)],
  ])('%s', (_name, events, expected) => {
    expect(opsAfter(events)).toEqual(expected);
  });
});

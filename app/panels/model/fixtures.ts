/**
 * Hand-written, realistic event streams (what the engine posts for a small hashtag run on
 * local-cluster[2,2,1024] with one receiver). Used by the reducer tests and the panels' demo.
 */
import type { BatchInfo, EngineEvent, RddInfo, TaskMetrics } from '../../../engine/core/events';

/** An RDD info as a stage event carries it (no call site: the fixtures' RDDs name no graph node). */
const rddInfo = (id: number, className: string, op: string, numPartitions: number, parentIds: number[] = []): RddInfo =>
  ({ id, className, op, numPartitions, parentIds, storageLevel: 'NONE' });

export interface FixtureOptions {
  batches?: number;
  batchMs?: number;
  /** Kill executor "1" during this batch, after its map stage finished (its shuffle output is lost). */
  killExecutorInBatch?: number;
  /** A straggler in this batch gets a speculative copy. */
  speculativeInBatch?: number;
  /** Records per 200 ms block; the i-th block of a batch gets recordsPerBlock + i. */
  recordsPerBlock?: number;
}

const metrics = (durationMs: number, recordsIn: number, recordsOut: number, shuffleRead = 0, shuffleWrite = 0): TaskMetrics => ({
  durationMs, recordsIn, recordsOut, shuffleReadBytes: shuffleRead, shuffleWriteBytes: shuffleWrite,
  shuffleReadRecords: shuffleRead ? Math.ceil(shuffleRead / 20) : 0, shuffleWriteRecords: shuffleWrite ? Math.ceil(shuffleWrite / 20) : 0,
});

const TAGS = ['#spark', '#streaming', '#bigdata', '#scala', '#ai', '#data'];

export function hashtagRun(opts: FixtureOptions = {}): EngineEvent[] {
  const n = opts.batches ?? 5;
  const d = opts.batchMs ?? 1000;
  const perBlock = opts.recordsPerBlock ?? 4;
  const ev: EngineEvent[] = [];
  const push = (e: EngineEvent) => ev.push(e);
  push({ type: 'applicationStart', time: 0, appName: 'TwitterHashtags', appId: 'app-0000', master: 'local-cluster[2,2,1024]', sparkUser: 'studio' });
  push({ type: 'clusterStep', time: 0, step: 'driverStarted', index: 1, detail: 'StreamingContext created' });
  push({ type: 'clusterStep', time: 0, step: 'resourcesRequested', index: 2, detail: '2 executors × 2 cores' });
  const execs = ['0', '1'];
  for (const id of execs) {
    push({ type: 'clusterStep', time: 0, step: 'executorLaunched', index: 3, detail: `executor ${id}`, executorId: id });
    push({ type: 'executorAdded', time: 0, executorId: id, host: `worker-${id}`, cores: 2, memoryMiB: 1024 });
    push({ type: 'clusterStep', time: 0, step: 'executorRegistered', index: 4, detail: `executor ${id}`, executorId: id });
  }
  push({ type: 'streamingStarted', time: 0, batchDurationMs: d, zeroTime: 0, blockIntervalMs: 200 });
  const receiverInfo = { streamId: 0, name: 'TwitterReceiver-0', active: true, location: 'worker-0', executorId: '0', slot: 1 };
  push({ type: 'jobStart', time: 0, jobId: 0, stageIds: [0], description: 'Streaming job running receiver 0' });
  push({ type: 'stageSubmitted', time: 0, stageId: 0, attemptId: 0, name: 'Receiver 0', numTasks: 1, rddIds: [0], rddChain: ['ParallelCollectionRDD[0]'], parentStageIds: [], isShuffleMap: false, jobId: 0, rddInfos: [rddInfo(0, 'ParallelCollectionRDD', 'makeRDD', 1)] });
  push({ type: 'taskStart', time: 0, taskId: 0, stageId: 0, stageAttemptId: 0, partition: 0, attempt: 0, executorId: '0', slot: 1, speculative: false });
  push({ type: 'receiverStarted', time: 0, receiverInfo });
  push({ type: 'clusterStep', time: 0, step: 'dagSubmitted', index: 5, detail: 'DAG of the first batch submitted' });

  let jobId = 1, stageId = 1, taskId = 1, rddId = 1, blockNo = 0;
  const live = new Set(execs);
  for (let b = 1; b <= n; b++) {
    const T = b * d;
    // Blocks every 200 ms from the receiver on executor 0, replicated to executor 1.
    let records = 0;
    for (let k = 1; k <= d / 200; k++) {
      const r = perBlock + k - 1;
      records += r;
      push({ type: 'blockReceived', time: T - d + k * 200, streamId: 0, blockId: `input-0-${blockNo++}`, records: r, executorId: '0', replicatedTo: live.has('1') ? '1' : undefined, wal: false });
    }
    const info = (extra: Partial<BatchInfo>): BatchInfo => ({
      batchTime: T, streamIdToInputInfo: { 0: { inputStreamId: 0, numRecords: records } }, submissionTime: T, numRecords: records,
      outputOperationInfos: {}, ...extra,
    });
    push({ type: 'batchSubmitted', time: T, batchInfo: info({}) });
    const start = T + 10;
    push({ type: 'batchStarted', time: start, batchInfo: info({ processingStartTime: start, schedulingDelay: 10 }) });
    const op = { batchTime: T, id: 0, name: 'print at n5', description: 'print at n5' };
    push({ type: 'outputOperationStarted', time: start, outputOperationInfo: { ...op, startTime: start } });
    const job = jobId++;
    const mapStage = stageId++, resultStage = stageId++;
    const blockRdd = rddId++, flat = rddId++, pairs = rddId++, shuffled = rddId++;
    push({ type: 'jobStart', time: start, jobId: job, stageIds: [mapStage, resultStage], description: `print at n5 (batch ${T})`, batchTime: T, outputOpId: 0 });
    const chainA = [`BlockRDD[${blockRdd}]`, `MapPartitionsRDD[${flat}] flatMap`, `MapPartitionsRDD[${pairs}] map`];
    const infosA = [rddInfo(blockRdd, 'BlockRDD', 'socketTextStream', 5), rddInfo(flat, 'MapPartitionsRDD', 'flatMap', 5, [blockRdd]), rddInfo(pairs, 'MapPartitionsRDD', 'map', 5, [flat])];
    push({ type: 'stageSubmitted', time: start, stageId: mapStage, attemptId: 0, name: `map at countByValue`, numTasks: 5, rddIds: [blockRdd, flat, pairs], rddChain: chainA, parentStageIds: [], isShuffleMap: true, jobId: job, rddInfos: infosA });
    const free = [['0', 0], ['1', 0], ['1', 1]] as const;
    let t = start;
    const mapTasks: { id: number; p: number; e: string; s: number }[] = [];
    for (let p = 0; p < 5; p++) {
      const [e, s] = free[p % free.length];
      const id = taskId++;
      mapTasks.push({ id, p, e, s });
      push({ type: 'taskStart', time: t, taskId: id, stageId: mapStage, stageAttemptId: 0, partition: p, attempt: 0, executorId: e, slot: s, speculative: false });
      const slow = opts.speculativeInBatch === b && p === 4;
      if (slow) {
        const copy = taskId++;
        push({ type: 'taskStart', time: t + 40, taskId: copy, stageId: mapStage, stageAttemptId: 0, partition: p, attempt: 1, executorId: '0', slot: 0, speculative: true });
        push({ type: 'taskEnd', time: t + 60, taskId: copy, stageId: mapStage, stageAttemptId: 0, partition: p, attempt: 1, executorId: '0', slot: 0, speculative: true, reason: 'Success', metrics: metrics(20, 5, 5, 0, 120) });
        push({ type: 'taskEnd', time: t + 61, taskId: id, stageId: mapStage, stageAttemptId: 0, partition: p, attempt: 0, executorId: e, slot: s, speculative: false, reason: 'TaskKilled', failureReason: 'another attempt succeeded', metrics: metrics(61, 2, 0) });
      } else {
        push({ type: 'taskEnd', time: t + 20, taskId: id, stageId: mapStage, stageAttemptId: 0, partition: p, attempt: 0, executorId: e, slot: s, speculative: false, reason: 'Success', metrics: metrics(20, perBlock + p, perBlock + p, 0, 100 + p) });
      }
      if (p % free.length === free.length - 1) t += 20;
    }
    t += slowPad(opts, b);
    push({ type: 'stageCompleted', time: t + 20, stageId: mapStage, attemptId: 0 });
    t += 20;
    const chainB = [`ShuffledRDD[${shuffled}] reduceByKey`];
    const infosB = [rddInfo(shuffled, 'ShuffledRDD', 'reduceByKey', 2, [pairs])];
    push({ type: 'stageSubmitted', time: t, stageId: resultStage, attemptId: 0, name: 'print at n5', numTasks: 2, rddIds: [shuffled], rddChain: chainB, parentStageIds: [mapStage], isShuffleMap: false, jobId: job, rddInfos: infosB });
    if (opts.killExecutorInBatch === b) {
      push({ type: 'faultInjected', time: t, fault: 'killExecutor', target: '1', detail: 'executor 1 killed from the studio' });
      push({ type: 'executorRemoved', time: t, executorId: '1', reason: 'Executor killed by the studio' });
      live.delete('1');
      const id = taskId++;
      push({ type: 'taskStart', time: t, taskId: id, stageId: resultStage, stageAttemptId: 0, partition: 0, attempt: 0, executorId: '0', slot: 0, speculative: false });
      push({ type: 'taskEnd', time: t + 5, taskId: id, stageId: resultStage, stageAttemptId: 0, partition: 0, attempt: 0, executorId: '0', slot: 0, speculative: false, reason: 'FetchFailed', failureReason: 'FetchFailed(BlockManagerId(1, worker-1), shuffleId=0)', metrics: metrics(5, 0, 0) });
      push({ type: 'stageCompleted', time: t + 5, stageId: resultStage, attemptId: 0, failureReason: 'FetchFailed' });
      // Resubmit the lost map partitions (1, 2, 4 ran on executor 1) on the remaining executor.
      const lost = mapTasks.filter((m) => m.e === '1').map((m) => m.p);
      push({ type: 'stageSubmitted', time: t + 6, stageId: mapStage, attemptId: 1, name: 'map at countByValue', numTasks: lost.length, rddIds: [blockRdd, flat, pairs], rddChain: chainA, parentStageIds: [], isShuffleMap: true, jobId: job, rddInfos: infosA });
      let u = t + 6;
      for (const p of lost) {
        const id2 = taskId++;
        push({ type: 'taskStart', time: u, taskId: id2, stageId: mapStage, stageAttemptId: 1, partition: p, attempt: 0, executorId: '0', slot: 0, speculative: false });
        push({ type: 'taskEnd', time: u + 15, taskId: id2, stageId: mapStage, stageAttemptId: 1, partition: p, attempt: 0, executorId: '0', slot: 0, speculative: false, reason: 'Success', metrics: metrics(15, perBlock + p, perBlock + p, 0, 100 + p) });
        u += 15;
      }
      push({ type: 'stageCompleted', time: u, stageId: mapStage, attemptId: 1 });
      push({ type: 'executorAdded', time: u, executorId: '2', host: 'worker-1', cores: 2, memoryMiB: 1024 });
      push({ type: 'stageSubmitted', time: u, stageId: resultStage, attemptId: 1, name: 'print at n5', numTasks: 2, rddIds: [shuffled], rddChain: chainB, parentStageIds: [mapStage], isShuffleMap: false, jobId: job, rddInfos: infosB });
      t = u;
      for (let p = 0; p < 2; p++, t += 10) {
        const id3 = taskId++;
        push({ type: 'taskStart', time: t, taskId: id3, stageId: resultStage, stageAttemptId: 1, partition: p, attempt: 0, executorId: '0', slot: 0, speculative: false });
        push({ type: 'taskEnd', time: t + 10, taskId: id3, stageId: resultStage, stageAttemptId: 1, partition: p, attempt: 0, executorId: '0', slot: 0, speculative: false, reason: 'Success', metrics: metrics(10, 3, 3, 60, 0) });
      }
      push({ type: 'stageCompleted', time: t, stageId: resultStage, attemptId: 1 });
      t -= 10;
      live.add('2');
    } else {
      for (let p = 0; p < 2; p++) {
        const e = [...live][p % live.size];
        const id = taskId++;
        push({ type: 'taskStart', time: t, taskId: id, stageId: resultStage, stageAttemptId: 0, partition: p, attempt: 0, executorId: e, slot: 0, speculative: false });
        push({ type: 'taskEnd', time: t + 10, taskId: id, stageId: resultStage, stageAttemptId: 0, partition: p, attempt: 0, executorId: e, slot: 0, speculative: false, reason: 'Success', metrics: metrics(10, 3, 3, 60, 0) });
      }
      push({ type: 'stageCompleted', time: t + 10, stageId: resultStage, attemptId: 0 });
    }
    const end = t + 10;
    push({ type: 'jobEnd', time: end, jobId: job, result: 'JobSucceeded' });
    push({ type: 'outputOperationCompleted', time: end, outputOperationInfo: { ...op, startTime: start, endTime: end } });
    // Samples: the input, the flatMap, and the running counts.
    const input = Array.from({ length: Math.min(records, 10) }, (_, i) => `I love ${TAGS[(b + i) % TAGS.length]} and ${TAGS[i % 3]}`);
    push({ type: 'recordsSample', time: end, batchTime: T, dstreamId: 0, nodeId: 'n1', count: records, records: input });
    const counts = TAGS.slice(0, 2 + (b % 3)).map((tag, i) => `(${tag},${b + i * (b % 2)})`);
    push({ type: 'recordsSample', time: end, batchTime: T, dstreamId: 3, nodeId: 'n4', count: counts.length, records: counts });
    push({ type: 'stdout', time: end, text: `-------------------------------------------\nTime: ${T} ms\n-------------------------------------------\n` });
    push({ type: 'rateUpdated', time: end, streamId: 0, rate: 100 + b * 7 });
    push({ type: 'batchCompleted', time: end, batchInfo: info({
      processingStartTime: start, processingEndTime: end, schedulingDelay: 10, processingDelay: end - start, totalDelay: end - T,
      outputOperationInfos: { 0: { ...op, startTime: start, endTime: end } },
    }) });
  }
  return ev;
}

function slowPad(opts: FixtureOptions, b: number): number { return opts.speculativeInBatch === b ? 45 : 0; }

/** Records per batch the fixture produces (block i of a batch has perBlock + i records). */
export function fixtureRecordsPerBatch(opts: FixtureOptions = {}): number {
  const d = opts.batchMs ?? 1000;
  const perBlock = opts.recordsPerBlock ?? 4;
  let r = 0;
  for (let k = 1; k <= d / 200; k++) r += perBlock + k - 1;
  return r;
}

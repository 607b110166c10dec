/**
 * Row 7: recovery after killExecutor mid-batch. NetworkWordCount on rateStream (system clock,
 * local-cluster[2,1,1024]: the receiver holds executor 0's slot, executor 1 processes); when a batch starts
 * after the warm-up, executor 1 is killed. Its tasks are recomputed from lineage once a replacement executor
 * registers. Reported: the number of late batches (total delay ≥ interval) from the killed batch on; target ≤ 2.
 * Skipped (met: null) when the local-cluster backend is not available.
 */
import { Milliseconds, SparkConf, SparkContext, StreamingContext, type BatchInfo } from '../engine/index';
import type { BenchOptions, BenchRow } from './run';
import { stopSafely } from './harness';

const sleep = (ms: number) => new Promise<void>((r) => { setTimeout(r, ms); });

export async function rows({ quick }: BenchOptions): Promise<BenchRow[]> {
  const master = 'local-cluster[2,1,1024]';
  try {
    const probe = new SparkContext(new SparkConf().setMaster('local-cluster[1,1,64]').setAppName('probe'));
    await probe.whenReady();
    await probe.stop();
  } catch (e) {
    return [{ id: '7.recovery-late-batches', name: 'late batches after killExecutor mid-batch', value: Number.NaN, unit: 'batches', target: '≤ 2', met: null,
      note: `skipped: local-cluster is not available (${e instanceof Error ? e.message : e})` }];
  }
  const intervalMs = quick ? 300 : 500;
  const before = quick ? 6 : 8, after = quick ? 8 : 14;
  const rate = 5_000;
  const conf = new SparkConf().setMaster(master).setAppName('bench-recovery')
    .set('spark.streaming.blockInterval', `${intervalMs / 5}ms`).set('spark.studio.recordsSample', 'false');
  const ssc = new StreamingContext(conf, Milliseconds(intervalMs));
  ssc.stdout = () => undefined;
  ssc.stderr = () => undefined;
  const infos: BatchInfo[] = [];
  let killedBatch = -1;
  let killing = false;
  let killError: string | undefined;
  let removedAt = NaN, addedAt = NaN;
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => { resolveDone = r; });
  ssc.addStreamingListener((e) => {
    if (e.type === 'batchStarted' && infos.length === before && killedBatch < 0) killedBatch = e.batchInfo.batchTime;
    else if (e.type === 'taskStart' && killedBatch >= 0 && !killing && e.executorId === '1') {
      // Mid-batch: as soon as executor 1 has a task of the batch.
      killing = true;
      ssc.faults.killExecutor('1').catch((err: unknown) => { killError = String(err); });
    } else if (e.type === 'executorRemoved') removedAt = e.time;
    else if (e.type === 'executorAdded' && Number.isFinite(removedAt)) addedAt = e.time;
    else if (e.type === 'batchCompleted') {
      infos.push(e.batchInfo);
      if (infos.length >= before + after) resolveDone();
    }
  });
  ssc.rateStream(rate, { words: true })
    .flatMap((l) => String(l).split(' '))
    .map((w: string) => [w, 1] as [string, number])
    .reduceByKey((a: number, b: number) => a + b)
    .foreachRDD(async (rdd) => { await rdd.count(); });
  await ssc.start();
  await Promise.race([done, sleep((before + after) * intervalMs * 3 + 10_000)]);
  await stopSafely(ssc);

  const fromKill = infos.filter((b) => b.batchTime >= killedBatch);
  const late = fromKill.filter((b) => (b.totalDelay ?? Infinity) >= intervalMs);
  const lateBefore = infos.filter((b) => b.batchTime < killedBatch && (b.totalDelay ?? Infinity) >= intervalMs).length;
  let lastLate = -1;
  fromKill.forEach((b, i) => { if ((b.totalDelay ?? Infinity) >= intervalMs) lastLate = i; });
  const complete = killing && fromKill.length >= after && !killError;
  return [{
    id: '7.recovery-late-batches', name: `late batches after killExecutor mid-batch (${intervalMs} ms batches, ${master})`,
    value: complete ? late.length : Number.NaN, unit: 'batches', target: '≤ 2', met: complete ? late.length <= 2 : false,
    note: complete
      ? `killed executor 1 during batch ${killedBatch}; total delays from then: ${fromKill.slice(0, 8).map((b) => Math.round(b.totalDelay ?? NaN)).join(', ')} ms; ` +
        `${lastLate < 0 ? 'no batch was late' : `every batch on time from ${lastLate + 1} batch(es) after the killed one`}; replacement executor registered ${Number.isFinite(addedAt - removedAt) ? `${Math.round(addedAt - removedAt)} ms` : 'never'} after the loss; ` +
        `late batches before the kill: ${lateBefore}; ${rate.toLocaleString('en-US')} lines/s`
      : `did not complete: ${killError ?? `${fromKill.length} batches after the kill (wanted ${after})`}`,
  }];
}

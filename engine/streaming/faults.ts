import type { DStreamContext } from './dstream/DStreamContext';

/** What fault injection reaches in its StreamingContext: the cluster, the receivers, the event bus and stop(). */
export type FaultInjectorContext = Pick<DStreamContext, 'sparkContext' | 'clock' | 'post' | 'receiverTracker'> & {
  stop(stopSparkContext?: boolean, stopGracefully?: boolean): Promise<void>;
};
import { errors } from '../core/errors';

interface TaskFault { stageId?: number; partition?: number; failure?: string; delayMs?: number }

/**
 * ssc.faults: the one door through which the studio, the lessons and the tests break things. Every fault is
 * also a `faultInjected` event, so a replay shows it.
 */
export class FaultInjector {
  private pending: TaskFault[] = [];

  constructor(private readonly ssc: FaultInjectorContext) {
    ssc.sparkContext.taskFaults = (stageId, partition) => this.takeTaskFault(stageId, partition);
  }

  private note(fault: 'killExecutor' | 'crashReceiver' | 'failNextTask' | 'slowTask' | 'loseBlock' | 'crashDriver', target: string, detail: string, delayMs?: number): void {
    this.ssc.post({ type: 'faultInjected', time: this.ssc.clock.getTimeMillis(), fault, target, detail, ...(delayMs !== undefined ? { delayMs } : {}) });
  }

  /** Terminates an executor (its worker in local-cluster mode); lineage recomputes what it held. */
  async killExecutor(executorId: string): Promise<boolean> {
    const sc = this.ssc.sparkContext;
    if (sc.masterSpec.kind === 'local') {
      throw errors.killExecutorLocal(executorId);
    }
    if (!sc.getExecutorIds().includes(executorId)) throw errors.killExecutorUnknown(executorId, sc.getExecutorIds());
    return sc.crashExecutor(executorId);   // a crash: the cluster manager replaces it (sc.killExecutor does not)
  }

  /** Makes a receiver fail; the tracker restarts it after spark.streaming.receiverRestartDelay. */
  crashReceiver(streamId: number): void {
    const sup = this.ssc.receiverTracker.supervisors.get(streamId);
    if (!sup) throw errors.crashReceiverUnknown(streamId);
    this.note('crashReceiver', String(streamId), `receiver ${streamId} crashed on executor ${sup.executorId}`);
    sup.restart('Receiver crashed (fault injected)', errors.injectedReceiverCrash());
  }

  /** The next task (of the given stage/partition, if set) throws. */
  failNextTask(stageId?: number, partition?: number): void {
    this.pending.push({ stageId, partition, failure: 'Injected task failure (ssc.faults.failNextTask)' });
    this.note('failNextTask', `${stageId ?? '*'}/${partition ?? '*'}`, 'the next matching task will fail');
  }

  /** The next task (of the given stage/partition, if set) takes `ms` longer: a straggler. */
  slowTask(ms: number, stageId?: number, partition?: number): void {
    if (!(ms > 0)) throw errors.slowTaskMs(ms);
    this.pending.push({ stageId, partition, delayMs: ms });
    this.note('slowTask', `${stageId ?? '*'}/${partition ?? '*'}`, `the next matching task will take ${ms} ms longer`, ms);
  }

  /** Removes a block from every executor (as if its memory was lost). */
  async loseBlock(blockId: string): Promise<void> {
    const sc = this.ssc.sparkContext;
    this.note('loseBlock', blockId, `block ${blockId} removed from every executor`);
    for (const e of sc.taskScheduler.liveExecutors()) await e.removeBlocks(blockId);
    sc.dagScheduler.removeBlockLocations((id) => id === blockId);
  }

  /** Stops the driver abruptly (no graceful shutdown); recover with StreamingContext.getOrCreate(checkpointDir, ...). */
  async crashDriver(): Promise<void> {
    this.note('crashDriver', 'driver', 'the driver stopped abruptly');
    await this.ssc.stop(true, false);
  }

  private takeTaskFault(stageId: number, partition: number): { injectFailure?: string; delayMs?: number } | undefined {
    const i = this.pending.findIndex((f) => (f.stageId === undefined || f.stageId === stageId) && (f.partition === undefined || f.partition === partition));
    if (i < 0) return undefined;
    const [f] = this.pending.splice(i, 1);
    return { injectFailure: f.failure, delayMs: f.delayMs };
  }
}

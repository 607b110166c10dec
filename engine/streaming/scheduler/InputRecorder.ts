import type { RecordedPartitionValues } from '../../rdd/kinds/RecordedPartition';
import type { RDD } from '../../rdd/RDD';
import type { SparkContext } from '../../rdd/SparkContext';

/** How much of a run the recorder keeps (the studio's conf spark.studio.recordInputs.maxBatches / .maxRecords). */
export interface RecordingLimits { maxBatches: number; maxRecords: number }
export const DEFAULT_RECORDING_LIMITS: RecordingLimits = { maxBatches: 100, maxRecords: 20_000 };

/** What the run's input streams delivered, for "Export with this run's data". */
export interface InputRecording {
  /** DStream id of each input stream → its RDDs in the order the stream computed them → partitions → records. */
  streams: Map<number, unknown[][][]>;
  /** Completed batches the recording covers. */
  batches: number;
  /** Set when a limit cut the recording: which one, and how many batches were kept. */
  truncated?: { limit: 'maxBatches' | 'maxRecords'; value: number };
  /**
   * Partitions no task of the run computed (print() reads only as many partitions as it needs), recorded as empty:
   * the run's output did not depend on them, so the replay prints the same.
   */
  unreadPartitions: number;
}

interface Generated { streamId: number; time: number; rddId: number; parts: (unknown[] | undefined)[] }

/**
 * Keeps what each input DStream's RDDs held, partition by partition, without running a job of its own: while it
 * wants an RDD, the driver wraps that RDD's partition plans (RecordedPartition) and the tasks that compute them
 * anyway send the records back with their results. Bounded by batches and records; once a limit is reached it wants
 * nothing more, so the rest of the run costs what a run without it costs.
 */
export class InputRecorder {
  private readonly generated: Generated[] = [];
  private readonly byRdd = new Map<number, Generated[]>();
  private readonly wanted = new Set<number>();
  private readonly times = new Set<number>();
  private records = 0;
  private lastCompleted = -Infinity;
  /** Batches at or after this time are left out (a limit was reached while they were recorded). */
  private cutoff: { time: number; limit: 'maxBatches' | 'maxRecords' } | undefined;

  constructor(sc: SparkContext, private readonly limits: RecordingLimits | undefined) {
    if (!limits) return;
    sc.recordedRdds = () => (this.wanted.size ? this.wanted : undefined);
    sc.onRecordedPartition = (r) => this.partitionComputed(r);
  }

  /** An input stream generated `rdd` for the batch at `time` (called in the order streams compute). */
  inputGenerated(streamId: number, time: number, rdd: RDD<unknown>): void {
    if (!this.limits || this.cutoff) return;
    if (!this.times.has(time) && this.times.size >= this.limits.maxBatches) { this.stop(time, 'maxBatches'); return; }
    this.times.add(time);
    const n = rdd.getNumPartitions();
    const g: Generated = { streamId, time, rddId: rdd.id, parts: new Array<unknown[] | undefined>(n).fill(undefined) };
    this.generated.push(g);
    const same = this.byRdd.get(rdd.id);
    if (same) same.push(g); else this.byRdd.set(rdd.id, [g]);
    if (n > 0) this.wanted.add(rdd.id);
  }

  batchCompleted(time: number): void { this.lastCompleted = Math.max(this.lastCompleted, time); }

  private partitionComputed({ rddId, partition, values }: RecordedPartitionValues): void {
    const gs = this.byRdd.get(rddId);
    if (!gs || this.cutoff || gs[0].parts[partition] !== undefined) return;   // a recomputed partition holds the same
    if (this.records + values.length > this.limits!.maxRecords) {
      const open = this.generated.filter((g) => g.parts.some((p) => p === undefined)).map((g) => g.time);
      this.stop(Math.min(...open), 'maxRecords');
      return;
    }
    this.records += values.length;
    for (const g of gs) g.parts[partition] = values;
    if (gs[0].parts.every((p) => p !== undefined)) this.wanted.delete(rddId);
  }

  private stop(time: number, limit: 'maxBatches' | 'maxRecords'): void {
    this.cutoff = { time, limit };
    this.wanted.clear();
  }

  /** The recording of the batches completed so far (and before a cutoff). */
  snapshot(): InputRecording {
    const streams = new Map<number, unknown[][][]>();
    const times = new Set<number>();
    let unreadPartitions = 0;
    for (const g of this.generated) {
      if (g.time > this.lastCompleted || (this.cutoff && g.time >= this.cutoff.time)) continue;
      times.add(g.time);
      let list = streams.get(g.streamId);
      if (!list) streams.set(g.streamId, (list = []));
      list.push(g.parts.map((p) => { if (p === undefined) unreadPartitions++; return p ?? []; }));
    }
    const truncated = this.cutoff && this.cutoff.time <= this.lastCompleted ? { limit: this.cutoff.limit, value: this.limits![this.cutoff.limit] } : undefined;
    return { streams, batches: times.size, ...(truncated ? { truncated } : {}), unreadPartitions };
  }
}

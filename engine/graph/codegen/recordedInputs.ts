/**
 * "Export with this run's data": the inputs a run actually received, per source node, per batch, per partition,
 * printed as a queueStream of recorded batches. A simulated source (twitter, rate, Kafka) then reproduces the
 * studio's run exactly on Spark: the same records in the same partitions at the same batch.
 *
 * Each batch is `sc.parallelize(<one element per partition>, <partitions>).flatMap(p => p)`: parallelize puts one
 * element in each slice when there are as many elements as slices, so the flattened RDD keeps the partitions.
 */
import { recordLiteral } from '../emit';

/** One source's recorded batches: batch → partition → records. */
export type RecordedBatches = unknown[][][];
/** Recorded inputs by source node id. */
export type RecordedInputs = Record<string, RecordedBatches>;

/** The Scala type of a record literal as recordLiteral prints it ([k, v] → a tuple), or undefined when unknown. */
export function scalaRecordType(v: unknown): string | undefined {
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= 2147483647 ? 'Int' : Number.isInteger(v) ? 'Long' : 'Double';
  if (Array.isArray(v) && v.length === 2) {
    const a = scalaRecordType(v[0]);
    const b = scalaRecordType(v[1]);
    return a && b ? `(${a}, ${b})` : undefined;
  }
  return undefined;
}

/** One type for all records (Long when Int and Long mix, Double when numbers mix), else undefined. */
export function commonScalaType(batches: RecordedBatches): string | undefined {
  const types = new Set<string>();
  for (const b of batches) for (const p of b) for (const r of p) {
    const t = scalaRecordType(r);
    if (!t) return undefined;
    types.add(t);
  }
  if (types.size === 0) return 'String';
  if (types.size === 1) return [...types][0];
  const all = [...types];
  if (all.every((t) => t === 'Int' || t === 'Long')) return 'Long';
  if (all.every((t) => t === 'Int' || t === 'Long' || t === 'Double')) return 'Double';
  return undefined;
}

/** The Scala expression of a recorded source; undefined when its records have no single Scala type. */
export function recordedQueueScala(batches: RecordedBatches, ssc: string): string | undefined {
  const t = commonScalaType(batches);
  if (!t) return undefined;
  const sc = `${ssc}.sparkContext`;
  const rdds = batches.map((parts) => (parts.length === 0
    ? `${sc}.emptyRDD[${t}]`
    : `${sc}.parallelize(Seq[Seq[${t}]](${parts.map((p) => `Seq(${p.map((r) => recordLiteral(r, 'scala')).join(', ')})`).join(', ')}), ${parts.length}).flatMap(p => p)`));
  return `${ssc}.queueStream(mutable.Queue[RDD[${t}]](${rdds.join(',\n  ')}), true)`;
}

/** The Python expression of a recorded source. */
export function recordedQueuePython(batches: RecordedBatches, ssc: string): string {
  const sc = `${ssc}.sparkContext`;
  const rdds = batches.map((parts) => (parts.length === 0
    ? `${sc}.emptyRDD()`
    : `${sc}.parallelize([${parts.map((p) => `[${p.map((r) => recordLiteral(r, 'python')).join(', ')}]`).join(', ')}], ${parts.length}).flatMap(lambda p: p)`));
  return `${ssc}.queueStream([\n  ${rdds.join(',\n  ')}], oneAtATime=True)`;
}

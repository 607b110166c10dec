/**
 * "Export with this run's data": the inputs a run actually received, per source node, per batch, per partition,
 * printed as a queueStream of recorded batches. A simulated source (twitter, rate, Kafka) then reproduces the
 * studio's run exactly on Spark: the same records in the same partitions at the same batch.
 *
 * Each batch is `sc.parallelize(<one element per partition>, <partitions>).flatMap(p => p)`: parallelize puts one
 * element in each slice when there are as many elements as slices, so the flattened RDD keeps the partitions.
 */
import { literal, recordLiteral } from '../emit';

/** A tweet the studio's simulated Twitter source made: { id, user, text, hashtags, createdAt, lang }. */
function isTweet(v: unknown): v is { id: number; user: string; text: string; hashtags: string[]; createdAt: number; lang: string } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const t = v as Record<string, unknown>;
  return typeof t.id === 'number' && typeof t.user === 'string' && typeof t.text === 'string' && Array.isArray(t.hashtags)
    && typeof t.createdAt === 'number' && typeof t.lang === 'string';
}

/**
 * Recorded tweets replay as RecordedStatus, a stand-in with the twitter4j Status accessors the exporter prints
 * for tweet fields (records.ts: getText, getUser.getScreenName, getHashtagEntities, ...).
 */
export const RECORDED_STATUS_CLASS = [
  '/** A tweet recorded in DStream Studio, with the twitter4j.Status accessors the program uses. */',
  'case class RecordedStatus(id: Long, user: String, text: String, hashtags: Seq[String], createdAt: Long, lang: String) {',
  '  def getId: Long = id',
  '  def getUser: RecordedUser = RecordedUser(user.stripPrefix("@"))',
  '  def getText: String = text',
  '  def getHashtagEntities: Array[RecordedHashtag] = hashtags.map(h => RecordedHashtag(h.stripPrefix("#"))).toArray',
  '  def getCreatedAt: java.util.Date = new java.util.Date(createdAt)',
  '  def getLang: String = lang',
  '}',
  'case class RecordedUser(getScreenName: String)',
  'case class RecordedHashtag(getText: String)',
].join('\n');

function tweetLiteral(t: { id: number; user: string; text: string; hashtags: string[]; createdAt: number; lang: string }): string {
  const s = (x: unknown) => literal(x, 'scala');
  return `RecordedStatus(${t.id}L, ${s(t.user)}, ${s(t.text)}, ${s(t.hashtags)}, ${t.createdAt}L, ${s(t.lang)})`;
}

/** One source's recorded batches: batch → partition → records. */
export type RecordedBatches = unknown[][][];
/** Recorded inputs by source node id. */
export type RecordedInputs = Record<string, RecordedBatches>;

/** How a recording was bounded, for the note the exports carry. */
export interface RecordingNote {
  /** Batches recorded. */
  batches: number;
  /** The limit that cut the recording (the run went on past what was kept). */
  truncated?: { limit: 'maxBatches' | 'maxRecords'; value: number };
  /** Partitions no task read, replayed as empty (the run's output did not depend on them). */
  unreadPartitions: number;
}

/** A run's recorded inputs and how they were bounded (PipelineSession.runRecording). */
export interface RunRecording extends RecordingNote { inputs: RecordedInputs }

/** The note an export "with this run's data" carries, as comment lines (no comment marker). */
export function recordingNoteLines(note: RecordingNote): string[] {
  const lines = [`Inputs: the records this run's sources delivered in its first ${note.batches} batch${note.batches === 1 ? '' : 'es'}, by batch and partition`,
    '(queueStream of recorded batches); after them the queues are empty.'];
  if (note.truncated) {
    lines.push(`TRUNCATED: the run went on, but the recording stops at ${note.truncated.limit === 'maxBatches' ? `${note.truncated.value} batches` : `${note.truncated.value} records`}`
      + ` (spark.studio.recordInputs.${note.truncated.limit}); later batches are not in this program.`);
  }
  if (note.unreadPartitions > 0) {
    lines.push(`${note.unreadPartitions} partition${note.unreadPartitions === 1 ? ' was' : 's were'} never read by the run (print() reads only the partitions it needs) and replay${note.unreadPartitions === 1 ? 's' : ''} as empty;`,
      'the output is the same, the data there is not the source\'s.');
  }
  return lines;
}

/** The Scala type of a record literal as recordLiteral prints it ([k, v] → a tuple), or undefined when unknown. */
export function scalaRecordType(v: unknown): string | undefined {
  if (isTweet(v)) return 'RecordedStatus';
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
    : `${sc}.parallelize(Seq[Seq[${t}]](${parts.map((p) => `Seq(${p.map((r) => (isTweet(r) ? tweetLiteral(r) : recordLiteral(r, 'scala'))).join(', ')})`).join(', ')}), ${parts.length}).flatMap(p => p)`));
  return `${ssc}.queueStream(mutable.Queue[RDD[${t}]](${rdds.join(',\n  ')}), true)`;
}

/** The TypeScript expression of a recorded source (runs on this engine: `npm run pipeline`). */
export function recordedQueueTs(batches: RecordedBatches, ssc: string): string {
  const sc = `${ssc}.sparkContext`;
  const rdds = batches.map((parts) => (parts.length === 0
    ? `${sc}.emptyRDD()`
    : `${sc}.parallelize([${parts.map((p) => `[${p.map((r) => literal(r, 'ts')).join(', ')}]`).join(', ')}], ${parts.length}).flatMap((p) => p)`));
  return `${ssc}.queueStream([\n  ${rdds.join(',\n  ')}], true)`;
}

/** The Python expression of a recorded source. */
export function recordedQueuePython(batches: RecordedBatches, ssc: string): string {
  const sc = `${ssc}.sparkContext`;
  const rdds = batches.map((parts) => (parts.length === 0
    ? `${sc}.emptyRDD()`
    : `${sc}.parallelize([${parts.map((p) => `[${p.map((r) => recordLiteral(r, 'python')).join(', ')}]`).join(', ')}], ${parts.length}).flatMap(lambda p: p)`));
  return `${ssc}.queueStream([\n  ${rdds.join(',\n  ')}], oneAtATime=True)`;
}

import type { FileStatus } from '../../core/fileSystem';
import type { Time } from '../../core/time';
import type { RDD } from '../../rdd/RDD';
import type { DStreamContext } from '../dstream/DStreamContext';
import { InputDStream } from './InputDStream';
import { errors } from '../../core/errors';

/**
 * Spark's FileInputDStream (textFileStream): each batch reads the files that appeared in the directory since the
 * last batch — modification time within the remember window, not after the batch time, not already selected,
 * names not starting with "." or "_" (Spark's default filter) — one RDD of their lines.
 */
export class FileInputDStream extends InputDStream<string> {
  readonly opName = 'textFileStream';
  readonly name: string;
  private readonly recentlySelected = new Map<string, number>();
  private initialModTimeIgnoreThreshold = 0;
  private batchFiles = new Map<number, { path: string; lines: string[] }[]>();
  /** Spark's minRememberDuration (spark.streaming.fileStream.minRememberDuration, 60 s). */
  private readonly minRememberMs: number;

  constructor(ssc: DStreamContext, readonly directory: string, private readonly newFilesOnly = true) {
    super(ssc);
    if (typeof directory !== 'string' || !directory) throw errors.textFileStreamNoPath();
    const fs = ssc.sparkContext.fs as { existsSync?(p: string): boolean };
    if (fs.existsSync && !fs.existsSync(directory)) {
      throw errors.textFileStreamNoDir(directory);
    }
    this.name = `file stream [${this.inputStreamId}]`;
    this.minRememberMs = ssc.conf.getTimeAsMs('spark.streaming.fileStream.minRememberDuration', '60s');
  }

  override async start(): Promise<void> {
    if (!(await this.ssc.sparkContext.fs.exists(this.directory))) {
      throw errors.textFileStreamNoDir(this.directory);
    }
    this.initialModTimeIgnoreThreshold = this.newFilesOnly ? this.ssc.clock.getTimeMillis() : 0;
  }

  override async prepareBatch(time: Time): Promise<void> {
    const fs = this.ssc.sparkContext.fs;
    const now = time.milliseconds;
    const batchMs = this.slideDuration.milliseconds;
    const rememberMs = Math.ceil(this.minRememberMs / batchMs) * batchMs;
    const threshold = Math.max(this.initialModTimeIgnoreThreshold, now - rememberMs);
    for (const [p, t] of [...this.recentlySelected]) if (t < threshold) this.recentlySelected.delete(p);
    let entries: FileStatus[];
    try { entries = await fs.list(this.directory); } catch (e) {
      throw errors.textFileStreamList(this.directory, e instanceof Error ? e.message : String(e));
    }
    const isNew = (f: FileStatus) => {
      const base = f.path.slice(f.path.lastIndexOf('/') + 1);
      return !f.isDirectory && !base.startsWith('.') && !base.startsWith('_') && f.modificationTime >= threshold &&
        f.modificationTime <= now && !this.recentlySelected.has(f.path);
    };
    const selected = entries.filter(isNew);
    const files: { path: string; lines: string[] }[] = [];
    for (const f of selected) {
      this.recentlySelected.set(f.path, f.modificationTime);
      const text = await fs.readFile(f.path);
      const lines = text.split('\n');
      if (lines.length && lines[lines.length - 1] === '') lines.pop();
      files.push({ path: f.path, lines });
    }
    this.batchFiles.set(now, files);
  }

  compute(validTime: Time): RDD<string> {
    const files = this.batchFiles.get(validTime.milliseconds) ?? [];
    this.batchFiles.delete(validTime.milliseconds);
    const sc = this.ssc.sparkContext;
    this.ssc.jobScheduler.inputInfoTracker.reportInfo(validTime, { inputStreamId: this.inputStreamId, numRecords: files.reduce((s, f) => s + f.lines.length, 0),
      metadata: { files: files.map((f) => f.path) } });
    // Spark makes one RDD per file (textFile) and unions them.
    return sc.union(files.map((f) => sc.parallelize(f.lines, 1).setName(f.path)));
  }
}

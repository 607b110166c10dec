/**
 * rateStream: `rowsPerSecond` increasing values 0, 1, 2, ... (like Spark's rate source), produced on the
 * engine's clock. With `{ words: true }` each row is a line of words instead (for word-count load tests).
 */
import { Rng, ZipfSampler } from '../../core/rng';
import { StorageLevel } from '../../rdd/storageLevel';
import { Receiver } from '../receiver/Receiver';
import { errors } from '../../core/errors';

export interface RateOptions {
  words?: boolean; wordsPerLine?: number; vocabulary?: number; seed?: number;
  /** Where the receiver stores its blocks; default MEMORY_AND_DISK_SER_2. */
  storageLevel?: StorageLevel;
}

export class RateReceiver extends Receiver<number | string> {
  private value = 0;
  private readonly zipf?: ZipfSampler;
  private readonly rng: Rng;
  constructor(readonly rowsPerSecond: number, readonly options: RateOptions = {}, storageLevel?: StorageLevel) {
    super(storageLevel ?? options.storageLevel ?? StorageLevel.MEMORY_AND_DISK_SER_2);
    if (!(Number.isFinite(rowsPerSecond) && rowsPerSecond >= 0)) throw errors.rateStreamRate(rowsPerSecond);
    this.rng = new Rng(options.seed ?? 11);
    if (options.words) this.zipf = new ZipfSampler(options.vocabulary ?? 1000, 1.0);
  }
  onStart(): void {}
  onStop(): void {}
  /** The next value it produces: a restarted receiver (on another executor too) continues from here. */
  get position(): number { return this.value; }
  set position(v: number) { this.value = v; }
  override produce(fromMs: number, toMs: number): void {
    const count = Math.floor((toMs * this.rowsPerSecond) / 1000) - Math.floor((fromMs * this.rowsPerSecond) / 1000);
    if (count <= 0) return;
    const out: (number | string)[] = new Array(count);
    if (this.zipf) {
      const rng = this.rng.fork(`rate-${fromMs}`);
      const n = this.options.wordsPerLine ?? 10;
      for (let i = 0; i < count; i++) {
        let line = '';
        for (let j = 0; j < n; j++) line += (j ? ' ' : '') + 'w' + this.zipf.sample(rng);
        out[i] = line;
      }
    } else {
      for (let i = 0; i < count; i++) out[i] = this.value++;
    }
    this.store(out);
  }
}

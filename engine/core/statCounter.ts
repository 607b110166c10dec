/**
 * Spark's org.apache.spark.util.StatCounter: count, mean and the sum of squared deviations (Welford's
 * online update), plus max and min, merged across partitions with Spark's numerically careful rule.
 * `toString()` prints Scala's `%f` form, `(count: 3, mean: 2.000000, stdev: 0.816497, max: 3.000000, min: 1.000000)`,
 * as everything this engine prints follows Scala Spark (print(), tuples); `toPythonString()` prints PySpark's
 * `(count: 3, mean: 2.0, stdev: 0.816496580927726, max: 3.0, min: 1.0)` (numbers as Python's repr of a float).
 */
import { formatDouble } from './format';

/** A StatCounter as plain data: what a task sends back to the driver. */
export interface StatCounterState { n: number; mu: number; m2: number; maxValue: number; minValue: number }

export class StatCounter {
  private n = 0;
  private mu = 0;
  private m2 = 0;
  private maxValue = Number.NEGATIVE_INFINITY;
  private minValue = Number.POSITIVE_INFINITY;

  constructor(values: Iterable<number> = []) { this.mergeAll(values); }

  static fromState(s: StatCounterState): StatCounter {
    const c = new StatCounter();
    c.n = s.n; c.mu = s.mu; c.m2 = s.m2; c.maxValue = s.maxValue; c.minValue = s.minValue;
    return c;
  }

  toState(): StatCounterState { return { n: this.n, mu: this.mu, m2: this.m2, maxValue: this.maxValue, minValue: this.minValue }; }

  /** Adds a value (Welford's update, as Spark's merge(value: Double)). */
  merge(value: number): this;
  /** Merges another StatCounter into this one (Spark's merge(other: StatCounter)). */
  merge(other: StatCounter): this;
  merge(x: number | StatCounter): this {
    if (typeof x === 'number') {
      const delta = x - this.mu;
      this.n += 1;
      this.mu += delta / this.n;
      this.m2 += delta * (x - this.mu);
      this.maxValue = Math.max(this.maxValue, x);
      this.minValue = Math.min(this.minValue, x);
      return this;
    }
    if (x === this) return this.merge(x.copy()); // avoid overwriting fields in a weird order
    if (this.n === 0) {
      this.mu = x.mu; this.m2 = x.m2; this.n = x.n; this.maxValue = x.maxValue; this.minValue = x.minValue;
    } else if (x.n !== 0) {
      const delta = x.mu - this.mu;
      if (x.n * 10 < this.n) this.mu = this.mu + (delta * x.n) / (this.n + x.n);
      else if (this.n * 10 < x.n) this.mu = x.mu - (delta * this.n) / (this.n + x.n);
      else this.mu = (this.mu * this.n + x.mu * x.n) / (this.n + x.n);
      this.m2 += x.m2 + (delta * delta * this.n * x.n) / (this.n + x.n);
      this.n += x.n;
      this.maxValue = Math.max(this.maxValue, x.maxValue);
      this.minValue = Math.min(this.minValue, x.minValue);
    }
    return this;
  }

  mergeAll(values: Iterable<number>): this { for (const v of values) this.merge(v); return this; }

  copy(): StatCounter { return StatCounter.fromState(this.toState()); }

  get count(): number { return this.n; }
  /** Spark's mean is the running mean itself: 0 for no values. */
  get mean(): number { return this.mu; }
  get sum(): number { return this.n * this.mu; }
  get max(): number { return this.maxValue; }
  get min(): number { return this.minValue; }
  /** The population variance (divides by N). */
  get variance(): number { return this.popVariance; }
  get popVariance(): number { return this.n === 0 ? Number.NaN : this.m2 / this.n; }
  /** The sample variance (divides by N - 1); NaN for fewer than two values. */
  get sampleVariance(): number { return this.n <= 1 ? Number.NaN : this.m2 / (this.n - 1); }
  get stdev(): number { return this.popStdev; }
  get popStdev(): number { return Math.sqrt(this.popVariance); }
  get sampleStdev(): number { return Math.sqrt(this.sampleVariance); }

  toString(): string {
    return `(count: ${this.count}, mean: ${javaFixed6(this.mean)}, stdev: ${javaFixed6(this.stdev)}, ` +
      `max: ${javaFixed6(this.max)}, min: ${javaFixed6(this.min)})`;
  }

  toPythonString(): string {
    return `(count: ${this.count}, mean: ${formatDouble(this.mean)}, stdev: ${formatDouble(this.stdev)}, ` +
      `max: ${formatDouble(this.max)}, min: ${formatDouble(this.min)})`;
  }
}

/** Java's String.format("%f", d): six decimals, HALF_UP on the exact decimal value; NaN and Infinity as words. */
function javaFixed6(d: number): string {
  if (d !== d) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  return d.toFixed(6);
}

/**
 * Spark's org.apache.spark.partial: the result of an approximate action. `BoundedDouble` prints as Spark's
 * `[%.3f, %.3f]` of its bounds; `PartialResult` as `(final: ...)` or `(partial: ...)`. On this engine the job
 * always runs to the end before the action resolves, so results are final, as Spark's when the job
 * finishes before the timeout (then every bound is the exact value, with confidence 1.0).
 */
import { formatRecord } from './format';

export class BoundedDouble {
  constructor(readonly mean: number, readonly confidence: number, readonly low: number, readonly high: number) {}

  /** The exact value of a finished job: Spark's evaluators give BoundedDouble(v, 1.0, v, v). */
  static exact(v: number): BoundedDouble { return new BoundedDouble(v, 1.0, v, v); }

  toString(): string { return `[${javaFixed3(this.low)}, ${javaFixed3(this.high)}]`; }
}

export class PartialResult<R> {
  private finalValue: { value: R } | undefined;

  constructor(readonly initialValue: R, readonly isInitialValueFinal: boolean) {
    if (isInitialValueFinal) this.finalValue = { value: initialValue };
  }

  /** The final value (here always known once the action resolved). */
  getFinalValue(): R { return (this.finalValue ?? { value: this.initialValue }).value; }

  /** Calls `handler` with the final value (at once: the job has finished). */
  onComplete(handler: (r: R) => void): this { handler(this.getFinalValue()); return this; }

  /** A failed approximate job rejects the action's promise instead; nothing to register here. */
  onFail(_handler: (e: Error) => void): void {}

  map<T>(f: (r: R) => T): PartialResult<T> { return new PartialResult(f(this.initialValue), this.isInitialValueFinal); }

  toString(): string {
    return this.finalValue ? `(final: ${formatRecord(this.finalValue.value)})` : `(partial: ${formatRecord(this.initialValue)})`;
  }
}

/** Java's "%.3f": three decimals, HALF_UP on the exact value; NaN and Infinity as words. */
function javaFixed3(d: number): string {
  if (d !== d) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  return d.toFixed(3);
}

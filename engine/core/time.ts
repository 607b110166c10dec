/** Spark's Duration: a length of time in milliseconds. Immutable. */
import { errors } from './errors';
export class Duration {
  constructor(readonly milliseconds: number) {
    if (!Number.isFinite(milliseconds)) throw errors.durationNotFinite(milliseconds);
  }
  plus(that: Duration): Duration { return new Duration(this.milliseconds + that.milliseconds); }
  minus(that: Duration): Duration { return new Duration(this.milliseconds - that.milliseconds); }
  times(n: number): Duration { return new Duration(this.milliseconds * n); }
  div(that: Duration): number { return this.milliseconds / that.milliseconds; }
  less(that: Duration): boolean { return this.milliseconds < that.milliseconds; }
  lessEq(that: Duration): boolean { return this.milliseconds <= that.milliseconds; }
  greater(that: Duration): boolean { return this.milliseconds > that.milliseconds; }
  greaterEq(that: Duration): boolean { return this.milliseconds >= that.milliseconds; }
  equals(that: Duration): boolean { return this.milliseconds === that.milliseconds; }
  isMultipleOf(that: Duration): boolean { return that.milliseconds !== 0 && this.milliseconds % that.milliseconds === 0; }
  min(that: Duration): Duration { return this.less(that) ? this : that; }
  max(that: Duration): Duration { return this.greater(that) ? this : that; }
  isZero(): boolean { return this.milliseconds === 0; }
  toString(): string { return `${this.milliseconds} ms`; }
  /** Spark's Duration.prettyPrint-like short form used in the UI. */
  prettyPrint(): string {
    const ms = this.milliseconds;
    if (ms % 60000 === 0 && ms !== 0) return `${ms / 60000} min`;
    if (ms % 1000 === 0 && ms !== 0) return `${ms / 1000} s`;
    return `${ms} ms`;
  }
}

export const Milliseconds = (ms: number): Duration => new Duration(ms);
export const Seconds = (s: number): Duration => new Duration(s * 1000);
export const Minutes = (m: number): Duration => new Duration(m * 60000);

/** Spark's Time: a point on the streaming clock, in milliseconds. */
export class Time {
  constructor(readonly milliseconds: number) {}
  plus(d: Duration): Time { return new Time(this.milliseconds + d.milliseconds); }
  minus(d: Duration): Time;
  minus(t: Time): Duration;
  minus(x: Duration | Time): Time | Duration {
    return x instanceof Time ? new Duration(this.milliseconds - x.milliseconds) : new Time(this.milliseconds - x.milliseconds);
  }
  less(t: Time): boolean { return this.milliseconds < t.milliseconds; }
  lessEq(t: Time): boolean { return this.milliseconds <= t.milliseconds; }
  greater(t: Time): boolean { return this.milliseconds > t.milliseconds; }
  greaterEq(t: Time): boolean { return this.milliseconds >= t.milliseconds; }
  equals(t: Time): boolean { return this.milliseconds === t.milliseconds; }
  isMultipleOf(d: Duration): boolean { return d.milliseconds !== 0 && this.milliseconds % d.milliseconds === 0; }
  /** Largest multiple of `d` (offset by `zero`) not after this time. */
  floor(d: Duration, zero: Time = new Time(0)): Time {
    const t = this.milliseconds - zero.milliseconds;
    return new Time(zero.milliseconds + Math.floor(t / d.milliseconds) * d.milliseconds);
  }
  min(t: Time): Time { return this.less(t) ? this : t; }
  max(t: Time): Time { return this.greater(t) ? this : t; }
  /** Spark's `Time.until(endTime, interval)`: times from this (inclusive) to end (exclusive). */
  until(end: Time, interval: Duration): Time[] { return range(this, end, interval, false); }
  /** Spark's `Time.to(endTime, interval)`: times from this to end, both inclusive. */
  to(end: Time, interval: Duration): Time[] { return range(this, end, interval, true); }
  toString(): string { return `${this.milliseconds} ms`; }
}

function range(from: Time, end: Time, interval: Duration, inclusive: boolean): Time[] {
  const out: Time[] = [];
  for (let t = from.milliseconds; inclusive ? t <= end.milliseconds : t < end.milliseconds; t += interval.milliseconds) out.push(new Time(t));
  return out;
}

/** Parses '2s', '500ms', '1min', 3000 (ms) or a Duration into a Duration; used by conf, graph params and the CLI. */
export function parseDuration(value: string | number | Duration): Duration {
  if (value instanceof Duration) return value;
  if (typeof value === 'number') return new Duration(value);
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|sec|seconds?|m|min|minutes?)?\s*$/i.exec(value);
  if (!m) throw errors.unparsableDuration(value);
  const n = Number(m[1]);
  const unit = (m[2] ?? 'ms').toLowerCase();
  if (unit === 'ms') return new Duration(n);
  if (unit.startsWith('s')) return new Duration(n * 1000);
  return new Duration(n * 60000);
}

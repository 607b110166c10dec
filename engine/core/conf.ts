import { errors } from './errors';

/** Spark's SparkConf: string key/value settings; setters chain. */
export class SparkConf {
  private readonly settings = new Map<string, string>();
  constructor(entries?: Iterable<[string, string]>) {
    if (entries) for (const [k, v] of entries) this.settings.set(k, v);
  }
  set(key: string, value: string | number | boolean): this {
    if (typeof key !== 'string' || key.length === 0) throw errors.confEmptyKey();
    if (value === null || value === undefined) throw errors.confNullValue(key);
    this.settings.set(key, String(value));
    return this;
  }
  setMaster(master: string): this { return this.set('spark.master', master); }
  setAppName(name: string): this { return this.set('spark.app.name', name); }
  setIfMissing(key: string, value: string | number | boolean): this {
    if (!this.settings.has(key)) this.set(key, value);
    return this;
  }
  setAll(entries: Iterable<[string, string]>): this { for (const [k, v] of entries) this.set(k, v); return this; }
  remove(key: string): this { this.settings.delete(key); return this; }
  contains(key: string): boolean { return this.settings.has(key); }
  get(key: string, defaultValue?: string): string {
    const v = this.settings.get(key);
    if (v !== undefined) return v;
    if (defaultValue !== undefined) return defaultValue;
    throw errors.confNoSuchKey(key);
  }
  getOption(key: string): string | undefined { return this.settings.get(key); }
  getInt(key: string, defaultValue: number): number {
    const v = this.settings.get(key);
    if (v === undefined) return defaultValue;
    const n = Number(v);
    if (!Number.isInteger(n)) throw errors.confNotInteger(key, v);
    return n;
  }
  getDouble(key: string, defaultValue: number): number {
    const v = this.settings.get(key);
    if (v === undefined) return defaultValue;
    const n = Number(v);
    if (Number.isNaN(n)) throw errors.confNotNumber(key, v);
    return n;
  }
  getBoolean(key: string, defaultValue: boolean): boolean {
    const v = this.settings.get(key);
    if (v === undefined) return defaultValue;
    if (v === 'true' || v === 'false') return v === 'true';
    throw errors.confNotBoolean(key, v);
  }
  /** Time settings such as '200ms' or '10s' (Spark's getTimeAsMs). */
  getTimeAsMs(key: string, defaultValue: string): number {
    const raw = this.settings.get(key) ?? defaultValue;
    const m = /^\s*(\d+)\s*(ms|s|m|min|h)?\s*$/.exec(raw);
    if (!m) throw errors.confNotTime(key, raw);
    const n = Number(m[1]);
    const unit = m[2] ?? 'ms';
    return unit === 'ms' ? n : unit === 's' ? n * 1000 : unit === 'h' ? n * 3600000 : n * 60000;
  }
  getAll(): [string, string][] { return [...this.settings.entries()]; }
  clone(): SparkConf { return new SparkConf(this.settings); }
  toDebugString(): string { return this.getAll().sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join('\n'); }
}

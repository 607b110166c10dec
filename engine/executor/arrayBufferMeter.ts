/**
 * Off-heap memory of an executor: array buffers live outside the JS heap, so neither Node's worker
 * resourceLimits nor a browser's heap reading sees them (an executor limited to 640 MiB held 2 GB of
 * Float64Arrays). Installed in the executor's realm before any user code loads, it wraps every constructor
 * that allocates a buffer (ArrayBuffer, SharedArrayBuffer, the typed arrays and with them their `from`/`of`
 * and the species copies of `slice`/`map`/`subarray`, WebAssembly.Memory and its `grow`) and refuses an
 * allocation that would pass the limit, before it happens.
 *
 * In use = a platform reading where there is one (Node: process.memoryUsage().arrayBuffers, which is per worker
 * and drops when the collector frees a buffer), else the bytes of the buffers allocated here and not yet
 * reported collected by a FinalizationRegistry (browsers; an over-estimate inside one long synchronous task,
 * since finalizers run between tasks).
 *
 * A refused allocation throws ExecutorOutOfMemoryError and trips the meter: the task fails with it even if the
 * user function catches the error, and the driver replaces the executor (exitCausedByApp).
 */
import { errors, ExecutorOutOfMemoryError } from '../core/errors';

/** Allocations below this size are summed and checked against a fresh reading once they add up to it. */
const READING_STEP_BYTES = 1 << 20;

const TYPED_ARRAYS = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array'] as const;

const mib = (bytes: number): string => (bytes / 1048576).toFixed(1);

export class ArrayBufferMeter {
  /** The executor's memory limit in bytes (set when the driver's init arrives; unlimited before). */
  limitBytes = Number.POSITIVE_INFINITY;
  private tracked = 0;
  private sinceReading = 0;
  private trippedBy?: ExecutorOutOfMemoryError;
  private readonly counted = new WeakSet<object>();
  private readonly registry = new FinalizationRegistry<number>((bytes) => { this.tracked -= bytes; });

  /** `reading`: bytes of array buffers in use, measured by the platform (undefined: count them here). */
  constructor(private readonly reading?: () => number) {}

  /** Bytes in use as the meter sees them. */
  get usedBytes(): number { return this.reading ? this.reading() : this.tracked; }

  /** The error of the refused allocation since the last take(), cleared by reading it. */
  takeTripped(): ExecutorOutOfMemoryError | undefined {
    const t = this.trippedBy;
    this.trippedBy = undefined;
    return t;
  }

  /** Called before an allocation of `bytes`: throws (and trips) when it would pass the limit. */
  reserve(bytes: number): void {
    if (!(bytes > 0) || this.limitBytes === Number.POSITIVE_INFINITY) return;
    let used: number;
    if (this.reading) {
      this.sinceReading += bytes;
      if (bytes < READING_STEP_BYTES && this.sinceReading < READING_STEP_BYTES) return;
      this.sinceReading = 0;
      used = this.reading();
    } else used = this.tracked;
    if (used + bytes > this.limitBytes) {
      this.trippedBy = errors.arrayBuffersOverLimit(mib(bytes), mib(used), mib(this.limitBytes)) as ExecutorOutOfMemoryError;
      throw this.trippedBy;
    }
  }

  /** Counts a buffer once (views share their buffer) until the collector frees it. */
  track(buffer: unknown): void {
    if (this.reading || typeof buffer !== 'object' || buffer === null || this.counted.has(buffer)) return;
    const bytes = (buffer as { byteLength?: number }).byteLength;
    if (typeof bytes !== 'number' || bytes === 0) return;
    this.counted.add(buffer);
    this.tracked += bytes;
    this.registry.register(buffer, bytes);
  }

  /**
   * Replaces the allocating constructors of `realm` (an executor worker's global object) by counting proxies.
   * Returns the meter for chaining.
   */
  install(realm: object = globalThis): this {
    const meter = this;
    const wrapConstructor = (holder: object, name: string, bytesOf: (args: unknown[], ctor: { BYTES_PER_ELEMENT?: number }) => number,
      bufferOf: (o: object) => unknown) => {
      const found: unknown = Reflect.get(holder, name);
      if (typeof found !== 'function') return;
      const target = found as (new (...a: unknown[]) => object) & { BYTES_PER_ELEMENT?: number };
      const proxy = new Proxy(target, {
        construct(t, args, newTarget) {
          meter.reserve(bytesOf(args, t));
          const o = Reflect.construct(t, args, newTarget) as object;
          meter.track(bufferOf(o));
          return o;
        },
      });
      // Species copies (slice, map, filter, subarray's buffer reuse) and `x.constructor` reach the proxy too.
      Object.defineProperty(target.prototype, 'constructor', { value: proxy, writable: true, configurable: true, enumerable: false });
      Reflect.set(holder, name, proxy);
    };
    const bufferBytes = (args: unknown[]): number => {
      const opts = args[1] as { maxByteLength?: unknown } | undefined;
      const max = typeof opts === 'object' && opts !== null && typeof opts.maxByteLength === 'number' ? opts.maxByteLength : 0;
      return Math.max(Number(args[0]) || 0, max);   // a resizable buffer can grow to maxByteLength without asking again
    };
    wrapConstructor(realm, 'ArrayBuffer', bufferBytes, (o) => o);
    wrapConstructor(realm, 'SharedArrayBuffer', bufferBytes, (o) => o);
    for (const name of TYPED_ARRAYS) {
      wrapConstructor(realm, name, (args, ctor) => {
        const a = args[0];
        const per = ctor.BYTES_PER_ELEMENT ?? 1;
        if (typeof a === 'number') return a * per;
        if (typeof a === 'object' && a !== null && !isBuffer(a)) {
          const len = (a as { length?: unknown }).length;
          return typeof len === 'number' ? len * per : 0;
        }
        return 0;   // a view over an existing buffer allocates nothing
      }, (o) => (o as { buffer?: unknown }).buffer);
    }
    const wasm: unknown = Reflect.get(realm, 'WebAssembly');
    const Memory: unknown = typeof wasm === 'object' && wasm !== null ? Reflect.get(wasm, 'Memory') : undefined;
    if (typeof wasm === 'object' && wasm !== null && typeof Memory === 'function') {
      const proto: object = Memory.prototype;
      const originalGrow: unknown = Reflect.get(proto, 'grow');
      if (typeof originalGrow === 'function') {
        Object.defineProperty(proto, 'grow', {
          value: function grow(this: { buffer: unknown }, delta: number): unknown {
            meter.reserve(Number(delta) * 65536);
            const r: unknown = originalGrow.call(this, delta);
            meter.track(this.buffer);
            return r;
          },
          writable: true, configurable: true,
        });
      }
      wrapConstructor(wasm, 'Memory', (args) => Number((args[0] as { initial?: unknown } | undefined)?.initial ?? 0) * 65536,
        (o) => (o as { buffer: unknown }).buffer);
    }
    return this;
  }
}

function isBuffer(x: object): boolean {
  const tag = Object.prototype.toString.call(x);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

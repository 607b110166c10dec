/** The array-buffer meter on a realm of its own (a plain object holding copies of the constructors). */
import { describe, expect, it } from 'vitest';
import { ArrayBufferMeter } from './arrayBufferMeter';
import { ExecutorOutOfMemoryError } from '../core/errors';

function realm(): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  // Subclasses, so that the real constructors' prototypes are not touched by install().
  r.ArrayBuffer = class extends ArrayBuffer {};
  r.Float64Array = class extends Float64Array {};
  r.Uint8Array = class extends Uint8Array {};
  return r;
}

describe('ArrayBufferMeter (counted by construction, browsers)', () => {
  it('counts buffers once per buffer and refuses an allocation past the limit before it happens', () => {
    const r = realm();
    const meter = new ArrayBufferMeter().install(r);
    meter.limitBytes = 1000;
    const F = r.Float64Array as typeof Float64Array;
    const U = r.Uint8Array as typeof Uint8Array;
    const a = new F(50);                 // 400 bytes
    new U(a.buffer);                     // a view: nothing new
    expect(meter.usedBytes).toBe(400);
    expect(() => new F(100)).toThrow(ExecutorOutOfMemoryError);
    expect(() => new F(100)).toThrow(/allocating 0\.0 MiB of array buffers .* with 0\.0 MiB already in use would pass the executor's memory limit of 0\.0 MiB/);
    expect(meter.takeTripped()?.name).toBe('ExecutorOutOfMemoryError');
    expect(meter.takeTripped()).toBeUndefined();
    const b = F.from([1, 2, 3]);          // from() constructs through the counted constructor
    expect(meter.usedBytes).toBe(424);
    a.slice(0, 10);                       // species copy: counted too
    expect(meter.usedBytes).toBe(504);
    expect(b.length).toBe(3);
  });

  it('counts resizable buffers at their maximum size and leaves unlimited meters alone', () => {
    const r = realm();
    const meter = new ArrayBufferMeter().install(r);
    const AB = r.ArrayBuffer as typeof ArrayBuffer;
    new AB(10);
    expect(meter.usedBytes).toBe(10);
    meter.limitBytes = 100;
    const Resizable = AB as new (n: number, o: { maxByteLength: number }) => ArrayBuffer;
    expect(() => new Resizable(1, { maxByteLength: 1 << 20 })).toThrow(ExecutorOutOfMemoryError);
  });

  it('with a platform reading, checks the reading instead of counting', () => {
    let used = 0;
    const r = realm();
    const meter = new ArrayBufferMeter(() => used).install(r);
    meter.limitBytes = 8 << 20;
    const F = r.Float64Array as typeof Float64Array;
    new F(1 << 19);                       // 4 MiB: a fresh reading (0) is taken
    used = 6 << 20;
    expect(() => new F(1 << 19)).toThrow(/allocating 4\.0 MiB of array buffers .* with 6\.0 MiB already in use .* limit of 8\.0 MiB/);
  });
});

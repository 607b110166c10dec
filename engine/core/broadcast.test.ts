import { describe, expect, test } from 'vitest';
import { Broadcast, BroadcastRegistry, type BroadcastEvent } from './broadcast';
import { errors, SparkException } from './errors';

describe('Broadcast', () => {
  test('ids count from 0 per registry', () => {
    const r1 = new BroadcastRegistry();
    const r2 = new BroadcastRegistry();
    expect([r1.newBroadcast(1).id, r1.newBroadcast(2).id, r2.newBroadcast(3).id]).toEqual([0, 1, 0]);
    expect(r1.ids()).toEqual([0, 1]);
  });

  test('value, toString and lookup by id', () => {
    const r = new BroadcastRegistry();
    const words = ['a', 'b'];
    const b = r.newBroadcast(words);
    expect(b.value).toBe(words);
    expect(String(b)).toBe('Broadcast(0)');
    expect(r.getBroadcast(0)).toEqual(words);
    expect(r.getBroadcast(0)).not.toBe(words); // executors see the snapshot taken when broadcast
    words.push('c');
    expect(r.getBroadcast(0)).toEqual(['a', 'b']);
  });

  const AFTER_DESTROY: [string, (b: Broadcast<number>) => unknown][] = [
    ['value', (b) => b.value],
    ['unpersist', (b) => b.unpersist()],
    ['destroy', (b) => b.destroy()],
  ];
  test.each(AFTER_DESTROY)('%s after destroy throws Spark\'s error', (_d, use) => {
    const r = new BroadcastRegistry();
    const b = r.newBroadcast(5);
    b.destroy();
    expect(b.isValid).toBe(false);
    expect(() => use(b)).toThrow(SparkException);
    expect(() => use(b)).toThrow(errors.broadcastDestroyed(0).message);
    expect(() => r.getBroadcast(0)).toThrow(errors.broadcastDestroyed(0).message);
  });

  test('unknown ids', () => {
    expect(() => new BroadcastRegistry().getBroadcast(3)).toThrow(errors.unknownBroadcast(3).message);
  });

  test('unpersist keeps the value; listeners hear unpersist and destroy', () => {
    const r = new BroadcastRegistry();
    const events: BroadcastEvent[] = [];
    const off = r.onEvent((e) => events.push(e));
    const b = r.newBroadcast({ k: 1 });
    b.unpersist();
    expect(b.value).toEqual({ k: 1 });
    expect(r.getBroadcast(b.id)).toEqual({ k: 1 });
    b.destroy();
    off();
    r.newBroadcast(1).destroy();
    expect(events).toEqual([{ type: 'unpersist', id: 0 }, { type: 'destroy', id: 0 }]);
    expect(r.has(0)).toBe(false);
  });

  test('remote handles fetch once, and again after unpersist', () => {
    let fetches = 0;
    const b = Broadcast.remote(4, (id) => { fetches++; return id * 10; });
    expect(fetches).toBe(0);
    expect([b.value, b.value]).toEqual([40, 40]);
    expect(fetches).toBe(1);
    b.unpersist();
    expect(b.value).toBe(40);
    expect(fetches).toBe(2);
  });

  class Point { constructor(readonly x: number) {} }
  const NOT_DATA: [string, unknown, string][] = [
    ['a function', () => 1, errors.broadcastNotData('', 'a function').message],
    ['a class instance inside a Map', new Map([['p', new Point(1)]]), errors.broadcastNotData('.get("p")', 'an instance of Point').message],
  ];
  test.each(NOT_DATA)('broadcast values must be plain data: %s', (_d, value, message) => {
    expect(() => new BroadcastRegistry().newBroadcast(value)).toThrow(message);
  });

  const DATA: [string, unknown][] = [
    ['numbers and strings', [1, 'a', null, undefined, true, 10n]],
    ['Map and Set', new Map([['a', new Set([1])]])],
    ['Date and RegExp', { d: new Date(0), r: /x/g }],
    ['typed arrays', new Float64Array([1, 2])],
    ['cycles', (() => { const o: Record<string, unknown> = {}; o.self = o; return o; })()],
    ['null-prototype objects', Object.assign(Object.create(null), { a: 1 })],
  ];
  test.each(DATA)('plain data is accepted: %s', (_d, value) => {
    const r = new BroadcastRegistry();
    expect(r.getBroadcast(r.newBroadcast(value).id)).toEqual(structuredClone(value));
  });
});

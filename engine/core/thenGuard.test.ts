import { describe, expect, it } from 'vitest';
import { removeThenPollution, thenablesGuarded } from './thenGuard';

type WithThen = { then?: unknown };

describe('removeThenPollution', () => {
  it('finds nothing on clean prototypes', () => {
    expect(removeThenPollution()).toBeUndefined();
  });

  it.each([
    ['Object.prototype', Object.prototype],
    ['Array.prototype', Array.prototype],
    ['Function.prototype', Function.prototype],
    ['Error.prototype', Error.prototype],
    ['Map.prototype', Map.prototype],
    ['Set.prototype', Set.prototype],
  ])('removes a then assigned to %s and names it', (name, proto) => {
    (proto as WithThen).then = () => {};
    expect(removeThenPollution()).toBe(name);
    expect(Object.prototype.hasOwnProperty.call(proto, 'then')).toBe(false);
    expect(removeThenPollution()).toBeUndefined();
  });

  it('finds a getter that returns undefined when read (it may return a function later) without calling it', () => {
    let reads = 0;
    Object.defineProperty(Object.prototype, 'then', { get() { reads++; return undefined; }, configurable: true });
    expect(removeThenPollution()).toBe('Object.prototype');
    expect(reads).toBe(0);
    expect('then' in {}).toBe(false);
  });
});

describe('thenablesGuarded', () => {
  it('is false in a realm guardThenables() did not guard (the test realm)', () => {
    expect(thenablesGuarded()).toBe(false);
  });
});

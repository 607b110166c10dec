import { describe, expect, it } from 'vitest';
import { pythonLineToScala, scalaLineOfEngineForPython } from './normalize';

describe('PySpark pprint lines as Scala prints them', () => {
  it('tuples, strings with quotes and escapes, numbers, None and booleans', () => {
    expect(pythonLineToScala("('hello', 2)")).toBe('(hello,2)');
    expect(pythonLineToScala('("it\'s", (1, None))')).toBe("(it's,(1,None))");
    expect(pythonLineToScala("'a\\\\b'")).toBe('a\\b');
    expect(pythonLineToScala('3.5')).toBe('3.5');
    expect(pythonLineToScala('True')).toBe('true');
    expect(pythonLineToScala('...')).toBe('...');
  });

  it('the engine\'s Option values are unwrapped (PySpark has plain values or None)', () => {
    expect(scalaLineOfEngineForPython('(a,(1,Some(2)))')).toBe('(a,(1,2))');
    expect(scalaLineOfEngineForPython('(a,(Some(Some(1)),None))')).toBe('(a,(1,None))');
  });

  it('grouped values: the engine\'s buffers and the driver\'s ResultIterable lists read back alike', () => {
    expect(scalaLineOfEngineForPython('(a,ArrayBuffer(1, 2))')).toBe('(a,[1, 2])');
    expect(scalaLineOfEngineForPython('(a,(CompactBuffer((x,1)),CompactBuffer()))')).toBe('(a,([(x,1)],[]))');
    expect(pythonLineToScala("('a', [1, 2])")).toBe('(a,[1, 2])');
    expect(pythonLineToScala("('a', ([('x', 1)], []))")).toBe('(a,([(x,1)],[]))');
  });
});

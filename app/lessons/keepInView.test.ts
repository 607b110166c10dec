import { describe, expect, it } from 'vitest';
import { coveredRight } from './keepInView';

const r = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
const canvas = r(0, 100, 1000, 500);

describe('coveredRight', () => {
  it('asks for a refit clear of the panel when it covers a node', () => {
    expect(coveredRight(canvas, r(700, 100, 1000, 500), [r(100, 200, 290, 280), r(750, 200, 940, 280)])).toBe(316);
  });
  it('asks for a refit when a node is off the canvas, even with no panel over it', () => {
    expect(coveredRight(canvas, r(1000, 100, 1300, 500), [r(900, 200, 1090, 280)])).toBe(16);
  });
  it('leaves the view alone when every node is visible', () => {
    expect(coveredRight(canvas, r(700, 100, 1000, 500), [r(100, 200, 290, 280), r(400, 200, 590, 280)])).toBe(0);
    expect(coveredRight(canvas, null, [])).toBe(0);
  });
});

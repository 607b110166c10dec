import { describe, expect, it } from 'vitest';
import { contrastRatio, DARK, LIGHT, type Palette } from './palette';

const marks = (p: Palette) => [p.text, p.muted, p.accent, p.positive, p.negative, p.receiver, p.dead, ...p.stages, ...Object.values(p.states)];

describe('palette contrast (WCAG AA)', () => {
  it('computes known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
  for (const p of [LIGHT, DARK]) {
    it(`${p.name}: every text/mark colour reaches 4.5:1 on the background and the surface`, () => {
      for (const c of marks(p)) {
        expect(contrastRatio(c, p.background), `${c} on ${p.background}`).toBeGreaterThanOrEqual(4.5);
        expect(contrastRatio(c, p.surface), `${c} on ${p.surface}`).toBeGreaterThanOrEqual(4.5);
      }
    });
    it(`${p.name}: labels on fills reach 4.5:1`, () => {
      for (const c of [...p.stages, ...Object.values(p.states), p.receiver, p.dead]) {
        expect(contrastRatio(p.onFill, c), `${p.onFill} on ${c}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});

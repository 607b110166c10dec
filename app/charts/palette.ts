/**
 * Chart colours for the light and dark themes. Every colour used for text or marks passes WCAG AA
 * (4.5:1) against the panel background, and the text drawn on filled marks (onFill) passes 4.5:1
 * against every fill (checked in palette.test.ts with the pure contrast function below).
 */
export type ThemeName = 'light' | 'dark';

export interface Palette {
  name: ThemeName;
  background: string;
  surface: string;
  text: string;
  muted: string;
  grid: string;
  /** Text drawn on top of stage / state fills. */
  onFill: string;
  stages: string[];
  states: { pending: string; running: string; done: string; failed: string; lost: string; recomputed: string; skipped: string };
  dead: string;
  accent: string;
  positive: string;
  negative: string;
  receiver: string;
}

export const LIGHT: Palette = {
  name: 'light',
  background: '#ffffff',
  surface: '#f4f5f7',
  text: '#1b1d22',
  muted: '#5b6270',
  grid: '#d5d8de',
  onFill: '#ffffff',
  stages: ['#1f5fbf', '#b3261e', '#1b7a3d', '#8a4b00', '#6b3fa0', '#00707a', '#a8326e', '#4d5b00'],
  states: { pending: '#636a78', running: '#1f5fbf', done: '#1b7a3d', failed: '#a3400b', lost: '#b3261e', recomputed: '#6b3fa0', skipped: '#5b6270' },
  dead: '#636a78',
  accent: '#1f5fbf',
  positive: '#1b7a3d',
  negative: '#b3261e',
  receiver: '#00707a',
};

export const DARK: Palette = {
  name: 'dark',
  background: '#16181d',
  surface: '#20232b',
  text: '#eceef2',
  muted: '#a4abb8',
  grid: '#3a3f4b',
  onFill: '#111318',
  stages: ['#7fb0ff', '#ff8a80', '#6fd58e', '#f0b35a', '#c5a3ff', '#4fd1dc', '#ff8fc6', '#c4d45a'],
  states: { pending: '#9aa3b2', running: '#7fb0ff', done: '#6fd58e', failed: '#f0a35a', lost: '#ff8a80', recomputed: '#c5a3ff', skipped: '#a4abb8' },
  dead: '#9aa3b2',
  accent: '#7fb0ff',
  positive: '#6fd58e',
  negative: '#ff8a80',
  receiver: '#4fd1dc',
};

export function paletteFor(theme: string | undefined): Palette { return theme === 'dark' ? DARK : LIGHT; }

export function stageColor(p: Palette, stageId: number): string { return p.stages[((stageId % p.stages.length) + p.stages.length) % p.stages.length]; }

// ---- WCAG contrast ----------------------------------------------------------------------------

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function parseHex(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? h.split('').map((x) => x + x).join('') : h;
  if (!/^[0-9a-fA-F]{6}$/.test(full)) throw new Error(`Not a hex colour: ${hex}`);
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG 2.x contrast ratio, 1..21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

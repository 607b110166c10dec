import { describe, expect, it } from 'vitest';
import { compactSource, formatDuration, paramSummary, shortcutFor } from './summary';
import { groupOps, matches } from '../palette/paletteModel';
import { parseField, formatField, bestUnit } from '../inspector/fieldModel';
import { allOps, opSpec } from '../store/registryAdapter';
import { fitZoom, wrapChain } from './layout';
import type { ParamSpec } from '../../engine/graph/types';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('node summaries', () => {
  it('formats durations and sources', () => {
    expect(formatDuration(3000)).toBe('3 s');
    expect(formatDuration(1500)).toBe('1.5 s');
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(120000)).toBe('2 min');
    expect(compactSource('(a, b) =>\n   a + b')).toBe('(a, b) => a + b');
    expect(compactSource('x'.repeat(60), 10)).toHaveLength(10);
  });
  it('summarises a window op by its function and durations', () => {
    const s = paramSummary(opSpec('reduceByKeyAndWindow'), { reduce: '(a, b) => a + b', window: 10000, slide: 1000 }, 80);
    expect(s).toContain('(a, b) => a + b');
    expect(s).toContain('10 s');
  });
});

describe('shortcuts', () => {
  it('maps keys per platform', () => {
    expect(shortcutFor(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(shortcutFor(key('z', { metaKey: true, shiftKey: true }), true)).toBe('redo');
    expect(shortcutFor(key('z', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(key('y', { ctrlKey: true }), false)).toBe('redo');
    expect(shortcutFor(key('d', { metaKey: true }), true)).toBe('duplicate');
    expect(shortcutFor(key('Delete'), false)).toBe('delete');
    expect(shortcutFor(key('L', { shiftKey: true }), false)).toBe('layout');
    expect(shortcutFor(key('a'), false)).toBeNull();
  });
});

describe('palette', () => {
  it('groups every registry op into the four groups', () => {
    const groups = groupOps(allOps(), '');
    expect(groups.map((g) => g.id)).toEqual(['sources', 'transformations', 'windows', 'outputs']);
    const listed = groups.flatMap((g) => g.ops.map((o) => o.name)).sort();
    expect(listed).toEqual(allOps().map((o) => o.name).sort());
  });
  it('searches names, labels and descriptions in both languages', () => {
    const names = (q: string) => groupOps(allOps(), q).flatMap((g) => g.ops.map((o) => o.name));
    expect(names('reduceByKey')[0]).toBe('reduceByKey');
    expect(names('window')).toContain('reduceByKeyAndWindow');
    expect(names('窗口').length).toBeGreaterThan(0);
    expect(names('zzzz-nothing')).toEqual([]);
    expect(matches(opSpec('print')!, 'PRINT')).toBe(true);
  });
});

describe('inspector fields', () => {
  const dur: ParamSpec = { type: 'duration', label: { en: '', 'zh-CN': '' }, help: { en: '', 'zh-CN': '' }, min: 1 };
  const int: ParamSpec = { type: 'int', label: { en: '', 'zh-CN': '' }, help: { en: '', 'zh-CN': '' }, min: 1, max: 10, optional: true };
  it('parses durations in ms or s', () => {
    expect(parseField(dur, '3', 's')).toEqual({ ok: true, value: 3000 });
    expect(parseField(dur, '250')).toEqual({ ok: true, value: 250 });
    expect(parseField(dur, '-1')).toMatchObject({ ok: false, errorKey: 'field.positive' });
    expect(parseField(dur, '')).toMatchObject({ ok: false, errorKey: 'field.required' });
    expect(formatField(dur, 3000, 's')).toBe('3');
    expect(bestUnit(3000)).toBe('s');
    expect(bestUnit(250)).toBe('ms');
  });
  it('checks ints, ranges, lists and JSON', () => {
    expect(parseField(int, '2.5')).toMatchObject({ ok: false, errorKey: 'field.int' });
    expect(parseField(int, '11')).toMatchObject({ ok: false, errorKey: 'field.max' });
    expect(parseField(int, '')).toEqual({ ok: true, value: undefined });
    expect(parseField({ ...int, type: 'stringList' }, 'a, b\nc')).toEqual({ ok: true, value: ['a', 'b', 'c'] });
    expect(parseField({ ...int, type: 'json' }, '[[1]]')).toEqual({ ok: true, value: [[1]] });
    expect(parseField({ ...int, type: 'json' }, '[[')).toMatchObject({ ok: false, errorKey: 'field.json' });
  });
});

describe('layout helpers', () => {
  const chain = (n: number) => ({
    nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, op: 'map', params: {}, position: { x: i * 260, y: 0 } })),
    edges: Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}` })),
  });
  it('wraps a long chain into rows that fit the window better', () => {
    const { nodes, edges } = chain(6);
    const view = { width: 870, height: 500 };
    const before = fitZoom(nodes, view);
    const pos = wrapChain(nodes, edges, view)!;
    const after = fitZoom(Object.values(pos).map((position) => ({ position })), view);
    expect(before).toBeLessThan(0.75);
    expect(after).toBeGreaterThan(0.9);
    // left to right inside a row, rows top to bottom, in chain order
    expect(pos.n0.y).toBe(pos.n1.y);
    expect(pos.n1.x).toBeGreaterThan(pos.n0.x);
    expect(pos.n5.y).toBeGreaterThan(pos.n0.y);
  });
  it('refuses graphs that are not a simple chain', () => {
    const { nodes, edges } = chain(3);
    expect(wrapChain(nodes, [...edges.slice(0, 1), { id: 'x', source: 'n0', target: 'n2' }], { width: 800, height: 500 })).toBeNull();
  });
});

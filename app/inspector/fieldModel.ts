/** Parsing and formatting of inspector field values per ParamSpec type (pure). */
import type { ParamSpec } from '../../engine/graph/types';

export type Parsed = { ok: true; value: unknown } | { ok: false; errorKey: string; vars?: Record<string, string | number> };

export function parseField(spec: ParamSpec, text: string, unit: 'ms' | 's' = 'ms'): Parsed {
  const raw = text.trim();
  if (raw === '') {
    if (spec.optional || spec.default !== undefined) return { ok: true, value: undefined };
    return { ok: false, errorKey: 'field.required' };
  }
  switch (spec.type) {
    case 'duration': {
      const n = Number(raw);
      if (!Number.isFinite(n)) return { ok: false, errorKey: 'field.number' };
      const ms = Math.round(unit === 's' ? n * 1000 : n);
      if (ms <= 0) return { ok: false, errorKey: 'field.positive' };
      return rangeCheck(spec, ms);
    }
    case 'int': {
      const n = Number(raw);
      if (!Number.isInteger(n)) return { ok: false, errorKey: 'field.int' };
      return rangeCheck(spec, n);
    }
    case 'number': {
      const n = Number(raw);
      if (!Number.isFinite(n)) return { ok: false, errorKey: 'field.number' };
      return rangeCheck(spec, n);
    }
    case 'stringList':
      return { ok: true, value: raw.split(/\n|,/).map((s) => s.trim()).filter(Boolean) };
    case 'json':
      try { return { ok: true, value: JSON.parse(raw) }; } catch (e) { return { ok: false, errorKey: 'field.json', vars: { message: (e as Error).message } }; }
    default:
      return { ok: true, value: text };
  }
}

function rangeCheck(spec: ParamSpec, n: number): Parsed {
  if (spec.min !== undefined && n < spec.min) return { ok: false, errorKey: 'field.min', vars: { min: spec.min } };
  if (spec.max !== undefined && n > spec.max) return { ok: false, errorKey: 'field.max', vars: { max: spec.max } };
  return { ok: true, value: n };
}

export function formatField(spec: ParamSpec, v: unknown, unit: 'ms' | 's' = 'ms'): string {
  if (v === undefined || v === null) return '';
  if (spec.type === 'duration' && typeof v === 'number') return String(unit === 's' ? v / 1000 : v);
  if (spec.type === 'stringList' && Array.isArray(v)) return v.join('\n');
  if (spec.type === 'json') return JSON.stringify(v, null, 2);
  return String(v);
}

export type DurationUnit = 'ms' | 's';

/**
 * The unit a duration field starts in. One rule for every duration field: seconds (Spark's `Seconds(n)`, the
 * batch interval's unit), unless the value is not a whole number of tenths of a second or is under a second (then
 * milliseconds). An empty field starts in seconds too, so Window and Slide of a new node read alike.
 */
export function bestUnit(v: unknown): DurationUnit {
  if (typeof v !== 'number') return 's';
  return v >= 1000 && v % 100 === 0 ? 's' : 'ms';
}

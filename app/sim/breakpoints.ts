/**
 * Breakpoints (pure, no DOM): "pause after batch T" and "pause when node N sees a record matching …".
 * The driver worker compiles them (a JS expression becomes a function there, never on the page) and checks
 * every engine event; a hit pauses the player after the current batch.
 */
import type { EngineEvent } from '../../engine/core/events';

export type Breakpoint =
  | { id: string; kind: 'batch'; batchTime: number }
  | { id: string; kind: 'record'; nodeId: string; mode: 'text' | 'expression'; pattern: string };

export type BreakpointHit =
  | { id: string; kind: 'batch'; batchTime: number }
  | { id: string; kind: 'record'; batchTime: number; nodeId: string; record: string };

export interface BreakpointProblem { id: string; message: string }

export interface CompiledBreakpoints {
  problems: BreakpointProblem[];
  /** The first breakpoint the event hits. Runtime errors of an expression count as no match and are reported once. */
  check(e: EngineEvent): BreakpointHit | undefined;
  /** Runtime problems seen since the last call. */
  takeProblems(): BreakpointProblem[];
}

const MAX_RECORD_TEXT = 200;

/** Checks a breakpoint list's shape (the page calls this before sending it; the worker again). */
export function breakpointProblems(bps: unknown): BreakpointProblem[] {
  if (!Array.isArray(bps)) return [{ id: '?', message: 'breakpoints must be a list' }];
  const out: BreakpointProblem[] = [];
  for (const b of bps as Breakpoint[]) {
    const id = typeof b?.id === 'string' ? b.id : '?';
    if (!b || typeof b !== 'object' || typeof b.id !== 'string') out.push({ id, message: 'a breakpoint needs an id' });
    else if (b.kind === 'batch') { if (!Number.isInteger(b.batchTime) || b.batchTime <= 0) out.push({ id, message: `batch time must be a positive whole number of ms, got ${String(b.batchTime)}` }); }
    else if (b.kind === 'record') {
      if (typeof b.nodeId !== 'string' || !b.nodeId) out.push({ id, message: 'a record breakpoint needs a node id' });
      if (typeof b.pattern !== 'string' || !b.pattern.trim()) out.push({ id, message: 'a record breakpoint needs a pattern' });
      if (b.mode !== 'text' && b.mode !== 'expression') out.push({ id, message: `mode must be "text" or "expression", got ${String(b.mode)}` });
    } else out.push({ id, message: `unknown breakpoint kind ${String((b as { kind?: unknown }).kind)}: use "batch" or "record"` });
  }
  return out;
}

type Predicate = (record: string) => boolean;

/** Compiles `r => (<expression>)`; a syntax error names the expression and what to write instead. */
export function compileExpression(source: string): Predicate {
  let fn: (r: string, record: string) => unknown;
  try {
    // eslint-disable-next-line no-new-func
    fn = new Function('r', 'record', `"use strict"; return (${source});`) as (r: string, record: string) => unknown;
  } catch (e) {
    throw new Error(`the expression ${JSON.stringify(source)} does not parse (${e instanceof Error ? e.message : String(e)}): write a JS expression over r, the printed record, e.g. r.includes("spark")`);
  }
  return (record) => !!fn(record, record);
}

export function compileBreakpoints(bps: readonly Breakpoint[]): CompiledBreakpoints {
  const problems: BreakpointProblem[] = breakpointProblems(bps);
  const bad = new Set(problems.map((p) => p.id));
  const batches = new Map<number, string>();
  const records: { id: string; nodeId: string; test: Predicate }[] = [];
  for (const b of bps) {
    if (bad.has(b.id)) continue;
    if (b.kind === 'batch') { if (!batches.has(b.batchTime)) batches.set(b.batchTime, b.id); continue; }
    if (b.mode === 'text') { const needle = b.pattern; records.push({ id: b.id, nodeId: b.nodeId, test: (r) => r.includes(needle) }); continue; }
    try { records.push({ id: b.id, nodeId: b.nodeId, test: compileExpression(b.pattern) }); } catch (e) {
      problems.push({ id: b.id, message: e instanceof Error ? e.message : String(e) });
    }
  }
  let runtime: BreakpointProblem[] = [];
  const reported = new Set<string>();
  return {
    problems,
    takeProblems: () => { const r = runtime; runtime = []; return r; },
    check(e) {
      if (e.type === 'batchCompleted') {
        const id = batches.get(e.batchInfo.batchTime);
        return id !== undefined ? { id, kind: 'batch', batchTime: e.batchInfo.batchTime } : undefined;
      }
      if (e.type !== 'recordsSample' || !records.length || e.nodeId === undefined) return undefined;
      for (const b of records) {
        if (b.nodeId !== e.nodeId) continue;
        for (const r of e.records) {
          let hit = false;
          try { hit = b.test(r); } catch (err) {
            if (!reported.has(b.id)) { reported.add(b.id); runtime.push({ id: b.id, message: `the expression threw on ${r.slice(0, 80)}: ${err instanceof Error ? err.message : String(err)}` }); }
          }
          if (hit) return { id: b.id, kind: 'record', batchTime: e.batchTime, nodeId: e.nodeId, record: r.length > MAX_RECORD_TEXT ? `${r.slice(0, MAX_RECORD_TEXT)}…` : r };
        }
      }
      return undefined;
    },
  };
}

let bpSeq = 0;
/** A fresh breakpoint id (page side). */
export const newBreakpointId = () => `bp${++bpSeq}`;

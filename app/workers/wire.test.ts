import { describe, expect, it } from 'vitest';
import {
  MAX_TEXT, parseBreakpointProblems, parseDriverCall, parseFromDriver, parseIssues, parseLoadResult, parseStorageReply, parseStorageRequest,
} from './protocol';

/** What a pipeline's code on local[N] could post on the page's port, and what the page makes of it. */
describe('messages from the engine host are shape-checked', () => {
  it('keeps well-formed engine messages and drops the rest one by one', () => {
    const m = parseFromDriver({ kind: 'messages', msgs: [
      { kind: 'event', event: { type: 'stdout', time: 0, text: 'hello' } },
      { kind: 'event', event: { type: 'batchCompleted' } },            // no time
      { kind: 'event', event: 'batchCompleted' },
      { kind: 'status', status: 'running' },
      { kind: 'status', status: 'owned' },
      { kind: 'log', level: 'warning', text: 'WARN x' },
      { kind: 'log', level: 'fatal', text: 'x' },
      { kind: 'eval', code: 'alert(1)' },
      { kind: 'driverRestarted', checkpointTime: 1000, timesToReschedule: ['1000'] },
      null,
    ] });
    expect(m).toEqual({ kind: 'messages', msgs: [
      { kind: 'event', event: { type: 'stdout', time: 0, text: 'hello' } },
      { kind: 'status', status: 'running' },
      { kind: 'log', level: 'warning', text: 'WARN x' },
    ] });
  });

  it('refuses unknown kinds, bad ids and oversized batches', () => {
    expect(parseFromDriver({ kind: 'reply', id: -1, ok: true })).toBeNull();
    expect(parseFromDriver({ kind: 'reply', id: 1.5, ok: true })).toBeNull();
    expect(parseFromDriver({ kind: 'reply', id: 1, ok: false })).toBeNull();
    expect(parseFromDriver({ kind: 'messages', msgs: new Array(10_001).fill({ kind: 'status', status: 'running' }) })).toBeNull();
    expect(parseFromDriver({ id: 'x', type: 'RETURN', value: 1 })).toBeNull();   // Comlink's wire: not spoken here
    expect(parseFromDriver('heartbeat')).toBeNull();
    expect(parseFromDriver({ kind: 'heartbeat', extra: 1 })).toEqual({ kind: 'heartbeat' });
  });

  it('cuts long texts', () => {
    const m = parseFromDriver({ kind: 'reply', id: 3, ok: false, error: 'x'.repeat(MAX_TEXT * 2) });
    expect(m && m.kind === 'reply' && !m.ok && m.error.length).toBe(MAX_TEXT);
  });

  it('checks storage requests field by field', () => {
    expect(parseStorageRequest({ op: 'readFile', path: 'cp/x', now: 5 })).toEqual({ op: 'readFile', path: 'cp/x', now: 5 });
    expect(parseStorageRequest({ op: 'writeFile', path: 'cp/x', now: 5, data: 'd', to: 'ignored' })).toEqual({ op: 'writeFile', path: 'cp/x', now: 5, data: 'd' });
    expect(parseStorageRequest({ op: 'writeFile', path: 'cp/x', now: 5 })).toBeNull();
    expect(parseStorageRequest({ op: 'rename', path: 'a', now: 5 })).toBeNull();
    expect(parseStorageRequest({ op: 'drop', path: 'a', now: 5 })).toBeNull();
    expect(parseStorageRequest({ op: 'exists', path: 'a'.repeat(2000), now: 5 })).toBeNull();
    expect(parseStorageRequest({ op: 'exists', path: 'a', now: Infinity })).toBeNull();
    expect(parseStorageRequest({ op: 'delete', path: 'a', now: 5, recursive: 'yes' })).toBeNull();
    expect(parseFromDriver({ kind: 'storage', id: 2, request: { op: 'exists', path: 'cp', now: 0 } })).toEqual({ kind: 'storage', id: 2, request: { op: 'exists', path: 'cp', now: 0 } });
  });

  it('checks replies before the page uses them', () => {
    expect(parseLoadResult({ ok: true, extra: 1 })).toEqual({ ok: true });
    expect(parseLoadResult({ ok: false, problems: ['a', 3] })).toEqual({ ok: false, problems: ['a'] });
    expect(parseLoadResult('ok')).toEqual({ ok: false, problems: [expect.stringMatching(/unexpected reply to load/)] });
    expect(parseBreakpointProblems([{ id: 'b1', message: 'm', more: 1 }, { id: 2 }])).toEqual([{ id: 'b1', message: 'm' }]);
    expect(parseIssues([{ severity: 'error', message: 'm', nodeId: 'n', line: 3, __proto__: { x: 1 } }, { severity: 'fatal', message: 'm' }]))
      .toEqual([{ severity: 'error', message: 'm', nodeId: 'n', line: 3 }]);
  });

  it('the driver takes only calls of its API and storage replies', () => {
    expect(parseDriverCall({ kind: 'call', id: 1, method: 'load', args: [{}] })).toEqual({ kind: 'call', id: 1, method: 'load', args: [{}] });
    expect(parseDriverCall({ kind: 'call', id: 1, method: 'constructor', args: [] })).toBeNull();
    expect(parseDriverCall({ kind: 'call', id: 1, method: 'load', args: 'x' })).toBeNull();
    expect(parseStorageReply({ kind: 'storageReply', id: 4, ok: true, value: 'x' })).toEqual({ kind: 'storageReply', id: 4, ok: true, value: 'x' });
    expect(parseStorageReply({ kind: 'storageReply', id: 4, ok: false })).toBeNull();
  });
});

describe('breakpoint messages from the driver', () => {
  it('keeps hits and problems of the right shape only', () => {
    const m = parseFromDriver({ kind: 'messages', msgs: [
      { kind: 'breakpoint', hit: { id: 'b1', kind: 'batch', batchTime: 2000, extra: 'x' } },
      { kind: 'breakpoint', hit: { id: 'b2', kind: 'record', batchTime: 2000, nodeId: 'n', record: '(a,1)' } },
      { kind: 'breakpoint', hit: { id: 'b3', kind: 'record', batchTime: 2000 } },
      { kind: 'breakpointProblem', problem: { id: 'b4', message: 'bad' } },
      { kind: 'breakpointProblem', problem: { id: 'b5' } },
    ] });
    expect(m).toEqual({ kind: 'messages', msgs: [
      { kind: 'breakpoint', hit: { id: 'b1', kind: 'batch', batchTime: 2000 } },
      { kind: 'breakpoint', hit: { id: 'b2', kind: 'record', batchTime: 2000, nodeId: 'n', record: '(a,1)' } },
      { kind: 'breakpointProblem', problem: { id: 'b4', message: 'bad' } },
    ] });
  });
});

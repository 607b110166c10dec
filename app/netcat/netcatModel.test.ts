import { describe, expect, it } from 'vitest';
import { appendHistory, isSendShortcut, linesOf, pickEndpoint, socketEndpoints, endpointKey } from './netcatModel';

describe('socketEndpoints', () => {
  it('lists one endpoint per host:port, with defaults, skipping WebSocket hosts and other ops', () => {
    const eps = socketEndpoints([
      { id: 'a', op: 'socketTextStream', params: {} },
      { id: 'b', op: 'socketTextStream', params: { host: 'localhost', port: 9999 }, label: 'lines' },
      { id: 'c', op: 'socketTextStream', params: { host: 'db', port: '7777' } },
      { id: 'd', op: 'socketTextStream', params: { host: 'ws://example.org/feed', port: 80 } },
      { id: 'e', op: 'queueStream', params: {} },
      { id: 'f', op: 'socketTextStream', params: { host: '  ', port: 0 } },
    ]);
    expect(eps.map((e) => endpointKey(e.host, e.port))).toEqual(['localhost:9999', 'db:7777']);
    expect(eps[0].nodes).toEqual([{ id: 'a', label: 'a' }, { id: 'b', label: 'lines' }, { id: 'f', label: 'f' }]);
  });
});

describe('linesOf', () => {
  it('splits on LF and CRLF and drops blank lines', () => {
    expect(linesOf('hello world\r\nhello spark\n\n')).toEqual(['hello world', 'hello spark']);
    expect(linesOf('')).toEqual([]);
  });
});

describe('isSendShortcut', () => {
  it('is Ctrl+Enter or Cmd+Enter', () => {
    expect(isSendShortcut({ key: 'Enter', ctrlKey: true, metaKey: false })).toBe(true);
    expect(isSendShortcut({ key: 'Enter', ctrlKey: false, metaKey: true })).toBe(true);
    expect(isSendShortcut({ key: 'Enter', ctrlKey: false, metaKey: false })).toBe(false);
    expect(isSendShortcut({ key: 'a', ctrlKey: true, metaKey: false })).toBe(false);
  });
});

describe('appendHistory', () => {
  it('numbers entries and keeps at most `limit` lines (whole entries)', () => {
    let h = appendHistory([], { at: 0, host: 'h', port: 1, lines: ['a', 'b'] }, 3);
    h = appendHistory(h, { at: 1, host: 'h', port: 1, lines: ['c'] }, 3);
    expect(h.map((e) => e.seq)).toEqual([1, 2]);
    h = appendHistory(h, { at: 2, host: 'h', port: 1, lines: ['d'] }, 3);
    expect(h.map((e) => e.lines)).toEqual([['c'], ['d']]);
    expect(h.at(-1)!.seq).toBe(3);
  });
});

describe('pickEndpoint', () => {
  const eps = socketEndpoints([{ id: 'a', op: 'socketTextStream', params: {} }, { id: 'b', op: 'socketTextStream', params: { port: 7 } }]);
  it('keeps the chosen endpoint while it exists, else the first', () => {
    expect(pickEndpoint(eps, 'localhost:7')?.port).toBe(7);
    expect(pickEndpoint(eps, 'gone:1')?.port).toBe(9999);
    expect(pickEndpoint([], null)).toBeUndefined();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { useStudio } from './store';
import { throttledView } from './throttle';

describe('throttled views of the store', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('follows at once after a quiet spell, then at most every interval, and always ends on the last value', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const view = throttledView((s) => s.liveCounts, 250);
    const seen: Record<string, number>[] = [];
    view.subscribe((v) => seen.push(v.value));
    useStudio.setState({ liveCounts: { a: 1 } });
    expect(view.getState().value).toEqual({ a: 1 });          // first change: immediately
    for (let i = 2; i <= 10; i++) { vi.advanceTimersByTime(16); useStudio.setState({ liveCounts: { a: i } }); }
    expect(view.getState().value).toEqual({ a: 1 });          // 144 ms later: still the first
    vi.advanceTimersByTime(250);
    expect(view.getState().value).toEqual({ a: 10 });         // the trailing update brings the last value
    expect(seen.map((v) => v.a)).toEqual([1, 10]);
    useStudio.setState({ consoleLines: ['x'] });               // other parts of the store changing are no change
    vi.advanceTimersByTime(1000);
    expect(seen).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { LOG_METHOD, log4jLevel } from './logLevel';

describe('engine log lines at their level', () => {
  it('reads the log4j level a line starts with', () => {
    expect(log4jLevel('INFO JobGenerator: Batches to reschedule (1 batches): 2000 ms')).toBe('INFO');
    expect(log4jLevel('  WARN BlockManager: Block input-0-1 replicated to only 0 peer(s)')).toBe('WARN');
    expect(log4jLevel('ERROR TaskSetManager: Task 0 in stage 1.0 failed 4 times')).toBe('ERROR');
    expect(log4jLevel('TRACE x')).toBe('DEBUG');
    expect(log4jLevel('Information only')).toBeUndefined();
    expect(log4jLevel('a line with INFO later')).toBeUndefined();
  });
  it('shows INFO with console.info and WARN with console.warn, not console.error', () => {
    expect(LOG_METHOD[log4jLevel('INFO x')!]).toBe('info');
    expect(LOG_METHOD[log4jLevel('WARN x')!]).toBe('warn');
    expect(LOG_METHOD[log4jLevel('DEBUG x')!]).toBe('debug');
  });
});

import { describe, expect, it } from 'vitest';
import { appendConsole, batchLines, consoleBlocks, countLines, eventToConsoleError, explainKey, visibleLines } from './consoleModel';
import { errors } from '../../engine/core/errors';
import type { EngineEvent } from '../../engine/core/events';
import { emptyResults, parseTuple, reduceResults, topK } from './resultsModel';
import { formatMaster, parseMaster, sliderFromSpeed, speedFromSlider } from './cluster';

describe('console model', () => {
  it('appends print() blocks as lines and caps them', () => {
    const block = '-------------------------------------------\nTime: 1000 ms\n-------------------------------------------\n(hello,2)\n\n';
    let lines = appendConsole([], block);
    expect(lines).toEqual(['-------------------------------------------', 'Time: 1000 ms', '-------------------------------------------', '(hello,2)', '']);
    lines = appendConsole(lines, block);
    expect(lines.length).toBe(10);
    expect(appendConsole(lines, block, 6).length).toBe(6);
    expect(visibleLines(['a', 'b', 'c'], 2)).toEqual({ lines: ['b', 'c'], hidden: 1 });
  });
  it('picks the lines of one batch for time travel', () => {
    const block = (t: number, rec: string) => `-------------------------------------------\nTime: ${t} ms\n-------------------------------------------\n${rec}\n\n`;
    let lines: string[] = [];
    for (const [t, r] of [[1000, '(a,1)'], [2000, '(b,2)'], [3000, '(c,3)']] as const) lines = appendConsole(lines, block(t, r));
    const b = batchLines(lines, 2000);
    expect(b[1]).toBe('Time: 2000 ms');
    expect(b).toContain('(b,2)');
    expect(b).not.toContain('(a,1)');
    expect(b).not.toContain('(c,3)');
    expect(batchLines(lines, 9000)).toEqual([]);
  });
  it('turns failures into errors with explanations', () => {
    const e = eventToConsoleError({ type: 'jobEnd', time: 1, jobId: 1, result: 'JobFailed', error: 'Job aborted due to stage failure: Task 0 in stage 1.0 failed 4 times', errorCode: 'JOB_ABORTED' });
    expect(e).toMatchObject({ level: 'error', explainKey: 'explain.jobAborted' });
    expect(eventToConsoleError({ type: 'jobEnd', time: 1, jobId: 1, result: 'JobSucceeded' })).toBeNull();
    expect(explainKey(errors.noOutputOperations().code)).toBe('explain.noOutput');
  });

  // What the console explains, by the code each failure carries; the words beside it are Spark's and never read.
  const byCode: [string, EngineEvent, string | undefined][] = [
    ['a job aborted after a task timed out: the cause explains it',
      { type: 'jobEnd', time: 1, jobId: 1, result: 'JobFailed', error: errors.jobAborted(0, 1, 4, 'x').message, errorCode: 'JOB_ABORTED',
        cause: 'TaskTimeout: task exceeded 2000 ms', causeCode: 'TASK_TIMEOUT' }, 'explain.timeout'],
    ['a user function that threw', { type: 'jobEnd', time: 1, jobId: 1, result: 'JobFailed', error: 'Job aborted', errorCode: 'JOB_ABORTED',
      cause: 'TypeError: w.toUpperCas is not a function', causeCode: 'USER_FUNCTION_ERROR' }, 'explain.udfError'],
    ['a cause the console has no words for falls back to the job\'s', { type: 'jobEnd', time: 1, jobId: 1, result: 'JobFailed', error: 'Job aborted',
      errorCode: 'JOB_ABORTED', cause: 'FetchFailed', causeCode: 'EMPTY_COLLECTION' }, 'explain.jobAborted'],
    ['a lost executor', { type: 'jobEnd', time: 1, jobId: 1, result: 'JobFailed', error: 'Job aborted', errorCode: 'JOB_ABORTED',
      cause: 'ExecutorLostFailure (executor 1 exited caused by one of the running tasks)', causeCode: 'EXECUTOR_LOST_BY_APP' }, 'explain.executorLost'],
    ['a foreachRDD that threw on the driver', { type: 'outputOperationCompleted', time: 1,
      outputOperationInfo: { batchTime: 1000, id: 0, name: 'foreachRDD', description: '', failureReason: 'ReferenceError: db is not defined', failureCode: 'USER_FUNCTION_ERROR' } }, 'explain.udfError'],
    ['receivers holding every slot', { type: 'warning', time: 0, code: 'receiversNeedMoreSlots', message: 'anything at all' }, 'explain.oneSlot'],
    ['a warning without an explanation', { type: 'warning', time: 0, code: 'checkpointUnreadable', message: 'Task not serializable' }, undefined],
    ['words that once matched, without a code, explain nothing', { type: 'jobEnd', time: 1, jobId: 1, result: 'JobFailed',
      error: 'requirement failed: No output operations registered, so nothing to execute' }, undefined],
  ];
  it.each(byCode)('picks the explanation by code: %s', (_name, event, key) => {
    expect(eventToConsoleError(event)?.explainKey).toBe(key);
  });

  it('looks a code from another realm up as data', () => {
    expect(explainKey('toString')).toBeUndefined();
    expect(explainKey('__proto__')).toBeUndefined();
    expect(explainKey(undefined)).toBeUndefined();
    expect(explainKey('SHIPPED_SYNTAX_ERROR')).toBe('explain.syntax');
  });
});

describe('console blocks', () => {
  it('counts the lines appendConsole adds', () => {
    for (const text of ['a', 'a\n', 'a\nb', 'a\nb\n', '\n', '', 'x\r\ny\n\n']) {
      expect(countLines(text), JSON.stringify(text)).toBe(appendConsole([], text, 1e9).length);
    }
  });

  it('keys blocks by their position in the run, so appending leaves earlier blocks as they were', () => {
    let lines: string[] = [];
    let dropped = 0;
    const texts: Map<number, string>[] = [];
    for (let b = 0; b < 40; b++) {
      const text = `-------------------------------------------\nTime: ${b * 1000} ms\n-------------------------------------------\n(k,${b})\n\n`;
      const next = appendConsole(lines, text, 100);
      dropped += lines.length + countLines(text) - next.length;
      lines = next;
      const blocks = consoleBlocks(lines, dropped, 16);
      // Together the blocks are the buffer, one line per line.
      expect(blocks.map((x) => x.text).join('')).toBe(lines.join('\n') + '\n');
      texts.push(new Map(blocks.map((x) => [x.key, x.text])));
    }
    // Between two appends, only the first (partly dropped) and the last (growing) blocks may change.
    for (let i = 1; i < texts.length; i++) {
      const keys = [...texts[i].keys()].filter((k) => texts[i - 1].has(k));
      const changed = keys.filter((k) => texts[i].get(k) !== texts[i - 1].get(k));
      expect(changed.every((k) => k === keys[0] || k === keys[keys.length - 1]), `append ${i}: ${changed}`).toBe(true);
    }
    expect(consoleBlocks([], 0)).toEqual([]);
  });
});

describe('cluster settings', () => {
  it('parses and formats master URLs', () => {
    expect(parseMaster('local-cluster[2,2,1024]')).toEqual({ mode: 'cluster', executors: 2, cores: 2, memoryMiB: 1024 });
    expect(parseMaster('local[*]')).toEqual({ mode: 'local', cores: '*' });
    expect(parseMaster('local')).toEqual({ mode: 'local', cores: 1 });
    expect(formatMaster({ mode: 'local', cores: 4 })).toBe('local[4]');
    expect(formatMaster(parseMaster('local-cluster[3,1,512]'))).toBe('local-cluster[3,1,512]');
  });
  it('maps the speed slider on a log scale', () => {
    expect(speedFromSlider(0)).toBe(0.1);
    expect(speedFromSlider(50)).toBe(1);
    expect(speedFromSlider(100)).toBe(10);
    expect(sliderFromSpeed(2)).toBe(65);
  });
});

describe('results view model', () => {
  it('parses Spark tuples', () => {
    expect(parseTuple('(hello,2)')).toEqual(['hello', '2']);
    expect(parseTuple('(a,(1,x))')).toEqual(['a', '(1,x)']);
    expect(parseTuple('((a,b),3)')).toEqual(['(a,b)', '3']);
    expect(parseTuple('hello')).toBeNull();
  });
  it('keeps the latest batch and upserts a key/value table', () => {
    const ev = (batchTime: number, records: string[]) => ({ type: 'recordsSample' as const, time: batchTime, batchTime, dstreamId: 1, nodeId: 'counts', count: records.length, records });
    let s = reduceResults(emptyResults(), [ev(1000, ['(hello,2)', '(world,1)'])]);
    s = reduceResults(s, [ev(2000, ['(hello,5)'])]);
    expect(s.latest.counts.records).toEqual(['(hello,5)']);
    expect(s.db.counts.hello).toEqual({ key: 'hello', value: '5', batchTime: 2000 });
    expect(s.db.counts.world.value).toBe('1');
    expect(topK(Object.values(s.db.counts))).toEqual([{ key: 'hello', value: 5 }, { key: 'world', value: 1 }]);
    expect(reduceResults(s, [{ type: 'stdout', time: 0, text: 'x' }])).toBe(s);
  });
});

import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../engine/core/events';
import { answeringNodes, initialRunner, lessonComplete, matchValue, measure, reduceRunner, stepStatus, type RunnerInput, type RunnerState } from './runner';
import type { Lesson } from './schema';

const L = (en: string) => ({ en, 'zh-CN': `中文 ${en}` });
const lesson: Lesson = {
  version: 1, id: 'demo', order: 1, title: L('Demo'), summary: L('Demo'),
  pipeline: { example: 'wordcount.json' },
  steps: [
    { id: 'read', title: L('read'), text: L('read'), action: { kind: 'read', hint: L('go on') } },
    {
      id: 'batches', title: L('b'), text: L('b'), action: { kind: 'step', hint: L('step') },
      check: { event: 'batchCompleted', count: 2 },
      predict: { kind: 'number', prompt: L('how many?'), measure: { event: 'recordsSample', nodeId: 'win', value: 'count', agg: 'last' }, explain: L('x') },
    },
    { id: 'fault', title: L('f'), text: L('f'), action: { kind: 'injectFault', hint: L('kill') }, check: { all: [{ event: 'faultInjected', fault: 'killExecutor' }, { event: 'clusterStep', index: 5, since: 'run' }] } },
    { id: 'graph', title: L('g'), text: L('g'), action: { kind: 'connect', hint: L('c') }, check: { any: [{ graph: { hasEdge: { from: 'flatMap', to: 'print' } } }, { graph: { master: { matches: '^local\\[1\\]$' } } }] } },
    {
      id: 'ui', title: L('u'), text: L('u'), action: { kind: 'export', hint: L('e') }, check: { ui: { exported: 'scala' } },
      predict: { kind: 'choice', prompt: L('which?'), options: [L('a'), L('b')], answer: 1, explain: L('x') },
    },
  ],
};

const batch = (t: number, n = 1): EngineEvent => ({ type: 'batchCompleted', time: t, batchInfo: { batchTime: t, streamIdToInputInfo: {}, submissionTime: t, numRecords: n, outputOperationInfos: {} } });
const sample = (t: number, count: number): EngineEvent => ({ type: 'recordsSample', time: t, batchTime: t, dstreamId: 3, nodeId: 'win', count, records: [] });
const run = (s: RunnerState, ...inputs: RunnerInput[]) => inputs.reduce((acc, i) => reduceRunner(lesson, acc, i), s);
const events = (...es: EngineEvent[]): RunnerInput => ({ kind: 'events', events: es });
const graph = (nodes: [string, string][], edges: [string, string][], master = 'local[2]'): RunnerInput => ({
  kind: 'graph',
  graph: { master, batchDuration: 1000, nodes: nodes.map(([id, op]) => ({ id, op, params: {}, position: { x: 0, y: 0 } })), edges: edges.map(([source, target], i) => ({ id: `e${i}`, source, target })) },
});

describe('lesson runner', () => {
  it('a read step completes when the learner goes on', () => {
    const s = run(initialRunner(lesson), { kind: 'next' });
    expect(s.done).toEqual([true, false, false, false, false]);
    expect(s.stepIndex).toBe(1);
  });

  it('counts events since the step began, and needs the prediction', () => {
    let s = run(initialRunner(lesson), events(batch(1000)), { kind: 'next' });
    // The batch before the step does not count.
    s = run(s, events(batch(2000), sample(2000, 7)));
    expect(stepStatus(lesson, s).progress).toEqual({ met: 1, total: 2 });
    s = run(s, events(batch(3000), sample(3000, 9)));
    expect(stepStatus(lesson, s).checkMet).toBe(true);
    expect(s.done[1]).toBe(false);             // not answered yet: predict, then run
    expect(stepStatus(lesson, s).revealed).toBe(false);
    s = run(s, { kind: 'answer', answer: { kind: 'number', value: 8 } });
    expect(s.done[1]).toBe(true);
    const st = stepStatus(lesson, s);
    expect(st).toMatchObject({ revealed: true, truth: 9, correct: false });
    // Done is sticky: a new run does not undo it, and the measured truth is kept.
    s = run(s, { kind: 'runReset' });
    expect(stepStatus(lesson, s)).toMatchObject({ done: true, truth: 9 });
  });

  it('filters on fields, scopes "run" checks to the whole run and resets them with the run', () => {
    let s = run(initialRunner(lesson), { kind: 'goto', index: 2 });
    s = run(s, events({ type: 'clusterStep', time: 0, step: 'dagSubmitted', index: 5, detail: '' }));
    s = run(s, events({ type: 'faultInjected', time: 1, fault: 'crashReceiver', target: '0', detail: '' }));
    expect(s.done[2]).toBe(false);
    s = run(s, { kind: 'runReset' }, events({ type: 'faultInjected', time: 1, fault: 'killExecutor', target: '1', detail: '' }));
    expect(s.done[2]).toBe(false);             // the start-up of the earlier run does not count
    s = run(s, events({ type: 'clusterStep', time: 0, step: 'dagSubmitted', index: 5, detail: '' }));
    expect(s.done[2]).toBe(true);
  });

  it('evaluates graph checks on the latest graph', () => {
    let s = run(initialRunner(lesson), { kind: 'goto', index: 3 });
    s = run(s, graph([['a', 'flatMap'], ['b', 'print']], []));
    expect(s.done[3]).toBe(false);
    s = run(s, graph([['a', 'flatMap'], ['b', 'print']], [['b', 'a']]));
    expect(s.done[3]).toBe(false);             // the edge goes the wrong way
    s = run(s, graph([['a', 'flatMap'], ['b', 'print']], [['a', 'b']]));
    expect(s.done[3]).toBe(true);
  });

  it('UI checks and choice questions', () => {
    let s = run(initialRunner(lesson), { kind: 'goto', index: 4 }, { kind: 'answer', answer: { kind: 'choice', index: 1 } });
    expect(stepStatus(lesson, s).revealed).toBe(false);
    s = run(s, { kind: 'ui', exported: 'ts' });
    expect(s.done[4]).toBe(false);
    s = run(s, { kind: 'ui', exported: 'scala' });
    expect(stepStatus(lesson, s)).toMatchObject({ done: true, revealed: true, truth: 1, correct: true });
  });

  it('completes the lesson', () => {
    let s = run(initialRunner(lesson), { kind: 'next' }, events(batch(1), sample(1, 3), batch(2), sample(2, 3)), { kind: 'answer', answer: { kind: 'number', value: 3 } }, { kind: 'next' });
    s = run(s, events({ type: 'clusterStep', time: 0, step: 'dagSubmitted', index: 5, detail: '' }, { type: 'faultInjected', time: 1, fault: 'killExecutor', target: '1', detail: '' }), { kind: 'next' });
    s = run(s, graph([['x', 'print']], [], 'local[1]'), { kind: 'next' }, { kind: 'ui', exported: 'scala' }, { kind: 'answer', answer: { kind: 'choice', index: 0 } });
    expect(lessonComplete(lesson, s)).toBe(true);
    expect(stepStatus(lesson, s).correct).toBe(false);
  });

  it('navigation stays within the lesson', () => {
    let s = run(initialRunner(lesson), { kind: 'prev' });
    expect(s.stepIndex).toBe(0);
    s = run(s, { kind: 'goto', index: 99 });
    expect(s.stepIndex).toBe(4);
  });

  it('ignores events no check reads', () => {
    const s0 = initialRunner(lesson);
    expect(run(s0, events({ type: 'stdout', time: 0, text: 'x' }))).toBe(s0);
  });

  it('matches values and measures', () => {
    expect(matchValue(5, { gt: 4, lte: 5 })).toBe(true);
    expect(matchValue('abc', { includes: 'b' })).toBe(true);
    expect(matchValue('local[2]', { matches: '^local\\[[2-9]\\]$' })).toBe(true);
    expect(matchValue(undefined, { gt: 0 })).toBe(false);
    expect(matchValue(2000, '2000')).toBe(true);
    const s = run(initialRunner(lesson), { kind: 'next' }, events(sample(1, 2), sample(2, 5)));
    expect(measure(s, { event: 'recordsSample', value: 'count', agg: 'sum' })).toBe(7);
    expect(measure(s, { event: 'recordsSample', value: 'count', agg: 'max' })).toBe(5);
    expect(measure(s, { event: 'recordsSample', nodeId: 'other', value: 'count' })).toBeUndefined();
    expect(measure(s, { event: 'recordsSample' })).toBe(2);
  });
});

describe('predict first, judge after the run', () => {
  const config: Lesson = {
    ...lesson, id: 'config',
    steps: [
      {
        id: 'master', title: L('m'), text: L('m'), action: { kind: 'setMaster', hint: L('set') }, check: { graph: { master: 'local[1]' } },
        predict: { kind: 'choice', prompt: L('what happens?'), options: [L('a'), L('b')], answer: 1, explain: L('x') },
      },
      { id: 'run', title: L('r'), text: L('r'), action: { kind: 'step', hint: L('step') }, check: { event: 'warning' } },
    ],
  };
  const go = (s: RunnerState, ...inputs: RunnerInput[]) => inputs.reduce((acc, i) => reduceRunner(config, acc, i), s);
  const warning: EngineEvent = { type: 'warning', time: 1000, code: 'batchStarvedByReceivers', message: 'Batch 1000 ms cannot run: every task slot is held by a receiver.' };

  it('does not judge a prediction about a configuration change until a batch ran with it', () => {
    let s = go(initialRunner(config), { kind: 'answer', answer: { kind: 'choice', index: 1 } }, graph([], [], 'local[1]'));
    expect(stepStatus(config, s).checkMet).toBe(true);
    expect(s.done[0]).toBe(true);                       // the learner may go on...
    expect(stepStatus(config, s).revealed).toBe(false);  // ...but "Right!" waits for the run
    s = go(s, events(warning));
    expect(stepStatus(config, s, 0)).toMatchObject({ revealed: true, correct: true });
  });

  it('judges it when the run happens in the next step', () => {
    let s = go(initialRunner(config), { kind: 'answer', answer: { kind: 'choice', index: 0 } }, graph([], [], 'local[1]'), { kind: 'next' });
    expect(stepStatus(config, s, 0).revealed).toBe(false);
    s = go(s, events(warning));
    expect(stepStatus(config, s, 0)).toMatchObject({ revealed: true, correct: false });
  });

  it('a batch before the configuration change does not judge it', () => {
    let s = go(initialRunner(config), { kind: 'answer', answer: { kind: 'choice', index: 1 } }, events(batch(1000)), graph([], [], 'local[1]'));
    expect(stepStatus(config, s).revealed).toBe(false);
    s = go(s, events(warning));
    expect(stepStatus(config, s).revealed).toBe(true);
  });

  it('hides the counts of the node a measured question reads until the learner has answered', () => {
    let s = run(initialRunner(lesson), { kind: 'next' });
    expect(answeringNodes(lesson, s)).toEqual(['win']);
    s = run(s, { kind: 'answer', answer: { kind: 'number', value: 3 } });
    expect(answeringNodes(lesson, s)).toEqual([]);
  });
});

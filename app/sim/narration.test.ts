/**
 * Guided fault narration on real event sequences: each fault is injected into a PipelineSession run in Node
 * (local-cluster[2,2,1024]: executors are worker_threads), and the recorded events are folded through the
 * narration reducer, as the studio folds them.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import { PipelineSession } from '../../engine/graph/session';
import { MemoryFileSystem } from '../../engine/core/fileSystem';
import { loadExample, recordRun } from '../panels/model/recordRun';
import { sim } from '../i18n/sim';
import { currentStep, initialGuide, reduceGuide, reduceGuideAll, stepKey, stepsFor, type GuideState } from './narration';

const CLUSTER = 'local-cluster[2,2,1024]';
const demo = () => loadExample('fault-tolerance-demo');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const doneIds = (g: GuideState) => g.active!.steps.filter((s) => s.status === 'done').map((s) => s.id);

/** Folds events one by one and records the order in which steps completed. */
function narrate(events: EngineEvent[], enabled = true) {
  let g = initialGuide(enabled);
  const order: string[] = [];
  for (const e of events) {
    const before = new Set(g.active ? doneIds(g) : []);
    const seq = g.active?.seq;
    g = reduceGuide(g, e);
    if (g.active && g.active.seq !== seq) before.clear();
    if (g.active) for (const id of doneIds(g)) if (!before.has(id)) order.push(id);
  }
  return { g, order };
}

describe('guided fault narration (real runs)', () => {
  it('killExecutor while its tasks run: removed → tasks lost → stage resubmitted → replacement → batch completes', async () => {
    let killed = false;
    const run = await recordRun(demo(), {
      master: CLUSTER, batches: 7,
      onEvent: (e, inject) => { if (!killed && e.type === 'taskStart' && e.time >= 4000 && e.executorId === '1') { killed = true; void inject('killExecutor', ['1']); } },
      beforeStep: async (i) => { if (i >= 3) await pause(600); },
    });
    const { g, order } = narrate(run.events);
    const n = g.active!;
    expect(n.fault).toBe('killExecutor');
    expect(n.complete).toBe(true);
    expect(order[0]).toBe('killed');
    expect(order.indexOf('removed')).toBeGreaterThan(0);
    expect(order.indexOf('resubmitted')).toBeGreaterThan(order.indexOf('removed'));
    expect(order).toContain('tasksLost');
    expect(order).toContain('replacement');
    expect(order).toContain('batchDone');
    expect(n.vars).toMatchObject({ target: '1', replacement: '2', batch: 4000 });
    expect(currentStep(n)).toBeUndefined();
  }, 60_000);

  it('killExecutor between batches: lost shuffle outputs are recomputed; the receiver moves', async () => {
    const run = await recordRun(demo(), {
      master: CLUSTER, batches: 7,
      beforeStep: async (i, inject) => { if (i === 3) await inject('killExecutor', ['0']); if (i >= 3) await pause(600); },
    });
    const { g } = narrate(run.events);
    const n = g.active!;
    expect(n.complete).toBe(true);
    const status = Object.fromEntries(n.steps.map((s) => [s.id, s.status]));
    expect(status).toMatchObject({ killed: 'done', removed: 'done', receiverMoved: 'done', replacement: 'done', batchDone: 'done', tasksLost: 'skipped' });
    expect(n.vars.executor).toBe('1');
  }, 60_000);

  it('crashReceiver: error → stopped → restart delay → started → batch', async () => {
    const run = await recordRun(demo(), { master: CLUSTER, batches: 7, beforeStep: async (i, inject) => { if (i === 3) await inject('crashReceiver', [0]); } });
    const { g, order } = narrate(run.events);
    expect(order).toEqual(['crashed', 'error', 'stopped', 'restartDelay', 'started', 'batchDone']);
    expect(g.active!.complete).toBe(true);
  }, 60_000);

  it('failNextTask: failed → retry attempt → success → batch', async () => {
    const run = await recordRun(demo(), { master: CLUSTER, batches: 5, beforeStep: async (i, inject) => { if (i === 3) await inject('failNextTask', []); } });
    const { g, order } = narrate(run.events);
    expect(order).toEqual(['armed', 'failed', 'retry', 'success', 'batchDone']);
    expect(g.active!.vars).toMatchObject({ attempt: 1 });
    expect(typeof g.active!.vars.stage).toBe('number');
  }, 60_000);

  it('crashDriver with restart: stopped → new driver → recovered → re-run batch', async () => {
    const events: EngineEvent[] = [];
    const s = new PipelineSession(demo(), { master: CLUSTER, onEvent: (e) => events.push(structuredClone(e)), fileSystem: (now) => new MemoryFileSystem(now) });
    await s.start();
    await s.step(3);
    await s.restartDriver();
    await s.step(2);
    await s.stop();
    const { g, order } = narrate(events);
    expect(order.filter((id) => id !== 'executors')).toEqual(['crashed', 'stopped', 'newDriver', 'recovered', 'rerun']);
    expect(g.active!.vars).toMatchObject({ checkpoint: 3000, rerun: 1, first: 3000, batch: 3000 });
    expect(g.active!.complete).toBe(true);
  }, 60_000);

  it('loseBlock with the WAL: the block is re-read from the log', async () => {
    const run = await recordRun(demo(), {
      master: CLUSTER, batches: 5,
      beforeStep: async (i, inject, evs) => { if (i === 3) { const b = [...evs].reverse().find((e) => e.type === 'blockReceived') as { blockId: string }; await inject('loseBlock', [b.blockId]); } },
    });
    const { g, order } = narrate(run.events);
    expect(order).toEqual(['lost', 'walReread', 'batchDone']);
    expect(g.wal).toBe(true);
  }, 60_000);

  it('loseBlock without the WAL tells the replica / loss story', async () => {
    const graph = { ...demo(), conf: { 'spark.streaming.receiver.writeAheadLog.enable': 'false' } };
    const run = await recordRun(graph, {
      master: CLUSTER, batches: 5,
      beforeStep: async (i, inject, evs) => { if (i === 3) { const b = [...evs].reverse().find((e) => e.type === 'blockReceived') as { blockId: string }; await inject('loseBlock', [b.blockId]); } },
    });
    const { g, order } = narrate(run.events);
    expect(g.wal).toBe(false);
    expect(order).toEqual(['lost', 'noWal', 'batchDone']);
  }, 60_000);

  it('is silent when disabled, but still tracks the WAL; chunking does not matter', async () => {
    const run = await recordRun(demo(), { master: CLUSTER, batches: 3, beforeStep: async (i, inject) => { if (i === 1) await inject('failNextTask', []); } });
    const off = reduceGuideAll(initialGuide(false), run.events);
    expect(off.active).toBeNull();
    expect(off.wal).toBe(true);
    const whole = reduceGuideAll(initialGuide(true), run.events);
    let chunked = initialGuide(true);
    for (let i = 0; i < run.events.length; i += 7) chunked = reduceGuideAll(chunked, run.events.slice(i, i + 7));
    expect(chunked).toEqual(whole);
    expect(whole.active?.complete).toBe(true);
  }, 60_000);

  it('failNextTask in local mode: no retry, the job aborts and the narration says why', async () => {
    const run = await recordRun(demo(), { master: 'local[2]', batches: 3, beforeStep: async (i, inject) => { if (i === 1) await inject('failNextTask', []); } });
    const { g, order } = narrate(run.events);
    expect(order).toEqual(['armed', 'failed']);
    expect(g.active).toMatchObject({ complete: true, aborted: 'abortedLocal' });
    expect(String(g.active!.vars.error)).toMatch(/Job aborted due to stage failure/);
  }, 60_000);

  it('a second fault closes the first narration into the history', () => {
    const f = (fault: FaultKind, time: number): EngineEvent => ({ type: 'faultInjected', time, fault, target: '*/*', detail: '' });
    const g = reduceGuideAll(initialGuide(true), [f('failNextTask', 1000), f('slowTask', 2000)]);
    expect(g.history).toHaveLength(1);
    expect(g.history[0].steps.filter((s) => s.status === 'skipped').map((s) => s.id)).toEqual(['failed', 'retry', 'success', 'batchDone']);
    expect(g.active?.fault).toBe('slowTask');
  });

  it('every step has text in both languages with the same placeholders', () => {
    const kinds: FaultKind[] = ['killExecutor', 'crashReceiver', 'failNextTask', 'slowTask', 'crashDriver', 'loseBlock'];
    const vars = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]))].sort().join(','); // {name} or {name, plural, …}
    for (const k of kinds) {
      for (const wal of [true, false]) {
        for (const st of stepsFor(k, { wal })) {
          const key = stepKey(k, st.id);
          expect(sim.en[key], key).toBeTruthy();
          expect(vars(sim['zh-CN'][key] ?? ''), key).toBe(vars(sim.en[key]));
        }
      }
      expect(sim.en[`sim.guide.title.${k}`]).toBeTruthy();
    }
    for (const key of Object.keys(sim.en)) expect(vars(sim['zh-CN'][key] ?? ''), key).toBe(vars(sim.en[key]));
  });
});

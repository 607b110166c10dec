/**
 * Every lesson, played as a learner would against the real engine (PipelineSession in Node): each step's action is
 * performed, the engine's events and the edited graph are fed to the runner, and every check must pass and every
 * prediction be right. Printed text is read from stdout events only (as the studio's console does). The kill-executor
 * step of the fault-tolerance lesson runs on local-cluster (worker_threads) and must print what a fault-free run prints.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineEvent, FaultKind } from '../../engine/core/events';
import { PipelineSession } from '../../engine/graph/session';
import type { PipelineGraph } from '../../engine/graph/types';
import { parsePipelineRef } from './loader';
import { initialRunner, judgedByRun, lessonComplete, measure, reduceRunner, stepStatus, type Answer, type RunnerInput, type RunnerState } from './runner';
import { validateLesson, type ExportLang, type Lesson, type PipelineRef } from './schema';
import { loadLessonFile } from './testing';

const root = join(__dirname, '../../public');
const tmp = mkdtempSync(join(tmpdir(), 'lessons-'));

class Learner {
  state: RunnerState;
  graph!: PipelineGraph;
  session: PipelineSession | null = null;
  private pending: EngineEvent[] = [];
  stdout = '';
  constructor(readonly lesson: Lesson) { this.state = initialRunner(lesson); }

  private feed(i: RunnerInput) { this.state = reduceRunner(this.lesson, this.state, i); }
  flush() { const es = this.pending.splice(0); if (es.length) this.feed({ kind: 'events', events: es }); }
  private setGraph(g: PipelineGraph) {
    // Files go to a temporary directory, not the working directory.
    g = { ...g, nodes: g.nodes.map((n) => (typeof n.params.prefix === 'string' ? { ...n, params: { ...n.params, prefix: join(tmp, n.params.prefix) } } : n)) };
    this.graph = g; this.feed({ kind: 'graph', graph: g }); }

  async load(ref: PipelineRef) {
    await this.stop();
    this.setGraph(parsePipelineRef(ref, 'example' in ref ? readFileSync(join(root, 'examples', ref.example), 'utf8') : undefined));
  }
  async start() {
    this.feed({ kind: 'runReset' });
    this.stdout = '';
    this.session = new PipelineSession(this.graph, {
      checkpointDir: `${this.graph.checkpointDir ?? 'checkpoints/lesson'}-${Math.random().toString(36).slice(2)}`,
      // Every printed text (print(), ssc.stdout in foreachRDD) arrives as a stdout event, as the studio reads it.
      onEvent: (e) => { if (e.type === 'stdout') this.stdout += e.text; this.pending.push(e); },
    });
    await this.session.start();
    this.flush();
  }
  async step(n = 1) { if (!this.session) await this.start(); for (let i = 0; i < n; i++) { await this.session!.step(1); this.flush(); } }
  async stop() { if (this.session) { await this.session.stop(); this.session = null; this.flush(); } }
  async fault(kind: FaultKind, ...args: unknown[]) { await this.session!.injectFault(kind, args); this.flush(); }
  async setMaster(master: string) { await this.stop(); this.setGraph({ ...this.graph, master }); }
  setParam(nodeId: string, k: string, v: unknown) {
    this.setGraph({ ...this.graph, nodes: this.graph.nodes.map((n) => (n.id === nodeId ? { ...n, params: { ...n.params, [k]: v } } : n)) });
  }
  add(id: string, op: string, params: Record<string, unknown> = {}, from?: string) {
    this.setGraph({
      ...this.graph,
      nodes: [...this.graph.nodes, { id, op, params, position: { x: 0, y: 0 } }],
      edges: from ? [...this.graph.edges, { id: `e-${from}-${id}`, source: from, target: id }] : this.graph.edges,
    });
  }
  ui(panel?: string, exported?: ExportLang) { this.feed({ kind: 'ui', ...(panel ? { panel } : {}), ...(exported ? { exported } : {}) }); }
  answer(a: Answer) { this.feed({ kind: 'answer', answer: a }); }
  /** Answers the current step's question with its true answer (static, or measured from the run so far). */
  answerRight() {
    const q = this.lesson.steps[this.state.stepIndex].predict!;
    if (q.kind === 'choice') this.answer({ kind: 'choice', index: q.answer });
    else this.answer({ kind: 'number', value: (q.measure ? measure(this.state, q.measure) : undefined) ?? q.answer! });
  }
  async next() {
    const i = this.state.stepIndex;
    expect(this.state.done[i] || (!this.lesson.steps[i].check && !this.lesson.steps[i].predict), `step ${this.lesson.steps[i].id} not done`).toBe(true);
    this.feed({ kind: 'next' });
    const step = this.lesson.steps[this.state.stepIndex];
    if (step.pipeline) await this.load(step.pipeline);
    if (step.panel) this.ui(step.panel);
  }
  /** Goes on without the step being done (for steps that wait for an engine feature). */
  skip() { this.feed({ kind: 'next' }); const st = this.lesson.steps[this.state.stepIndex]; return st.pipeline ? this.load(st.pipeline) : Promise.resolve(); }
  expectDone(correct = true) {
    const i = this.state.stepIndex;
    const st = stepStatus(this.lesson, this.state);
    expect(st.done, `step ${this.lesson.steps[i].id}: ${JSON.stringify(st)}`).toBe(true);
    // A prediction about a configuration change is judged by the next run (expectJudged), not on the change.
    if (this.lesson.steps[i].predict && judgedByRun(this.lesson.steps[i])) expect(st.revealed, `prediction of ${this.lesson.steps[i].id} judged before a run`).toBe(false);
    else if (this.lesson.steps[i].predict) expect(st.correct, `prediction of ${this.lesson.steps[i].id}: truth ${st.truth}`).toBe(correct);
  }
  /** The earlier step `id`'s prediction has been judged (after a run), and judged right. */
  expectJudged(id: string) {
    const i = this.lesson.steps.findIndex((x) => x.id === id);
    expect(stepStatus(this.lesson, this.state, i), `prediction of ${id}`).toMatchObject({ revealed: true, correct: true });
  }
}

async function begin(file: string): Promise<Learner> {
  const lesson = loadLessonFile(file);
  expect(validateLesson(lesson).ok).toBe(true);
  const l = new Learner(lesson);
  await l.load(lesson.pipeline);
  if (lesson.steps[0].panel) l.ui(lesson.steps[0].panel);
  return l;
}

describe('lessons played against the real engine', () => {
  it('1 design idea', async () => {
    const l = await begin('design-idea.json');
    await l.next();
    l.answer({ kind: 'number', value: 5 }); await l.step(1); l.expectDone(); await l.next();
    l.answerRight(); await l.step(2); l.expectDone(); await l.next();
    l.answer({ kind: 'number', value: 0 }); await l.step(1); l.expectDone();
    expect(l.stdout).toContain('Time: 4000 ms');
    expect(lessonComplete(l.lesson, l.state)).toBe(true);
    await l.stop();
  });

  it('2 architecture, with the local[1] pitfall', async () => {
    const l = await begin('architecture.json');
    await l.next();
    l.answerRight(); await l.step(1); l.expectDone(); await l.next();
    l.answerRight(); await l.step(2); l.expectDone(); await l.next();
    l.answerRight(); await l.setMaster('local[1]'); l.expectDone(); await l.next();
    await l.step(1); l.expectDone(); l.expectJudged('local1');
    expect(l.state.log.some((e) => e.type === 'batchCompleted')).toBe(false);   // nothing processed
    await l.next();
    await l.setMaster('local[2]'); await l.step(1); l.expectDone();
    expect(lessonComplete(l.lesson, l.state)).toBe(true);
    await l.stop();
  });

  it('3 input', async () => {
    const l = await begin('input.json');
    l.answerRight(); await l.step(2); l.expectDone();
    const perBatch = l.state.log.filter((e) => e.type === 'blockReceived' && e.time > 1000 && e.time <= 2000).length;
    expect(perBatch).toBe(5);
    await l.next();
    l.answer({ kind: 'number', value: 5 }); await l.step(1); l.expectDone(); await l.next();
    // Back-pressure: the demo's simulated processing cost makes batches slower than the input, so the PID lowers the rate.
    l.answerRight();
    for (let i = 0; i < 6 && !l.state.done[l.state.stepIndex]; i++) await l.step(1);
    l.expectDone();
    // 1 ms of simulated work per record: the processing sustains 1000 records/s, the rate settles there (the source offers 2000/s).
    const rates = l.state.log.filter((e): e is Extract<EngineEvent, { type: 'rateUpdated' }> => e.type === 'rateUpdated').map((e) => e.rate);
    expect(rates.at(-1)).toBe(1000);
    await l.next();
    l.answer({ kind: 'number', value: 0 }); await l.step(2); l.expectDone();
    await l.stop();
  });

  it('4 transformation', async () => {
    const l = await begin('transformation.json');
    await l.step(3); l.expectDone();
    const tagCounts = l.state.log.filter((e): e is Extract<EngineEvent, { type: 'recordsSample' }> => e.type === 'recordsSample' && e.nodeId === 'tags' && e.batchTime <= 3000).map((e) => e.count);
    expect(tagCounts).toHaveLength(3);
    await l.next();
    l.answerRight(); l.ui('windows'); l.expectDone(); await l.next();
    l.answerRight(); await l.stop(); l.setParam('win', 'slide', 2000); l.expectDone(); await l.next();
    await l.step(4); l.expectDone(); l.expectJudged('slide');
    expect(l.stdout).not.toContain('Time: 3000 ms');
    await l.next();
    l.answerRight(); l.expectDone(); await l.next();
    l.answer({ kind: 'number', value: 3 }); await l.step(2); l.expectDone();
    expect(l.stdout).toContain('(hello,3)');
    await l.next();
    l.answerRight(); l.expectDone();
    expect(lessonComplete(l.lesson, l.state)).toBe(true);
    await l.stop();
  });

  it('5 output', async () => {
    const l = await begin('output.json');
    l.answer({ kind: 'number', value: 3 }); await l.step(1); l.expectDone(); await l.next();
    l.answerRight(); await l.step(1); l.expectDone(); await l.next();
    l.answerRight(); await l.step(1); l.expectDone(); await l.next();
    l.answerRight(); await l.step(2); l.expectDone();
    expect(lessonComplete(l.lesson, l.state)).toBe(true);
    await l.stop();
  });

  it('6 fault tolerance', async () => {
    const l = await begin('fault-tolerance.json');
    await l.next();
    l.answerRight(); await l.step(2); l.expectDone(); await l.next();
    l.answerRight(); await l.fault('failNextTask'); await l.step(1); l.expectDone(); await l.next();
    l.answer({ kind: 'number', value: 0 }); await l.fault('crashReceiver', 0);
    for (let i = 0; i < 4 && !l.state.done[l.state.stepIndex]; i++) await l.step(1);
    l.expectDone(); await l.next();
    // Restart the driver from its checkpoint (PipelineSession.restartDriver: crashDriver, then getOrCreate), then Step.
    l.answerRight();
    const restart = await l.session!.restartDriver(); l.flush();
    await l.step(1); l.expectDone();
    expect(restart.checkpointTime).toBeGreaterThan(0);
    // The new driver recovered, then completed batches (the rescheduled ones first).
    const recovered = l.state.log.findIndex((e) => e.type === 'contextRecovered');
    expect(recovered).toBeGreaterThanOrEqual(0);
    expect(l.state.log.slice(recovered).some((e) => e.type === 'batchCompleted')).toBe(true);
    await l.next();
    l.answerRight(); await l.step(2); l.expectDone();
    // The executor step runs on local-cluster: executors are worker_threads here, Web Workers in the browser.
    await l.next();
    expect(l.graph.master).toMatch(/^local-cluster/);
    l.answerRight(); await l.step(2);
    const printed = l.stdout;
    await l.fault('killExecutor', '1'); await l.step(2); l.expectDone();
    expect(lessonComplete(l.lesson, l.state)).toBe(true);
    await l.stop();
    // The same batches without the fault print the same windows.
    const clean = await begin('fault-tolerance.json');
    await clean.load(l.lesson.steps[l.lesson.steps.length - 1].pipeline!);
    await clean.step(4); await clean.stop();
    expect(l.stdout.startsWith(printed)).toBe(true);
    expect(l.stdout).toBe(clean.stdout);
  }, 60_000);

  it('7 programming example: built step by step, exported', async () => {
    const l = await begin('programming-example.json');
    await l.next();
    l.add('tags', 'flatMap', {}, 'tweets'); l.expectDone(); await l.next();
    l.setParam('tags', 'f', "t => t.text.split(' ').filter(w => w.startsWith('#'))"); l.expectDone(); await l.next();
    l.add('counts', 'countByValue', {}, 'tags'); l.expectDone(); await l.next();
    l.add('print', 'print', {}, 'counts'); l.expectDone(); await l.next();
    l.answerRight(); await l.step(2); l.expectDone();
    expect(l.stdout).toMatch(/\(#\w+,\d+\)/);
    await l.next();
    l.add('save', 'saveAsHadoopFiles', { prefix: 'hdfs://namenode/user/tags' }, 'counts'); l.expectDone(); await l.next();
    l.ui(undefined, 'ts'); l.ui(undefined, 'scala'); expect(l.state.done[l.state.stepIndex]).toBe(false); l.ui(undefined, 'python'); l.expectDone();
    expect(lessonComplete(l.lesson, l.state)).toBe(true);
    await l.stop();
  });

  // Engine behaviours the lessons teach.
  it('engine: a stream feeding a window is sampled once per batch (window at 3000 ms = sum of the three batches)', async () => {
    const l = await begin('transformation.json');
    await l.step(3);
    const samples = (node: string) => l.state.log.filter((e): e is Extract<EngineEvent, { type: 'recordsSample' }> => e.type === 'recordsSample' && e.nodeId === node);
    const tags = samples('tags').filter((e) => e.batchTime <= 3000).reduce((a, e) => a + e.count, 0);
    const win = samples('win').find((e) => e.batchTime === 3000)?.count;
    await l.stop();
    expect(win).toBe(tags);
  });

  it('engine: back-pressure updates the rate of the back-pressure demo (rateUpdated)', async () => {
    const l = await begin('input.json');
    await l.load({ example: 'backpressure-demo.json' });
    await l.step(6);
    await l.stop();
    expect(l.state.log.some((e) => e.type === 'rateUpdated')).toBe(true);
  });
});

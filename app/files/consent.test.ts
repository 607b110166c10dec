/** Consent before code: the trust flag through autosave, the listing of every function, safe mode at start-up. */
import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage, loadPipeline, readIndex, savePipeline, type ParseFn } from './autosave';
import { functionsToRun } from './functionsToRun';
import { withFunctionsDisabled } from './safeMode';
import { markRunActive, readRunMark, RUN_MARK_KEY } from './runMark';
import { appStorage, restoreLast, saveNow, setSlot } from './autosaveSync';
import { openText, startup } from './fileActions';
import { useStudio } from '../store/store';
import { chain } from '../../engine/graph/testGraphs';
import type { PipelineGraph } from '../../engine/graph/types';

const parse: ParseFn = (v) => ({ ok: true, graph: v as PipelineGraph });
const wordCount = (name = 'wc') => chain([
  ['socketTextStream', { host: 'localhost', port: 9999 }, 'lines'],
  ['flatMap', { f: "l => l.split(' ')" }, 'words'],
  ['map', {}, 'pairs'],
  ['reduceByKey', {}, 'counts'],
  ['print', {}, 'out'],
], { name });

describe('the trust flag in autosave', () => {
  it('travels with the saved pipeline, in the index only the app writes', () => {
    const s = new MemoryStorage();
    savePipeline(s, 'mine', wordCount('mine'), 1, { trusted: true });
    savePipeline(s, 'theirs', wordCount('theirs'), 2);
    expect(loadPipeline(s, 'mine', parse, 3).trusted).toBe(true);
    expect(loadPipeline(s, 'theirs', parse, 3).trusted).toBe(false);
    // Saving again without trust (a paste of foreign code) takes it away.
    savePipeline(s, 'mine', wordCount('mine'), 4);
    expect(loadPipeline(s, 'mine', parse, 5).trusted).toBe(false);
  });

  it('a document cannot declare itself trusted', () => {
    const s = new MemoryStorage();
    const doc = { ...wordCount('claims'), trusted: true } as PipelineGraph;
    savePipeline(s, 'claims', doc, 1);
    expect(loadPipeline(s, 'claims', parse, 2).trusted).toBe(false);
  });

  it('a damaged index is rebuilt with every pipeline untrusted', () => {
    const s = new MemoryStorage();
    savePipeline(s, 'mine', wordCount('mine'), 1, { trusted: true });
    s.setItem('dstream-studio:pipelines', '{ broken');
    const { index } = readIndex(s, 2);
    expect(index.entries.mine?.trusted).toBeUndefined();
    expect(loadPipeline(s, 'mine', parse, 3).trusted).toBe(false);
  });

  it('the store saves and restores it (autosaveSync)', () => {
    const st = useStudio.getState();
    setSlot(null);
    st.loadGraph(wordCount('trusted one'), { resetHistory: true, trusted: true });
    expect(saveNow(false)).toBe(true);
    expect(restoreLast()).toMatchObject({ trusted: true, graph: { name: 'trusted one' } });
    setSlot(null);
    st.loadGraph(wordCount('from a file'), { resetHistory: true });
    expect(useStudio.getState().trusted).toBe(false);
    expect(saveNow(false)).toBe(true);
    expect(restoreLast()).toMatchObject({ trusted: false, graph: { name: 'from a file' } });
  });

  it('a file opens untrusted', () => {
    useStudio.getState().loadGraph(wordCount('before'), { resetHistory: true, trusted: true });
    expect(openText(JSON.stringify(wordCount('opened')), 'opened.json')).toBe(true);
    expect(useStudio.getState().trusted).toBe(false);
  });
});

describe('functionsToRun', () => {
  it('lists every function with its node, defaults included', () => {
    const fns = functionsToRun(wordCount());
    expect(fns.map((f) => [f.nodeId, f.op, f.param, f.isDefault])).toEqual([
      ['words', 'flatMap', 'f', false],
      ['pairs', 'map', 'f', true],
      ['counts', 'reduceByKey', 'reduce', true],
    ]);
    expect(fns[1].source).toBe('w => [w, 1]');
  });

  it('lists the params of unknown ops too (they might be compiled)', () => {
    const g = chain([['socketTextStream'], ['notAnOp', { body: 'while (true) {}' }, 'x'], 'print']);
    expect(functionsToRun(g).filter((f) => f.nodeId === 'x').map((f) => f.source)).toEqual(['while (true) {}']);
  });
});

describe('withFunctionsDisabled', () => {
  it('puts back the stock function of every op and drops optional ones', () => {
    const g = chain([['socketTextStream'], ['map', { f: 'x => { while (true) {} }' }, 'm'],
      ['reduceByKeyAndWindow', { reduce: '(a, b) => { for (;;) {} }', inverse: '(a, b) => a - b', window: 3000 }, 'r'], 'print']);
    const d = withFunctionsDisabled(g);
    expect(d.nodes.find((n) => n.id === 'm')?.params).toEqual({});
    expect(d.nodes.find((n) => n.id === 'r')?.params).toEqual({ window: 3000 });
    expect(functionsToRun(d).every((f) => f.isDefault)).toBe(true);
  });
});

describe('safe mode at start-up', () => {
  beforeEach(() => { appStorage().removeItem(RUN_MARK_KEY); });

  it('a run mark left by the previous visit opens the autosave untrusted, in safe mode; other pipelines stay', async () => {
    const st = useStudio.getState();
    setSlot(null);
    st.loadGraph(wordCount('other'), { resetHistory: true, trusted: true });
    saveNow(false);
    setSlot(null);
    st.loadGraph(wordCount('crashed'), { resetHistory: true, trusted: true });
    saveNow(false);
    markRunActive('crashed');
    await startup();
    const after = useStudio.getState();
    expect(after.meta.name).toBe('crashed');
    expect(after.safeMode).toBe(true);
    expect(after.trusted).toBe(false);
    expect(readRunMark()).toBeNull();
    expect(loadPipeline(appStorage(), 'other', parse, Date.now())).toMatchObject({ trusted: true, graph: { name: 'other' } });
  });

  it('without a mark the autosave opens as it was saved', async () => {
    const st = useStudio.getState();
    st.setSafeMode(false);
    setSlot(null);
    st.loadGraph(wordCount('fine'), { resetHistory: true, trusted: true });
    saveNow(false);
    await startup();
    expect(useStudio.getState()).toMatchObject({ safeMode: false, trusted: true });
  });
});

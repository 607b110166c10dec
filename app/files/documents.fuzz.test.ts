/**
 * The studio's side: lesson files (validateLesson / validateIndex), recorded runs
 * (isRecordedRun + loadRecordedRun), share links (decodeShareHash, handleShareHash) and the open-file action
 * (openText) fuzzed with seeded fast-check runs built from the real files (public/lessons, public/examples, a
 * recorded hashtag run). Properties: nothing throws, nothing takes over 1 s, every rejection names the problem, a
 * link that carries code opens nothing before confirmation, and the open pipeline is never lost: a rejected document
 * leaves it as it was, an accepted one saves it first. The graph loader itself is fuzzed in
 * engine/reliability/fuzz.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { createStore } from 'zustand/vanilla';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlan, asFileText, planArb, prototypeSnapshot, randomInputArb, type Json } from '../../engine/reliability/documentFuzz';
import { parsePipeline } from '../../engine/graph/schema';
import type { PipelineGraph } from '../../engine/graph/types';
import { validateIndex, validateLesson } from '../lessons/schema';
import { createRunSlice, isRecordedRun, type RunSlice } from '../store/runSlice';
import { hashtagRun } from '../panels/model/fixtures';
import { useStudio } from '../store/store';
import { decodeShareHash, encodeShare, shareHash, MAX_GRAPH_BYTES } from './share';
import { handleShareHash, openText } from './fileActions';
import { appStorage, setSlot } from './autosaveSync';
import { listPipelines, loadPipeline } from './autosave';

const SEED = 20_110_612;
const LIMIT_MS = 1_000;
const pub = join(import.meta.dirname, '../../public');
const readJson = (p: string) => JSON.parse(readFileSync(join(pub, p), 'utf8')) as Json;
const exampleFiles = readdirSync(join(pub, 'examples')).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
const lessonFiles = readdirSync(join(pub, 'lessons')).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
const examples = exampleFiles.map((f) => readJson(`examples/${f}`));
const lessons = lessonFiles.map((f) => readJson(`lessons/${f}`));
const lessonIndex = readJson('lessons/index.json');

const seen: Record<string, number> = {};
const count = (k: string) => { seen[k] = (seen[k] ?? 0) + 1; if (!k.includes('(') && !k.includes(':')) current = k; };
let slowest = 0;
const protoBefore = prototypeSnapshot();

let current = '';
function timed<T>(f: () => T): T {
  const t0 = performance.now();
  const r = f();
  const ms = performance.now() - t0;
  slowest = Math.max(slowest, ms);
  slowestBy[current] = Math.max(slowestBy[current] ?? 0, Math.round(ms));
  if (ms > LIMIT_MS) throw new Error(`took ${ms.toFixed(0)} ms (limit ${LIMIT_MS} ms)`);
  return r;
}

/** Lesson issues are `path: message` with a non-empty path (a key of the lesson, or the document). */
const LESSON_ISSUE = /^[^\s:][^]*?: \S/;
const slowestBy: Record<string, number> = {};
const parseLoose = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  try { return JSON.parse(v); } catch { return undefined; }
};

describe('fuzz: lesson files', () => {
  it('validates the real lesson files (the bases of the mutations)', () => {
    for (const l of lessons) { const v = validateLesson(l, { examples: exampleFiles }); expect(v.ok, JSON.stringify(!v.ok && v.issues)).toBe(true); }
    expect(validateIndex(lessonIndex).ok).toBe(true);
  });

  it('never throws on mutated lessons, and names the problem of every rejection', () => {
    // Text mode: lesson files reach validateLesson through JSON.parse (loader.ts: res.json()).
    fc.assert(fc.property(planArb(lessons.length, { text: true, hostile: false }), (plan) => {
      count('lessons');
      const doc = parseLoose(applyPlan(lessons[plan.base], plan));
      const v = timed(() => validateLesson(doc, { examples: exampleFiles }));
      if (!v) return;
      if (v.ok) { count('lessons (accepted)'); return; }
      expect(v.issues.length).toBeGreaterThan(0);
      for (const i of v.issues) expect(i, JSON.stringify(i)).toMatch(LESSON_ISSUE);
    }), { seed: SEED, numRuns: 1_200 });
  });

  it('never throws on a mutated lesson index or random input', () => {
    fc.assert(fc.property(planArb(1, { text: true, hostile: false }), fc.jsonValue({ maxDepth: 4 }), (plan, junk) => {
      count('lesson index');
      for (const doc of [parseLoose(applyPlan(lessonIndex, plan)), junk]) {
        const v = timed(() => validateIndex(doc));
        if (!v.ok) for (const i of v.issues) expect(i).toMatch(LESSON_ISSUE);
        const l = timed(() => validateLesson(doc));
        if (l && !l.ok) for (const i of l.issues) expect(i).toMatch(LESSON_ISSUE);
      }
    }), { seed: SEED + 1, numRuns: 800 });
  });
});

describe('fuzz: recorded runs', () => {
  const make = () => createStore<RunSlice>()(createRunSlice);
  let base: Json;
  beforeAll(() => {
    base = JSON.parse(JSON.stringify({ version: 1, graph: examples[exampleFiles.indexOf('hashtags.json')], seed: 42,
      events: hashtagRun({ killExecutorInBatch: 2 }).slice(0, 60) })) as Json;
  });

  it('loads the real recording (the base of the mutations)', () => {
    expect(isRecordedRun(base)).toBe(true);
    expect(() => make().getState().loadRecordedRun(base as never)).not.toThrow();
  });

  it('a file that passes isRecordedRun replays without crashing; one that does not is refused with an error', () => {
    // Text mode: what a "load recorded run" file picker would see (JSON.parse first).
    const crashes: string[] = [];
    fc.assert(fc.property(planArb(1, { text: true }), (plan) => {
      count('recorded runs');
      const doc = parseLoose(applyPlan(base, plan));
      const accepted = timed(() => isRecordedRun(doc));
      const store = make();
      if (!accepted) {
        expect(() => store.getState().loadRecordedRun(doc as never)).toThrow(/Not a recorded run/);
        return;
      }
      count('recorded runs (accepted)');
      try { timed(() => store.getState().loadRecordedRun(doc as never)); } catch (e) {
        crashes.push(`${(e as Error).message} ← ${JSON.stringify(plan.mutations).slice(0, 160)}`);
      }
    }), { seed: SEED + 2, numRuns: 1_000 });
    // Known gap (reported to the panels/app engineer): isRecordedRun checks only that every event has a string
    // `type`, so an event with a known type and missing or mistyped fields reaches the panel reducers.
    seen['recorded runs: accepted but crashed the replay'] = crashes.length;
    if (crashes.length) console.log(`recorded runs accepted by isRecordedRun that crash loadRecordedRun: ${crashes.length}\n  ${crashes.slice(0, 5).join('\n  ')}`);
  }, 60_000);
});

describe('fuzz: share links', () => {
  const graphs = examples as unknown as PipelineGraph[];

  it('decodes arbitrary hashes to a link error or JSON text, never throwing', () => {
    const b64 = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')), maxLength: 400 });
    const hashArb = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ maxLength: 300 }).map((s) => `#g=${s}`),
      b64.map((s) => `#g=${s}`),
      fc.uint8Array({ maxLength: 300 }).map((b) => `#g=${Buffer.from(deflateSync(b)).toString('base64url')}`),
      fc.tuple(fc.nat({ max: graphs.length - 1 }), fc.nat(), fc.nat({ max: 63 }), fc.boolean()).map(([g, at, c, trunc]) => {
        const h = shareHash(graphs[g]);
        const i = 3 + (at % (h.length - 3));
        return trunc ? h.slice(0, i) : h.slice(0, i) + 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[c] + h.slice(i + 1);
      }),
    );
    fc.assert(fc.property(hashArb, (hash) => {
      count('share hashes');
      const d = timed(() => decodeShareHash(hash));
      if (d === null) { expect(new URLSearchParams(hash.replace(/^#/, '')).has('g')).toBe(false); return; }
      if (!d.ok) { expect(d.error).toMatch(/^share link is (too long|too large|damaged \(.+\))$/); return; }
      count('share hashes (decoded)');
      const r = timed(() => parsePipeline(d.json));
      if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
    }), { seed: SEED + 3, numRuns: 3_000 });
  });

  it('refuses a decompression bomb', () => {
    const bomb = `#g=${Buffer.from(deflateSync(new Uint8Array(40_000_000), { level: 9 })).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(64_000);
    // decodeShareHash inflates in chunks and stops at MAX_GRAPH_BYTES. Guarded at 3 s (a hang), reported in the figures.
    const t0 = performance.now();
    const d = decodeShareHash(bomb);
    const ms = performance.now() - t0;
    seen['share: bomb refused after (ms)'] = Math.round(ms);
    expect(ms).toBeLessThan(3_000);
    expect(d).toMatchObject({ ok: false });
    expect((d as { error: string }).error).toMatch(/^share link is too large \(over 2000000 bytes of graph\)/);
    expect(MAX_GRAPH_BYTES).toBeLessThan(40_000_000);
  });
});

describe('fuzz: the open pipeline is never lost (openText and share links on the real store)', () => {
  const current = () => useStudio.getState().currentGraph();
  let open: PipelineGraph;
  beforeAll(() => {
    const r = parsePipeline(examples[exampleFiles.indexOf('wordcount.json')]);
    if (!r.ok) throw new Error(r.issues.join('\n'));
    open = { ...r.graph, name: 'my open pipeline' };
  });
  const reopen = () => { setSlot(null); useStudio.getState().loadGraph(open, { resetHistory: true }); useStudio.getState().closeDialog(); };

  it('keeps the open pipeline on a rejected file, and saves it before an accepted one replaces it', () => {
    reopen();
    fc.assert(fc.property(fc.oneof({ weight: 4, arbitrary: planArb(examples.length, { text: true }).map((p) => applyPlan(examples[p.base], p)) },
      { weight: 1, arbitrary: randomInputArb }), (doc) => {
      count('openText');
      const text = asFileText(doc);
      const before = current();
      const ok = timed(() => openText(text, 'fuzzed.json'));
      const st = useStudio.getState();
      if (!ok) {
        expect(current()).toEqual(before);
        expect(st.dialog).toMatchObject({ kind: 'problems' });
        const problems = (st.dialog as { problems: string[] }).problems;
        expect(problems.length).toBeGreaterThan(0);
        for (const p of problems) expect(p).toMatch(/^[^\s:][^]*?: \S/);
        return;
      }
      count('openText (accepted)');
      // Replaced: the previous document is in autosave storage, complete.
      const saved = loadPipeline(appStorage(), before.name, (v) => { const r = parsePipeline(v); return r.ok ? { ok: true, graph: r.graph } : { ok: false, issues: r.issues }; }, Date.now());
      expect(saved.graph).toEqual(before);
      reopen();
    }), { seed: SEED + 4, numRuns: 1_200 });
    expect(listPipelines(appStorage(), Date.now()).names.map((n) => n.name)).toContain('my open pipeline');
  }, 60_000);

  it('a share link opens untrusted (its functions wait for consent) or shows its problems and keeps the open pipeline', () => {
    reopen();
    const graphs = examples as unknown as PipelineGraph[];
    fc.assert(fc.property(fc.nat({ max: graphs.length - 1 }), fc.nat(), fc.boolean(), (g, at, damage) => {
      count('share links opened');
      let hash = shareHash(graphs[g]);
      if (damage) { const i = 3 + (at % (hash.length - 3)); hash = hash.slice(0, i) + (hash[i] === 'A' ? 'B' : 'A') + hash.slice(i + 1); }
      const before = current();
      expect(timed(() => handleShareHash(hash))).toBe(true);
      const d = useStudio.getState().dialog as { kind: string; code?: unknown[]; problems?: string[] } | null;
      if (d?.kind === 'problems') { expect(d.problems!.length).toBeGreaterThan(0); expect(current()).toEqual(before); }
      else { expect(current().nodes.length).toBe(graphs[g].nodes.length); expect(useStudio.getState().trusted).toBe(false); }
      reopen();
    }), { seed: SEED + 5, numRuns: 300 });
    expect(encodeShare(open).length).toBeGreaterThan(0);
  });
});

afterAll(() => {
  const total = Object.entries(seen).filter(([k]) => !k.includes('(') && !k.includes(':')).reduce((a, [, b]) => a + b, 0);
  console.log(`fuzz (app): ${total} inputs ${JSON.stringify(seen)}; slowest single call ${slowest.toFixed(1)} ms ${JSON.stringify(slowestBy)}`);
  expect(prototypeSnapshot()).toBe(protoBefore);
});

/**
 * Every lesson file in public/lessons validates against the lesson schema; its checks name real event types
 * (engine/core/events.ts), real ops (engine/graph/registry.ts), real gallery examples; every inline pipeline is a valid
 * graph; every string has en and zh-CN text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../engine/graph/validate';
import { getOp } from '../../engine/graph/registry';
import { parsePipelineRef } from './loader';
import { exampleFiles, lessonFiles, loadLessonFile, publicDir, readPublicJson } from './testing';
import { EVENT_TYPES, isAll, isAny, isEventCheck, isGraphCheck, lessonStrings, validateIndex, validateLesson, type Check } from './schema';

const root = publicDir;
const examples = exampleFiles;
const files = lessonFiles;
const index = validateIndex(readPublicJson('lessons/index.json'));

const leaves = (c: Check | undefined): Check[] => (!c ? [] : isAll(c) ? c.all.flatMap(leaves) : isAny(c) ? c.any.flatMap(leaves) : [c]);

describe('lesson index', () => {
  it('validates and lists every lesson file, in course order', () => {
    expect(index.ok, index.ok ? '' : index.issues.join('\n')).toBe(true);
    if (!index.ok) return;
    expect(index.value.lessons.map((l) => l.file).sort()).toEqual([...files].sort());
    expect(index.value.lessons.map((l) => l.id)).toEqual(['design-idea', 'architecture', 'input', 'transformation', 'output', 'fault-tolerance', 'programming-example']);
    for (const e of index.value.lessons) expect(loadLessonFile(e.file).title, e.file).toEqual(e.title);
  });
});

describe.each(files)('lesson %s', (file) => {
  it('validates against the lesson schema', () => { expect(() => loadLessonFile(file)).not.toThrow(); });

  it('refers to real events, ops and examples only', () => {
    const lesson = loadLessonFile(file);
    for (const step of lesson.steps) {
      for (const c of leaves(step.check)) {
        if (isEventCheck(c)) expect(EVENT_TYPES, `${step.id}: ${c.event}`).toContain(c.event);
        if (isGraphCheck(c)) {
          for (const op of [c.graph.hasOp, c.graph.hasEdge?.from, c.graph.hasEdge?.to, c.graph.param?.op]) if (op) expect(getOp(op), `${step.id}: op ${op}`).toBeDefined();
        }
      }
      for (const ref of [step.pipeline]) if (ref && 'example' in ref) expect(examples).toContain(ref.example);
    }
  });

  it('has valid pipelines with no validation errors', () => {
    const lesson = loadLessonFile(file);
    for (const ref of [lesson.pipeline, ...lesson.steps.map((s) => s.pipeline)]) {
      if (!ref) continue;
      const g = parsePipelineRef(ref, 'example' in ref ? readFileSync(join(root, 'examples', ref.example), 'utf8') : undefined);
      const errors = validateGraph(g).filter((i) => i.severity === 'error');
      // The programming example starts from the source alone: the learner adds the rest.
      if (lesson.id === 'programming-example' && ref === lesson.pipeline) expect(errors.length).toBeGreaterThan(0);
      else expect(errors, `${file}`).toEqual([]);
    }
  });

  it('has every string in English and Chinese', () => {
    const lesson = loadLessonFile(file);
    const strings = lessonStrings(lesson);
    expect(strings.length).toBeGreaterThan(lesson.steps.length * 3);
    for (const { path, text } of strings) {
      expect(text.en.trim(), path).not.toBe('');
      expect(text['zh-CN'].trim(), path).not.toBe('');
      if (text.en !== text['zh-CN']) expect(text['zh-CN'], path).toMatch(/[\u3400-\u9fff]/);
    }
  });
});

describe('the validator', () => {
  const good = loadLessonFile('architecture.json');
  const bad = (patch: (l: Record<string, unknown>) => void) => {
    const l = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
    patch(l);
    const v = validateLesson(l, { examples });
    return v.ok ? [] : v.issues;
  };
  const steps = (l: Record<string, unknown>) => l.steps as Record<string, unknown>[];
  it('names unknown events and fields', () => {
    expect(bad((l) => { steps(l)[2].check = { event: 'batchDone' }; })).toEqual(['steps[2].check.event: unknown event type "batchDone" (see engine/core/events.ts)']);
    expect(bad((l) => { steps(l)[2].check = { event: 'faultInjected', kind: 'x' }; })[0]).toMatch(/^steps\[2\]\.check\.kind: "faultInjected" events have no field "kind"/);
    expect(bad((l) => { steps(l)[2].check = { event: 'faultInjected', fault: 'killDriver' }; })[0]).toMatch(/unknown fault "killDriver"/);
    expect(bad((l) => { steps(l)[2].check = { event: 'clusterStep', index: 6 }; })[0]).toMatch(/numbered 1 to 5/);
  });
  it('names unknown ops, params, examples and missing translations', () => {
    expect(bad((l) => { steps(l)[2].check = { graph: { hasOp: 'reduceByKeyAndWindows' } }; })[0]).toMatch(/unknown op "reduceByKeyAndWindows"/);
    expect(bad((l) => { steps(l)[2].check = { graph: { param: { op: 'window', name: 'length', is: 1 } } }; })[0]).toMatch(/op "window" has no param "length"/);
    expect(bad((l) => { l.pipeline = { example: 'nope.json' }; })).toEqual(['pipeline.example: no gallery example "nope.json" in public/examples']);
    expect(bad((l) => { (steps(l)[0].text as Record<string, string>)['zh-CN'] = ''; })).toEqual(['steps[0].text.zh-CN: missing text']);
    expect(bad((l) => { (steps(l)[0].text as Record<string, string>)['zh-CN'] = 'Not translated'; })[0]).toMatch(/not Chinese text/);
    expect(bad((l) => { delete steps(l)[2].check; })).toEqual(['steps[2].check: a "step" step needs a check that the action happened']);
  });
});

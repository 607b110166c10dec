/**
 * Every lesson instruction that names a duration ("Inspector → Slide: 2 s") works when followed literally: the unit it
 * names is the unit the inspector's field shows for that node, and typing the number there gives the value the step's
 * check asks for. A step that checks a duration param must say which number and unit to type, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { getOp, operators } from '../../engine/graph/registry';
import type { ParamSpec } from '../../engine/graph/types';
import { bestUnit, parseField } from '../inspector/fieldModel';
import { parsePipelineRef } from './loader';
import { matchValue } from './runner';
import { isAll, isAny, isGraphCheck, type Check, type GraphCheck, type Lesson, type LessonStep } from './schema';
import { lessonFiles, loadLessonFile, readPublicJson } from './testing';

const LANGS = ['en', 'zh-CN'] as const;
const leaves = (c: Check | undefined): Check[] => (!c ? [] : isAll(c) ? c.all.flatMap(leaves) : isAny(c) ? c.any.flatMap(leaves) : [c]);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every label a duration field has, in either language. */
const durationLabels = [...new Set(operators.flatMap((op) => Object.values(op.params)
  .filter((p) => p.type === 'duration').flatMap((p) => LANGS.map((l) => p.label[l]))))];

export interface DurationInstruction { label: string; number: number; unit: string | undefined; text: string }

/** "Slide: 2 s", "滑动间隔：2 s", "Slide: 2000" (no unit: caught below). */
export function durationInstructions(text: string): DurationInstruction[] {
  const out: DurationInstruction[] = [];
  for (const label of durationLabels) {
    const re = new RegExp(`${escape(label)}\\s*[:：]\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|秒|毫秒)?(?![\\w])`, 'g');
    for (const m of text.matchAll(re)) out.push({ label, number: Number(m[1]), unit: m[2], text: m[0] });
  }
  return out;
}

function pipelineOf(lesson: Lesson, index: number) {
  for (let i = index; i >= 0; i--) { const p = lesson.steps[i].pipeline; if (p) return parsePipelineRef(p, exampleText(p)); }
  return parsePipelineRef(lesson.pipeline, exampleText(lesson.pipeline));
}
function exampleText(ref: Lesson['pipeline']): string | undefined {
  return 'example' in ref ? JSON.stringify(readPublicJson(`examples/${ref.example}`)) : undefined;
}

const paramChecks = (step: LessonStep): NonNullable<GraphCheck['param']>[] =>
  leaves(step.check).filter(isGraphCheck).map((c) => c.graph.param).filter((p): p is NonNullable<GraphCheck['param']> => !!p);

describe('durationInstructions', () => {
  it('finds label, number and unit in both languages', () => {
    expect(durationInstructions('Inspector → Slide: 2 s.')).toEqual([{ label: 'Slide', number: 2, unit: 's', text: 'Slide: 2 s' }]);
    expect(durationInstructions('属性面板 → 滑动间隔：2000。')[0]).toMatchObject({ number: 2000, unit: undefined });
    expect(durationInstructions('Press Step once.')).toEqual([]);
  });
});

describe.each(lessonFiles)('duration instructions of lesson %s', (file) => {
  const lesson = loadLessonFile(file);
  it('name the unit the field shows and, typed literally, give the checked value', () => {
    lesson.steps.forEach((step, index) => {
      const graph = pipelineOf(lesson, index);
      for (const lang of LANGS) {
        for (const ins of [step.text, step.action.hint].flatMap((t) => durationInstructions(t[lang]))) {
          const where = `${file} ${step.id} (${lang}) "${ins.text}"`;
          expect(ins.unit, `${where}: say the unit the field shows`).toBeDefined();
          const targets = paramChecks(step).filter((p) => LANGS.some((l) => getOp(p.op)?.params[p.name]?.label[l] === ins.label));
          expect(targets.length, `${where}: the step's check does not test this param`).toBeGreaterThan(0);
          for (const p of targets) {
            const spec = getOp(p.op)!.params[p.name] as ParamSpec;
            const node = graph.nodes.find((n) => n.op === p.op);
            const shown = bestUnit(node?.params[p.name] ?? spec.default);
            expect(ins.unit, `${where}: the field shows ${shown}`).toBe(shown);
            const typed = parseField(spec, String(ins.number), shown);
            expect(typed.ok && matchValue(typed.value, p.is), `${where}: typing ${ins.number} ${shown} gives ${typed.ok ? String(typed.value) : 'an error'} ms, the check wants ${JSON.stringify(p.is)}`).toBe(true);
          }
        }
      }
    });
  });

  it('say what to type for every duration param a step checks, in both languages', () => {
    for (const step of lesson.steps) {
      for (const p of paramChecks(step)) {
        if (getOp(p.op)?.params[p.name]?.type !== 'duration') continue;
        for (const lang of LANGS) {
          const found = [step.text, step.action.hint].flatMap((t) => durationInstructions(t[lang]));
          expect(found.length, `${file} ${step.id} (${lang}): tell the learner "<Label>: <number> <unit>"`).toBeGreaterThan(0);
        }
      }
    }
  });
});

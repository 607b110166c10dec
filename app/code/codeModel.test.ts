import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePipeline } from '../../engine/graph/schema';
import type { PipelineGraph } from '../../engine/graph/types';
import {
  CODE_LANGS, exportCode, exportFileName, nodeAtLine, nodeSpans, scrollTargetForSelection, selectedRanges, selectionForCursor, spanOf,
} from './codeModel';

const dir = join(__dirname, '../../public/examples');
const examples = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
const load = (f: string): PipelineGraph => {
  const r = parsePipeline(readFileSync(join(dir, f), 'utf8'));
  if (!r.ok) throw new Error(`${f}: ${r.issues.join('; ')}`);
  return r.graph;
};
const lineOf = (code: string, needle: string) => code.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('nodeSpans over every gallery example', () => {
  it('has examples', () => expect(examples.length).toBeGreaterThan(0));
  for (const f of examples) {
    for (const lang of CODE_LANGS) {
      it(`${f} ${lang}: one statement per node, program lines outside every statement`, () => {
        const g = load(f);
        const r = exportCode(g, lang);
        if (!r.ok) throw new Error(r.error);
        const spans = nodeSpans(r.code, lang);
        expect(spans.map((s) => s.id).sort()).toEqual(g.nodes.map((n) => n.id).sort());
        const lines = r.code.split('\n');
        for (const s of spans) {
          expect(s.to, `${s.id} has a statement after its tag`).toBeGreaterThan(s.from);
          for (let l = s.from; l <= s.to; l++) expect(nodeAtLine(spans, l)).toBe(s.id);
          expect(lines[s.to - 1].trim(), `${s.id} ends on a non-blank line`).not.toBe('');
        }
        const start = lines.findIndex((l) => /ssc\.start\(\)/.test(l)) + 1;
        expect(start).toBeGreaterThan(0);
        expect(nodeAtLine(spans, start)).toBeNull();
        expect(nodeAtLine(spans, 1)).toBeNull();
        expect(nodeAtLine(spans, lines.length)).toBeNull();
      });
    }
  }

  it('a multi-line statement belongs to its node up to its closing bracket (TypeScript and Scala)', () => {
    const g = load('exactly-once-kafka.json');
    for (const lang of ['ts', 'scala'] as const) {
      const r = exportCode(g, lang);
      if (!r.ok) throw new Error(r.error);
      const spans = nodeSpans(r.code, lang);
      const inner = lineOf(r.code, 'const rows = await rdd.collect()');
      expect(inner).toBeGreaterThan(0);
      expect(nodeAtLine(spans, inner)).toBe('upsert');
      const close = r.code.split('\n').findIndex((l, i) => i + 1 > inner && /^\s*}\)\s*;?\s*$/.test(l)) + 1;
      expect(nodeAtLine(spans, close), `${lang} closing line`).toBe('upsert');
      expect(nodeAtLine(spans, close + 1)).toBeNull();
    }
  });

  it('a blank line inside a function does not end the statement while brackets are open', () => {
    const code = ['// node: a', 'const a = s.map((x) => {', '', '  return x;', '});', '', 'await ssc.start();'].join('\n');
    const spans = nodeSpans(code, 'ts');
    expect(spans).toEqual([{ id: 'a', tagLine: 1, from: 1, to: 5 }]);
  });

  it('reads Python tags and stops at the end of main', () => {
    const code = ['def main():', '    # node: src', "    src = ssc.socketTextStream('h', 1)", '    # node: out', '    src.pprint()', '', '    ssc.start()'].join('\n');
    const spans = nodeSpans(code, 'python');
    expect(spans.map((s) => [s.id, s.from, s.to])).toEqual([['src', 2, 3], ['out', 4, 5]]);
    expect(spanOf(spans, 'out')?.tagLine).toBe(4);
    expect(selectedRanges(spans, ['out', 'missing'])).toEqual([[4, 5]]);
  });
});

describe('cursor ↔ selection', () => {
  const spans = [{ id: 'a', tagLine: 3, from: 3, to: 4 }, { id: 'b', tagLine: 5, from: 5, to: 8 }];
  it('selects the node under the cursor once', () => {
    expect(selectionForCursor(spans, 6, [])).toBe('b');
    expect(selectionForCursor(spans, 6, ['a', 'b'])).toBe('b');
    expect(selectionForCursor(spans, 6, ['b'])).toBeNull();
    expect(selectionForCursor(spans, 1, ['a'])).toBeNull();
  });
  it('scrolls to the first selected statement unless the cursor is in one', () => {
    expect(scrollTargetForSelection(spans, ['b'], null)).toBe(5);
    expect(scrollTargetForSelection(spans, ['b'], 7)).toBeNull();
    expect(scrollTargetForSelection(spans, ['b'], 3)).toBe(5);
    expect(scrollTargetForSelection(spans, ['zz', 'a'], null)).toBe(3);
    expect(scrollTargetForSelection(spans, [], 3)).toBeNull();
  });
});

describe('export', () => {
  it('names files after the pipeline in each language’s convention', () => {
    expect(exportFileName('NetworkWordCount', 'ts')).toBe('network-word-count.ts');
    expect(exportFileName('NetworkWordCount', 'scala')).toBe('NetworkWordCount.scala');
    expect(exportFileName('NetworkWordCount', 'python')).toBe('network_word_count.py');
    expect(exportFileName('Windowed hashtag top-10', 'python')).toBe('windowed_hashtag_top_10.py');
    expect(exportFileName('单词计数', 'ts')).toBe('pipeline.ts');
    expect(exportFileName('单词计数', 'scala')).toBe('Pipeline.scala');
    expect(exportFileName('2 streams', 'python')).toBe('p2_streams.py');
  });
  it('reports an exporter failure instead of throwing', () => {
    const g = load('wordcount.json');
    const r = exportCode({ ...g, nodes: null } as unknown as PipelineGraph, 'scala');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/null/);
  });
});

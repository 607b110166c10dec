import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StringStream, type StreamParser } from '@codemirror/language';
import { pythonMode, scalaMode, type ModeState } from './streamModes';

/** Tokens of a text as [text, style] pairs (whitespace left out), the way StreamLanguage drives a mode. */
function tokens(mode: StreamParser<ModeState>, text: string): [string, string | null][] {
  const state = mode.startState!(2);
  const token = mode.token;   // called unbound, as StreamLanguage does
  const out: [string, string | null][] = [];
  for (const line of text.split('\n')) {
    const s = new StringStream(line, 4, 2);
    while (!s.eol()) {
      const style = token(s, state);
      if (s.pos === s.start) throw new Error(`the mode did not advance at "${line.slice(s.pos)}"`);
      const tok = s.current();
      if (tok.trim()) out.push([tok, style]);
      s.start = s.pos;
    }
  }
  return out;
}
const styleOf = (toks: [string, string | null][], text: string) => toks.find(([t]) => t.trim() === text)?.[1];

describe('scala mode', () => {
  it('colours a statement', () => {
    const t = tokens(scalaMode, '    // node: words\n    val words = lines.flatMap(l => l.split(" "))\n    ssc.start() /* a\n  b */ ???');
    expect(styleOf(t, '// node: words')).toBe('comment');
    expect(styleOf(t, 'val')).toBe('keyword');
    expect(styleOf(t, 'words')).toBe('variableName.definition');
    expect(styleOf(t, '" "')).toBe('string');
    expect(styleOf(t, '=>')).toBe('operator');
    expect(styleOf(t, 'b */')).toBe('comment');
    expect(styleOf(t, '???')).toBe('atom');
  });
  it('tokenizes every golden Scala file without getting stuck', () => {
    for (const f of ['hashtags.scala', 'exactly-once-kafka.scala', 'join-two-streams.scala']) {
      const t = tokens(scalaMode, readFileSync(join(__dirname, '../../engine/graph/codegen/__golden__', f), 'utf8'));
      expect(t.some(([, s]) => s === 'typeName')).toBe(true);
    }
  });
});

describe('python mode', () => {
  it('colours a statement', () => {
    const t = tokens(pythonMode, "    # node: pairs\n    pairs = words.map(lambda w: (w, 1))\n    x = None\ndef f(t):\n    '''doc\n    more'''");
    expect(styleOf(t, '# node: pairs')).toBe('comment');
    expect(styleOf(t, 'lambda')).toBe('keyword');
    expect(styleOf(t, '1')).toBe('number');
    expect(styleOf(t, 'None')).toBe('atom');
    expect(styleOf(t, 'f')).toBe('variableName.definition');
    expect(styleOf(t, "'''doc")).toBe('string');
    expect(styleOf(t, "more'''")).toBe('string');
  });
  it('tokenizes every golden Python file without getting stuck', () => {
    for (const f of ['hashtags.py', 'fault-tolerance-demo.py', 'stateful-wordcount.py']) {
      const t = tokens(pythonMode, readFileSync(join(__dirname, '../../engine/graph/codegen/__golden__', f), 'utf8'));
      expect(t.some(([, s]) => s === 'keyword')).toBe(true);
    }
  });
});

/**
 * Small CodeMirror stream tokenizers for the Scala and PySpark exports (read-only display: comments, strings,
 * keywords, numbers, types and definitions; no parsing). Token names are @lezer/highlight tag names.
 */
import type { StreamParser, StringStream } from '@codemirror/language';

export interface ModeState { block: 'comment' | 'string3' | null; quote: string; afterDef: boolean }

const SCALA_KEYWORDS = new Set(('abstract case catch class def do else extends final finally for forSome if implicit import lazy match new ' +
  'object override package private protected return sealed super this throw trait try type val var while with yield').split(' '));
const SCALA_ATOMS = new Set(['true', 'false', 'null', '???']);
const PY_KEYWORDS = new Set(('and as assert async await break class continue def del elif else except finally for from global if import in is ' +
  'lambda nonlocal not or pass raise return try while with yield').split(' '));
const PY_ATOMS = new Set(['True', 'False', 'None']);
const PY_BUILTINS = new Set('print len str int float list dict set tuple range sorted sum min max abs any all map filter zip enumerate isinstance'.split(' '));

const start = (): ModeState => ({ block: null, quote: '', afterDef: false });
const copy = (s: ModeState): ModeState => ({ ...s });

/** Reads a string body up to `quote` (escapes skipped); returns true when the string closed on this line. */
function readString(stream: StringStream, quote: string): boolean {
  while (!stream.eol()) {
    if (quote.length === 3 ? stream.match(quote) : stream.eat(quote)) return true;
    const c = stream.next();
    if (c === '\\') stream.next();
  }
  return false;
}

function scalaToken(stream: StringStream, state: ModeState): string | null {
  if (state.block === 'comment') {
    if (stream.skipTo('*/')) { stream.match('*/'); state.block = null; } else stream.skipToEnd();
    return 'comment';
  }
  if (state.block === 'string3') {
    if (readString(stream, '"""')) state.block = null;
    return 'string';
  }
  if (stream.eatSpace()) return null;
  if (stream.match('//')) { stream.skipToEnd(); return 'comment'; }
  if (stream.match('/*')) { state.block = 'comment'; return scalaToken(stream, state); }
  if (stream.match('"""')) { if (!readString(stream, '"""')) state.block = 'string3'; return 'string'; }
  if (stream.match(/^[sfr]?"/)) { readString(stream, '"'); return 'string'; }
  if (stream.match(/^'(?:\\.|[^\\'])'/)) return 'string';
  if (stream.match(/^\?\?\?/)) return 'atom';
  if (stream.match(/^(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)[LlFfDd]?/)) return 'number';
  if (stream.match(/^[A-Za-z_$][\w$]*/)) {
    const w = stream.current();
    if (state.afterDef) { state.afterDef = false; return 'variableName.definition'; }
    if (SCALA_KEYWORDS.has(w)) { state.afterDef = w === 'val' || w === 'var' || w === 'def' || w === 'object' || w === 'class'; return 'keyword'; }
    if (SCALA_ATOMS.has(w)) return 'atom';
    if (/^[A-Z]/.test(w)) return 'typeName';
    return 'variableName';
  }
  if (stream.match(/^(?:=>|<-|->|[-+*/%=<>!&|^~:]+)/)) return 'operator';
  stream.next();
  return 'punctuation';
}

// StreamLanguage calls `token` unbound: the tokenizers are plain functions.
export const scalaMode: StreamParser<ModeState> = {
  name: 'scala',
  startState: start,
  copyState: copy,
  token: scalaToken,
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
};

export const pythonMode: StreamParser<ModeState> = {
  name: 'python',
  startState: start,
  copyState: copy,
  token(stream, state) {
    if (state.block === 'string3') {
      if (readString(stream, state.quote)) state.block = null;
      return 'string';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('#')) { stream.skipToEnd(); return 'comment'; }
    const q3 = stream.match(/^[rbfu]{0,2}("""|''')/i, false) as RegExpMatchArray | null;
    if (q3) {
      stream.match(/^[rbfu]{0,2}("""|''')/i);
      state.quote = q3[1];
      if (!readString(stream, q3[1])) state.block = 'string3';
      return 'string';
    }
    const q = stream.match(/^[rbfu]{0,2}(["'])/i) as RegExpMatchArray | null;
    if (q) { readString(stream, q[1]); return 'string'; }
    if (stream.match(/^(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?j?)/)) return 'number';
    if (stream.match(/^@[\w.]+/)) return 'meta';
    if (stream.match(/^[A-Za-z_][\w]*/)) {
      const w = stream.current();
      if (state.afterDef) { state.afterDef = false; return 'variableName.definition'; }
      if (PY_KEYWORDS.has(w)) { state.afterDef = w === 'def' || w === 'class'; return 'keyword'; }
      if (PY_ATOMS.has(w)) return 'atom';
      if (PY_BUILTINS.has(w)) return 'variableName.standard';
      if (/^[A-Z]/.test(w)) return 'typeName';
      return 'variableName';
    }
    if (stream.match(/^(?:->|\*\*|\/\/|[-+*/%=<>!&|^~:]+)/)) return 'operator';
    stream.next();
    return 'punctuation';
  },
  languageData: { commentTokens: { line: '#' } },
};

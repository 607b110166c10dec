/**
 * Test support for escape.test.ts: reading exported programs the way their compilers would, far enough to say
 * whether they parse and which statements they hold.
 *
 *   - TypeScript: the importer's reader (stripTypes + acorn), as an AST with string values blanked;
 *   - Scala: a lexer for Scala 2.12 (unicode escapes decoded first, nested block comments, string, char and
 *     interpolated literals), as a token sequence with literal values blanked. scalac is not
 *     available to the unit tests; the lexer is strict where scalac is (bad escapes, unclosed literals).
 *
 * Python is read by python3 itself (escape.test.ts).
 */
import { parse, type Comment } from 'acorn';
import { stripTypes } from './stripTypes';

// ---------- TypeScript ----------

export interface TsReading { shape: string; statements: number; lineComments: string[] }

/** Parses an exported TypeScript program; throws acorn's SyntaxError when it does not parse. */
export function readTs(program: string): TsReading {
  const comments: Comment[] = [];
  const ast = parse(stripTypes(program), { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true, onComment: comments });
  const shape = JSON.stringify(ast, function replacer(this: Record<string, unknown>, key, value) {
    if (key === 'start' || key === 'end' || key === 'loc' || key === 'raw') return undefined;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if (v.type === 'Literal' && typeof v.value === 'string') return { type: 'Literal', value: 'S' };
      if (v.type === 'Property' && !v.computed) return { ...v, key: 'K' };
    }
    return value;
  });
  return { shape, statements: ast.body.length, lineComments: comments.filter((c) => c.type === 'Line').map((c) => c.value) };
}

// ---------- Scala ----------

export type ScalaTokenKind = 'id' | 'keyword' | 'string' | 'char' | 'number' | 'op' | 'punct' | 'newline';
export interface ScalaToken { kind: ScalaTokenKind; text: string; /** decoded value of string and char literals */ value?: string }

export class ScalaLexError extends Error {}

const SCALA_KEYWORDS = new Set(('abstract case catch class def do else extends false final finally for forSome if implicit import lazy macro ' +
  'match new null object override package private protected return sealed super this throw trait try true type val var while with yield _ => <- ' +
  '<: <% >: # @ = :').split(' '));

/**
 * Scala 2.12's first pass: `\uXXXX` (any number of u's) decoded wherever it appears, when the backslash follows
 * an even number of backslashes; such a backslash followed by `u` and no four hex digits is an error.
 */
export function decodeScalaUnicodeEscapes(src: string): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && run % 2 === 0 && src[i + 1] === 'u') {
      let j = i + 1;
      while (src[j] === 'u') j++;
      const hex = src.slice(j, j + 4);
      if (!/^[0-9A-Fa-f]{4}$/.test(hex)) throw new ScalaLexError(`error in unicode escape at ${i}`);
      out += String.fromCharCode(parseInt(hex, 16));
      i = j + 3;
      run = 0;
      continue;
    }
    run = c === '\\' ? run + 1 : 0;
    out += c;
  }
  return out;
}

const SCALA_ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', "'": "'", '\\': '\\' };
const OP_CHARS = /[!#%&*+\-/:<=>?@\\^|~]/;

/** Tokens of a Scala program (comments dropped, runs of newlines as one `newline` token). */
export function scalaTokens(program: string): ScalaToken[] {
  const s = decodeScalaUnicodeEscapes(program);
  const toks: ScalaToken[] = [];
  const push = (t: ScalaToken) => {
    if (t.kind === 'newline' && (toks.length === 0 || toks[toks.length - 1].kind === 'newline')) return;
    toks.push(t);
  };
  let i = 0;
  /** A "…" literal body from i (after the quote); returns its value and moves i past the closing quote. */
  const quoted = (close: string): string => {
    let v = '';
    for (;;) {
      const c = s[i];
      if (c === undefined || c === '\n' || c === '\r') throw new ScalaLexError(`unclosed literal at ${i}`);
      if (c === close) { i++; return v; }
      if (c === '\\') {
        const e = s[i + 1];
        if (e !== undefined && e in SCALA_ESCAPES) { v += SCALA_ESCAPES[e]; i += 2; continue; }
        if (e !== undefined && /[0-7]/.test(e)) { const m = /^[0-7]{1,3}/.exec(s.slice(i + 1))![0]; v += String.fromCharCode(parseInt(m, 8)); i += 1 + m.length; continue; }
        throw new ScalaLexError(`invalid escape character at ${i}`);
      }
      v += c;
      i++;
    }
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '\n' || c === '\r') { push({ kind: 'newline', text: '\n' }); i++; continue; }
    if (c === ' ' || c === '\t' || c === '\f') { i++; continue; }
    if (s.startsWith('//', i)) { while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++; continue; }
    if (s.startsWith('/*', i)) {
      let depth = 0;
      do {
        if (s.startsWith('/*', i)) { depth++; i += 2; } else if (s.startsWith('*/', i)) { depth--; i += 2; } else if (i >= s.length) throw new ScalaLexError('unclosed comment'); else i++;
      } while (depth > 0);
      continue;
    }
    if (s.startsWith('"""', i)) {
      const end = s.indexOf('"""', i + 3);
      if (end < 0) throw new ScalaLexError('unclosed multi-line string literal');
      let j = end + 3;
      while (s[j] === '"') j++;
      push({ kind: 'string', text: s.slice(i, j), value: s.slice(i + 3, j - 3) });
      i = j;
      continue;
    }
    if (c === '"') { i++; const value = quoted('"'); push({ kind: 'string', text: '"', value }); continue; }
    if (c === "'") {
      if (s[i + 1] === '\\' || (s[i + 2] === "'" && s[i + 1] !== '\n' && s[i + 1] !== '\r')) {
        i++;
        const value = quoted("'");
        if (value.length !== 1) throw new ScalaLexError(`bad char literal at ${i}`);
        push({ kind: 'char', text: "'", value });
        continue;
      }
      const m = /^'[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(i));
      if (!m) throw new ScalaLexError(`unclosed character literal at ${i}`);
      push({ kind: 'id', text: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '`') {
      const end = s.indexOf('`', i + 1);
      if (end < 0 || /[\n\r]/.test(s.slice(i, end))) throw new ScalaLexError('unclosed quoted identifier');
      push({ kind: 'id', text: s.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(s[i + 1] ?? ''))) {
      const m = /^(?:0[xX][0-9A-Fa-f]+|[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)[LlFfDd]?/.exec(s.slice(i))!;
      push({ kind: 'number', text: m[0] });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_$]/.test(c) || (c.charCodeAt(0) > 0x7f && /\p{L}/u.test(c))) {
      const m = /^[\p{L}\p{Nd}_$]+/u.exec(s.slice(i))!;
      const word = m[0];
      i += word.length;
      // an interpolated string: s"…" with $name, $$ and ${ … } parts
      if (s[i] === '"' && !s.startsWith('"""', i)) {
        i++;
        let depth = 0;
        for (;;) {
          const d = s[i];
          if (d === undefined || ((d === '\n' || d === '\r') && depth === 0)) throw new ScalaLexError('unclosed interpolated string');
          if (depth === 0 && d === '"') { i++; break; }
          if (depth === 0 && d === '\\') { i += 2; continue; }
          if (depth === 0 && d === '$' && s[i + 1] === '{') { depth = 1; i += 2; continue; }
          if (depth > 0 && d === '{') depth++;
          if (depth > 0 && d === '}') depth--;
          if (depth > 0 && d === '"') { i++; quoted('"'); continue; }
          i++;
        }
        push({ kind: 'string', text: `${word}"` });
        continue;
      }
      push({ kind: SCALA_KEYWORDS.has(word) ? 'keyword' : 'id', text: word });
      continue;
    }
    if ('()[]{},;.'.includes(c)) { push({ kind: 'punct', text: c }); i++; continue; }
    if (OP_CHARS.test(c) || c === '⇒' || c === '←') {
      let j = i;
      while (j < s.length && OP_CHARS.test(s[j]) && !s.startsWith('//', j) && !s.startsWith('/*', j)) j++;
      if (j === i) j = i + 1;
      const op = s.slice(i, j);
      push({ kind: SCALA_KEYWORDS.has(op) ? 'keyword' : 'op', text: op });
      i = j;
      continue;
    }
    throw new ScalaLexError(`illegal character U+${c.charCodeAt(0).toString(16).padStart(4, '0')} at ${i}`);
  }
  return toks;
}

/** The statement shape of a Scala program: its tokens with literal values blanked. */
export function scalaShape(program: string): string {
  return scalaTokens(program).map((t) => {
    if (t.kind === 'string') return 'S';
    if (t.kind === 'char') return 'C';
    if (t.kind === 'newline') return '⏎';
    return t.text;
  }).join(' ');
}

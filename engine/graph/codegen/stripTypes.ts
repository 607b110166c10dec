/**
 * A conservative TypeScript → JavaScript type stripper for the subset that pipeline programs
 * and graph UDFs use: `: Type` annotations on parameters, variables and arrow return types,
 * `as Type` / `as const` / `satisfies Type`, `x!` non-null assertions before `.`/`)`/`,`/`;`,
 * explicit type arguments on calls (`new Array<number>()`, `f<T>(x)`), `import type` lines,
 * and top-level `type X = ...;` / `interface X {...}` declarations.
 *
 * It works on acorn's token stream and only ever deletes ranges, so line and column numbers of
 * what remains are those of the original (deleted text is replaced by spaces, newlines kept).
 * In Node the importer prefers esbuild; this runs everywhere (browser workers included).
 */
import { tokenizer, type Token } from 'acorn';

/**
 * acorn's tokens carry a `value` its declared Token class omits (a name's text, an operator's spelling, a literal's
 * value): only compared here, so `unknown`. `label` is copied from `type.label` to keep the scans short.
 */
type Tok = Token & { label: string; value: unknown };

function tokenize(source: string): Tok[] {
  const out: Tok[] = [];
  for (const t of tokenizer(source, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: true })) {
    (t as Tok).label = t.type.label;
    out.push(t as Tok);
  }
  return out;
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}', '${': '}' };
const CLOSE = new Set([')', ']', '}']);

/** Index of the token that closes the bracket opened at `i` (or -1). */
function matchBracket(toks: Tok[], i: number): number {
  let depth = 0;
  for (let j = i; j < toks.length; j++) {
    const l = toks[j].label;
    if (l in OPEN) depth++;
    else if (CLOSE.has(l)) { depth--; if (depth === 0) return j; }
  }
  return -1;
}

function isName(t: Tok | undefined, value?: string): boolean {
  return !!t && (t.label === 'name' || t.type.keyword !== undefined) && (value === undefined || t.value === value);
}

/** Index of the `>` closing type arguments opened by `<` at `i`, or -1 (counts `>>`, `>>>`). */
function matchAngle(toks: Tok[], i: number): number {
  let depth = 0;
  for (let j = i; j < toks.length; j++) {
    const t = toks[j];
    const v = typeof t.value === 'string' ? t.value : t.label;
    if (t.label === '</>/<=/>=' || t.label === '<>' || v === '<' || v === '>') {
      if (v === '<') depth++;
      else if (v === '>') { depth--; if (depth === 0) return j; }
      else return -1;
    } else if (t.label === '<</>>/>>>') {
      if (v === '>>') { depth -= 2; if (depth <= 0) return depth === 0 ? j : -1; }
      else if (v === '>>>') { depth -= 3; if (depth <= 0) return depth === 0 ? j : -1; }
      else return -1;
    } else if (t.label in OPEN) {
      const k = matchBracket(toks, j);
      if (k < 0) return -1;
      j = k;
    } else if (t.label === ';' || t.label === '=>' && depth === 0 || t.label === '=' || t.label === '&&' || t.label === '||') {
      return -1;
    }
  }
  return -1;
}

/** Parses a type starting at token `i`; returns the index of the first token after it, or -1. */
export function skipType(toks: Tok[], i: number): number {
  let j = i;
  if (toks[j] && (toks[j].value === '|' || toks[j].value === '&')) j++;
  for (;;) {
    const t = toks[j];
    if (!t) return -1;
    if (isName(t, 'typeof') || isName(t, 'keyof') || isName(t, 'readonly') || isName(t, 'unique')) { j++; continue; }
    if (t.label === '(') {
      const k = matchBracket(toks, j);
      if (k < 0) return -1;
      j = k + 1;
      if (toks[j]?.label === '=>') { const r = skipType(toks, j + 1); if (r < 0) return -1; j = r; }
    } else if (t.label === '[' || t.label === '{') {
      const k = matchBracket(toks, j);
      if (k < 0) return -1;
      j = k + 1;
    } else if (isName(t) || t.label === 'string' || t.label === 'num' || t.label === 'template' || t.label === '`') {
      if (t.label === '`') {
        let k = j + 1;
        while (toks[k] && toks[k].label !== '`') k++;
        j = k + 1;
      } else j++;
      while (toks[j]?.label === '.' && isName(toks[j + 1])) j += 2;
      if (toks[j]?.value === '<') { const k = matchAngle(toks, j); if (k < 0) return -1; j = k + 1; }
    } else if (t.label === '-/+' && toks[j + 1]?.label === 'num') {
      j += 2;
    } else {
      return -1;
    }
    // array suffixes and indexed access
    while (toks[j]?.label === '[' && toks[j].start === toks[j - 1].end) {
      const k = matchBracket(toks, j);
      if (k < 0) return -1;
      j = k + 1;
    }
    if (toks[j] && (toks[j].value === '|' || toks[j].value === '&')) { j++; continue; }
    if (isName(toks[j], 'extends') && toks[j + 1] && toks[j + 1].label !== '{') {
      // conditional type: A extends B ? C : D
      const a = skipType(toks, j + 1);
      if (a < 0 || toks[a]?.label !== '?') return j;
      const b = skipType(toks, a + 1);
      if (b < 0 || toks[b]?.label !== ':') return -1;
      return skipType(toks, b + 1);
    }
    return j;
  }
}

/** `T1, T2, ...` → index after the last type, or -1. */
function skipTypeList(toks: Tok[], i: number): number {
  let j = skipType(toks, i);
  while (j > 0 && toks[j]?.label === ',') j = skipType(toks, j + 1);
  return j;
}

const EXPR_END = new Set(['name', ')', ']', '}', 'string', 'num', '`', 'true', 'false', 'null', 'this', 'regexp', 'template']);

function endsExpression(t: Tok | undefined): boolean {
  if (!t) return false;
  if (t.type.keyword !== undefined) return ['this', 'true', 'false', 'null', 'super'].includes(t.type.keyword);
  return EXPR_END.has(t.label);
}

export interface StripResult { code: string; removed: number; /** removed [start, end) ranges, sorted */ cuts: [number, number][] }

/** Strips the TypeScript-only syntax listed above; throws acorn's SyntaxError on unreadable input. */
export function stripTypes(source: string): string {
  return stripTypesDetailed(source).code;
}

export function stripTypesDetailed(source: string): StripResult {
  const toks = tokenize(source);
  const cuts: [number, number][] = [];
  const cut = (from: number, to: number) => { if (to > from) cuts.push([from, to]); };
  /** Parameter-list parens already handled, keyed by the `(` token index. */
  const paramLists = new Set<number>();

  const markParams = (open: number, close: number) => {
    paramLists.add(open);
    // at depth 1 of the list: name `?`? `:` Type   (also after destructuring patterns); skip default values
    let depth = 0;
    let inDefault = false;
    for (let j = open; j <= close; j++) {
      const l = toks[j].label;
      if (l in OPEN) depth++;
      else if (CLOSE.has(l)) depth--;
      if (depth !== 1 || j === open) continue;
      if (l === ',') { inDefault = false; continue; }
      if (inDefault) continue;
      if (l === '=') { inDefault = true; continue; }
      if ((l === ']' || l === '}') && toks[j + 1]?.label === ':') { const e = annotate(j + 1, [',', ')', '=']); if (e > 0) j = e - 1; }
      else if (isName(toks[j]) && toks[j + 1]?.label === '?' && toks[j + 2]?.label === ':') { const e = annotate(j + 2, [',', ')', '=']); if (e > 0) { cut(toks[j + 1].start, toks[j + 1].end); j = e - 1; } }
      else if (isName(toks[j]) && toks[j + 1]?.label === ':') { const e = annotate(j + 1, [',', ')', '=']); if (e > 0) j = e - 1; }
      else if (isName(toks[j]) && ['public', 'private', 'protected', 'readonly'].includes(String(toks[j].value)) && isName(toks[j + 1])) cut(toks[j].start, toks[j + 1].start);
    }
  };
  /** `:` at index c starts a type that must end before one of `stops`; cuts it. Returns the end index or -1. */
  const annotate = (c: number, stops: string[]): number => {
    const e = skipType(toks, c + 1);
    if (e < 0 || !toks[e] || !stops.includes(toks[e].label)) return -1;
    cut(toks[c].start, toks[e - 1].end);
    return e;
  };

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const prev = toks[i - 1];
    const stmtStart = !prev || prev.label === ';' || prev.label === '}' || prev.label === '{' || (prev.end < t.start && /\n/.test(source.slice(prev.end, t.start)));
    // import type ... ; / export type ... ;
    if (stmtStart && t.label === 'import' && isName(toks[i + 1], 'type')) {
      let k = i; while (toks[k] && toks[k].label !== ';' && !(toks[k].label === 'string' && toks[k - 1] && isName(toks[k - 1], 'from'))) k++;
      const end = toks[k]?.label === ';' ? toks[k].end : toks[k] ? toks[k].end : source.length;
      if (toks[k + 1]?.label === ';' && toks[k].label === 'string') { cut(t.start, toks[k + 1].end); i = k + 1; } else { cut(t.start, end); i = k; }
      continue;
    }
    // import { type X, Y } → drop `type X`
    if (isName(t, 'type') && (prev?.label === '{' || prev?.label === ',') && isName(toks[i + 1]) && (toks[i + 2]?.label === ',' || toks[i + 2]?.label === '}')) {
      const k = i + 1;
      // remove "type Name" and one adjacent comma
      if (toks[k + 1].label === ',') { cut(t.start, toks[k + 1].end); i = k + 1; } else { cut(t.start, toks[k].end); i = k; }
      continue;
    }
    // type X = ...;   interface X { ... }   (optionally exported / declared)
    let d = i;
    if (stmtStart && (isName(toks[d], 'export') || isName(toks[d], 'declare'))) d++;
    if (stmtStart && isName(toks[d], 'type') && isName(toks[d + 1]) && (toks[d + 2]?.label === '=' || toks[d + 2]?.value === '<')) {
      let k = d + 2;
      if (toks[k].value === '<') { k = matchAngle(toks, k) + 1; if (k <= 0) continue; }
      const e = skipType(toks, k + 1);
      if (e > 0) { const end = toks[e]?.label === ';' ? toks[e].end : toks[e - 1].end; cut(t.start, end); i = toks[e]?.label === ';' ? e : e - 1; continue; }
    }
    if (stmtStart && isName(toks[d], 'interface') && isName(toks[d + 1])) {
      let k = d + 2;
      while (toks[k] && toks[k].label !== '{') k++;
      const e = matchBracket(toks, k);
      if (e > 0) { cut(t.start, toks[e].end); i = e; continue; }
    }
    // const/let/var name: Type = ...   (and destructuring patterns)
    if (t.label === 'const' || t.label === 'var' || (isName(t, 'let') && (isName(toks[i + 1]) || toks[i + 1]?.label === '[' || toks[i + 1]?.label === '{'))) {
      let k = i + 1;
      for (;;) {
        if (toks[k]?.label === '[' || toks[k]?.label === '{') k = matchBracket(toks, k) + 1;
        else if (isName(toks[k])) k++;
        else break;
        if (toks[k]?.label === '!/~' && toks[k].value === '!') { cut(toks[k].start, toks[k].end); k++; }
        if (toks[k]?.label === ':') { const e = annotate(k, ['=', ',', ';', '}', 'in', 'of']); if (e < 0) break; k = e; }
        if (toks[k]?.label !== ',') break;
        // skip to next declarator only when there is no initializer (the common `let a: T, b: U;` case)
        k++;
      }
      continue;
    }
    // function name<T>(params): Ret {
    if (t.label === 'function') {
      let k = i + 1;
      if (toks[k]?.label === '*') k++;
      if (isName(toks[k])) k++;
      if (toks[k]?.value === '<') { const e = matchAngle(toks, k); if (e > 0) { cut(toks[k].start, toks[e].end); k = e + 1; } }
      if (toks[k]?.label === '(') {
        const close = matchBracket(toks, k);
        if (close > 0) {
          markParams(k, close);
          if (toks[close + 1]?.label === ':') annotate(close + 1, ['{']);
        }
      }
      continue;
    }
    // arrow functions: (params): Ret => ... ; also generic <T>(params) =>
    if (t.label === '(' && !paramLists.has(i)) {
      const close = matchBracket(toks, i);
      if (close > 0) {
        let arrow = false;
        if (toks[close + 1]?.label === '=>') arrow = true;
        else if (toks[close + 1]?.label === ':') {
          const e = skipType(toks, close + 2);
          if (e > 0 && toks[e]?.label === '=>') { arrow = true; cut(toks[close + 1].start, toks[e - 1].end); }
        }
        // methods in object literals / classes: name(params): Ret {
        else if (isName(prev) && prev.label === 'name' && toks[close + 1]?.label === '{' && (toks[i - 2]?.label === '{' || toks[i - 2]?.label === ',' || toks[i - 2]?.label === '}' || toks[i - 2]?.label === ';' || isName(toks[i - 2], 'async'))) arrow = true;
        if (arrow) markParams(i, close);
      }
      continue;
    }
    // x as Type / x as const / x satisfies Type
    if ((isName(t, 'as') || isName(t, 'satisfies')) && endsExpression(prev) && t.label === 'name') {
      const e = isName(toks[i + 1], 'const') ? i + 2 : skipType(toks, i + 1);
      if (e > 0) { cut(prev.end, toks[e - 1].end); i = e - 1; continue; }
    }
    // non-null assertion x!.y  x!)  x!,  x!;
    if (t.label === '!/~' && t.value === '!' && endsExpression(prev) && prev.end === t.start && ['.', ')', ',', ';', ']', '?.'].includes(toks[i + 1]?.label ?? '')) {
      cut(t.start, t.end);
      continue;
    }
    // type arguments on a call or `new`: name<T>(...)
    if (t.value === '<' && isName(prev) && prev.end === t.start) {
      const e = matchAngle(toks, i);
      if (e > 0 && toks[e + 1]?.label === '(' && skipTypeList(toks, i + 1) === e) { cut(t.start, toks[e].end); i = e; continue; }
    }
  }
  if (cuts.length === 0) return { code: source, removed: 0, cuts: [] };
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  let removed = 0;
  const applied: [number, number][] = [];
  for (const [a, b] of cuts) {
    if (a < pos) continue;
    out += source.slice(pos, a) + source.slice(a, b).replace(/[^\n]/g, ' ');
    removed++;
    applied.push([a, b]);
    pos = b;
  }
  return { code: out + source.slice(pos), removed, cuts: applied };
}

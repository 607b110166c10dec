/**
 * Python quoting for the exporter: string literals and comment text. Python ends a comment at LF or CR, refuses
 * NUL anywhere in a source file, and reads an encoding declaration (`coding: …`) from a comment on the first two
 * lines, which would re-decode the whole file.
 */
import { commentLines, hex4, isUnsafeChar, mapChars } from './text';

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

/** `s` as a Python string literal in `quote`s (backslashes doubled, so `\N{…}`, `\x…` in the text stay text). */
export function pyString(s: string, quote: "'" | '"' = "'"): string {
  const body = mapChars(s, (c, code) => {
    if (c === '\\') return '\\\\';
    if (c === quote) return `\\${quote}`;
    if (NAMED[c]) return NAMED[c];
    if (code < 0x20 || isUnsafeChar(c)) return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${hex4(code).toLowerCase()}`;
    return c;
  });
  return quote + body + quote;
}

/** A Python string literal in whichever quote needs no escaping (single unless the text has one and no double). */
export function pyStringReadable(s: string): string {
  return pyString(s, s.includes("'") && !s.includes('"') ? '"' : "'");
}

/** Comment text that cannot be read as an encoding declaration. */
function noEncodingDeclaration(line: string): string {
  return line.replace(/coding([:=])/g, 'coding $1');
}

/** `# ` comment lines holding `text`. */
export function pyLineComment(text: string): string {
  return pyCommentLines(text).map((l) => `# ${l}`).join('\n');
}

/** The lines of `text` safe after a `#`. */
export function pyCommentLines(text: string): string[] {
  return commentLines(text).map(noEncodingDeclaration);
}

/**
 * The exporter's Python with string literals and comments blanked, for deciding which modules the code needs.
 * Reads the literals the exporter writes ('…', "…", with an optional r/b/f prefix, and triple-quoted ones).
 */
export function pyCodeOnly(text: string): string {
  return text.replace(/'''[\s\S]*?'''|"""[\s\S]*?"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|#[^\n]*/g, (m) => m.replace(/[^\n]/g, ' '));
}

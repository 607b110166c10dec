/**
 * Scala quoting for the exporter: string literals and comment text.
 *
 * Scala 2.12 (the exported build's scalaVersion) decodes `\uXXXX` escapes before it reads anything else, in
 * comments and strings alike, like Java: `\u000a` in a line comment ends it, `\u0022` in a string closes it, and a
 * `\u` not followed by four hex digits is an error. A backslash starts such an escape only after an even number of
 * backslashes, so literals double every backslash and comments add one to every odd run in front of a `u`.
 */
import { commentLines, isUnsafeChar, mapChars } from './text';

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/**
 * `s` as a Scala string literal. Escaped characters use the named escapes, the rest `\u00XX` (never `\u000a`,
 * `\u000d`, `\u0022` or `\u005c`, which scalac 2.12 would decode before lexing the string).
 */
export function scalaString(s: string): string {
  const body = mapChars(s, (c, code) => {
    if (c === '\\') return '\\\\';
    if (c === '"') return '\\"';
    if (NAMED[c]) return NAMED[c];
    if (code < 0x20 || isUnsafeChar(c)) return `\\u${code.toString(16).padStart(4, '0')}`;
    return c;
  });
  return `"${body}"`;
}

/** Text in which no backslash starts a unicode escape: every odd run of backslashes before a `u` gets one more. */
export function inertUnicodeEscapes(text: string): string {
  return text.replace(/\\+(?=u)/g, (run) => (run.length % 2 === 1 ? `${run}\\` : run));
}

/** `// ` comment lines holding `text`. */
export function scalaLineComment(text: string): string {
  return commentLines(text).map((l) => `// ${inertUnicodeEscapes(l)}`).join('\n');
}

/** Lines of text safe inside a Scala block comment (which nest: `/*` opens another one). */
export function scalaBlockCommentLines(text: string): string[] {
  return commentLines(text).map((l) => inertUnicodeEscapes(l).replace(/\*\//g, '* /').replace(/\/\*/g, '/ *'));
}

/**
 * The exporter's Scala with string literals and comments blanked, for deciding which imports the code needs
 * (a string saying "KafkaUtils" needs no import). Reads the literals the exporter writes: "…", """…""", '…'.
 */
export function scalaCodeOnly(text: string): string {
  return text.replace(/"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)'|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
}

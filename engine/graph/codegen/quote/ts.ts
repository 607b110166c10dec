/**
 * TypeScript quoting for the exporter: string literals, object keys and comment text. Exported programs are read by
 * TypeScript's scanner and by the importer (acorn), both of which end a line comment at LF, CR, U+2028 and U+2029.
 */
import { commentLines, hex4, isUnsafeChar, mapChars } from './text';

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\v': '\\v' };

/** `s` as a TypeScript string literal in `quote`s: backslashes, the quote, controls and line separators escaped. */
export function tsString(s: string, quote: "'" | '"' = "'"): string {
  const body = mapChars(s, (c, code) => {
    if (c === '\\') return '\\\\';
    if (c === quote) return `\\${quote}`;
    if (NAMED[c]) return NAMED[c];
    if (code < 0x20 || isUnsafeChar(c)) return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${hex4(code)}`;
    return c;
  });
  return quote + body + quote;
}

/**
 * An object literal key: bare when it is an identifier, else a string literal. `__proto__` is written computed:
 * as a plain key (bare or quoted) it would set the object's prototype instead of making a property.
 */
export function tsPropertyKey(key: string): string {
  if (key === '__proto__') return `[${tsString(key, '"')}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : tsString(key, '"');
}

/** `// ` comment lines holding `text` (one per line of it); no line of text can end the comment early. */
export function tsLineComment(text: string): string {
  return commentLines(text).map((l) => `// ${l}`).join('\n');
}

/** Lines of text safe inside a `/* … *\/` block comment (the caller adds the ` * ` prefixes). */
export function tsBlockCommentLines(text: string): string[] {
  return commentLines(text).map((l) => l.replace(/\*\//g, '* /'));
}

/**
 * What the three quoting modules (ts.ts, scala.ts, python.ts) share: which characters an exported program never
 * carries raw, how comment text is cut into lines, and the encoding of node ids in `node:` tags.
 *
 * Every string of a pipeline document (ids, labels, names, params, paths) may come from someone else's share link,
 * so none of them may end a comment, end a string literal or start a statement in the exported program.
 */

/**
 * Characters printed escaped in literals and as `U+XXXX` in comments: C0 controls but tab and newline (CR ends a
 * line everywhere, NUL is refused by Python, form feed and vertical tab are read differently by each language),
 * DEL and the C1 controls (U+0085 NEL ends lines in some editors), U+2028/U+2029 (line terminators in TypeScript),
 * the bidirectional controls and marks (they make code display differently from how it parses), the BOM and
 * lone surrogates (not encodable as UTF-8).
 */
const UNSAFE_SOURCE =
  '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff]' +
  '|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

/** One unsafe character (see above). */
export const UNSAFE_CHAR = new RegExp(UNSAFE_SOURCE);
/** Every unsafe character (global; for replace). */
export const UNSAFE_CHARS = new RegExp(UNSAFE_SOURCE, 'g');

/** Whether `c` (one UTF-16 code unit, or a pair) is printed escaped. */
export function isUnsafeChar(c: string): boolean {
  return c === '\r' || c === '\n' || UNSAFE_CHAR.test(c);
}

/** Four upper-case hex digits of a code unit. */
export function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/** Line terminators of any of the three languages, or of the editors showing the code. */
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/;

/**
 * Comment text as lines that contain no line terminator and no unsafe character: the text is cut at every line
 * terminator and each remaining unsafe character shows as `U+XXXX`. The languages add what else their comments need.
 */
export function commentLines(text: string): string[] {
  return text.split(LINE_BREAK).map((l) => l.replace(UNSAFE_CHARS, (c) => `U+${hex4(c.charCodeAt(0))}`));
}

/**
 * The UTF-16 code units of `s`, surrogate pairs kept together, each handed to `each`, which returns the text to
 * print for it (the literal escapers walk strings this way).
 */
export function mapChars(s: string, each: (c: string, code: number) => string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) { out += s[i] + s[i + 1]; i++; continue; }
    }
    out += each(s[i], code);
  }
  return out;
}

// ---------- node tags ----------

/**
 * Characters of a node id written as `%XX` / `%uXXXX` in its `node:` tag: whitespace and `*` (the importer's tag
 * pattern stops there), backslashes (Scala reads `\u` escapes in comments), and the unsafe characters.
 */
const TAG_ESCAPED = new RegExp(`[\\s*\\\\\\u0085]|${UNSAFE_SOURCE}|%(?=[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})`, 'g');

/** A node id as the text of its `// node: <id>` / `# node: <id>` tag; ids of letters, digits and `-_.` print as they are. */
export function nodeTagText(id: string): string {
  return id.replace(TAG_ESCAPED, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : `%u${hex4(code)}`;
  });
}

/** The node id a tag's text stands for (inverse of nodeTagText). */
export function parseNodeTagText(text: string): string {
  return text.replace(/%u([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})/g, (_m, u: string | undefined, b: string | undefined) =>
    String.fromCharCode(parseInt(u ?? b ?? '0', 16)));
}

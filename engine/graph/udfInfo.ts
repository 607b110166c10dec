/** Facts about a function's source text that the registry needs without running it (arity for exporters). */
import { parseExpressionAt } from 'acorn';

/** Number of declared parameters of a function source (`(rdd, time) => ...` → 2); -1 when it does not parse. */
export function functionArity(source: string): number {
  try {
    const node = parseExpressionAt(source, 0, { ecmaVersion: 'latest' });
    if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') return node.params.length;
    return -1;
  } catch {
    // TypeScript annotations: count the top-level commas of the leading parameter list.
    const m = /^\s*(?:async\s+)?(?:function\s*\w*\s*)?\(([^)]*)\)/.exec(source);
    if (m) return m[1].trim() === '' ? 0 : splitTop(m[1]).length;
    return /^\s*(?:async\s+)?[A-Za-z_$][\w$]*\s*=>/.test(source) ? 1 : -1;
  }
}

function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(' || ch === '[' || ch === '{' || ch === '<') depth++;
    else if (ch === ')' || ch === ']' || ch === '}' || ch === '>') depth--;
    if (ch === ',' && depth === 0) { parts.push(cur); cur = ''; } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts;
}

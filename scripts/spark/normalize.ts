/**
 * PySpark's pprint shows Python reprs (`('hello', 2)`), the engine and Scala show Scala's toString (`(hello,2)`).
 * To compare them, a Python repr line is parsed and written as Scala would print the same value; the engine's
 * Option values (`Some(1)`) are plain values in PySpark, so they are unwrapped on the engine side.
 */

type PyValue = string | number | boolean | null | { tuple: PyValue[] } | { list: PyValue[] } | { raw: string };

class PyReprReader {
  private i = 0;
  constructor(private readonly s: string) {}

  read(): PyValue {
    const v = this.value();
    this.ws();
    return this.i === this.s.length ? v : { raw: this.s };
  }

  private ws(): void { while (this.s[this.i] === ' ') this.i++; }

  private value(): PyValue {
    this.ws();
    const c = this.s[this.i];
    if (c === "'" || c === '"') return this.str(c);
    if (c === '(' || c === '[') {
      const close = c === '(' ? ')' : ']';
      this.i++;
      const items: PyValue[] = [];
      this.ws();
      while (this.i < this.s.length && this.s[this.i] !== close) {
        items.push(this.value());
        this.ws();
        if (this.s[this.i] === ',') this.i++;
        this.ws();
      }
      this.i++;
      return c === '(' ? { tuple: items } : { list: items };
    }
    const m = /^(None|True|False|-?[0-9][0-9.e+-]*|[A-Za-z_][\w.]*\([^)]*\))/.exec(this.s.slice(this.i));
    if (!m) { const rest = this.s.slice(this.i); this.i = this.s.length; return { raw: rest }; }
    this.i += m[0].length;
    if (m[0] === 'None') return null;
    if (m[0] === 'True' || m[0] === 'False') return m[0] === 'True';
    return /^-?[0-9]/.test(m[0]) ? Number(m[0]) : { raw: m[0] };
  }

  private str(q: string): string {
    this.i++;
    let out = '';
    while (this.i < this.s.length && this.s[this.i] !== q) {
      if (this.s[this.i] === '\\') {
        const n = this.s[++this.i];
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
      } else out += this.s[this.i];
      this.i++;
    }
    this.i++;
    return out;
  }
}

function scalaText(v: PyValue): string {
  if (v === null) return 'None';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return String(v);
  if ('tuple' in v) return `(${v.tuple.map(scalaText).join(',')})`;
  if ('list' in v) return `[${v.list.map(scalaText).join(', ')}]`;
  return v.raw;
}

/** One line of PySpark's pprint as the Scala line for the same value. */
export function pythonLineToScala(line: string): string {
  return line === '...' ? line : scalaText(new PyReprReader(line).read());
}

/**
 * One line the engine printed, with Some(x) unwrapped (PySpark has no Option) and grouped values
 * (`ArrayBuffer(1, 2)`, `CompactBuffer(1, 2)`) written as the list studio_driver.py prints a ResultIterable as.
 */
export function scalaLineOfEngineForPython(line: string): string {
  let prev = '';
  let cur = line;
  while (cur !== prev) { prev = cur; cur = cur.replace(/Some\(([^()]*)\)/g, '$1'); }
  return buffersAsLists(cur);
}

/** `ArrayBuffer(...)` / `CompactBuffer(...)` → `[...]`, matching the closing parenthesis (buffers may nest tuples). */
function buffersAsLists(line: string): string {
  let out = line;
  for (let m = /\b(?:ArrayBuffer|CompactBuffer)\(/.exec(out); m; m = /\b(?:ArrayBuffer|CompactBuffer)\(/.exec(out)) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    let close = out.length;
    for (let i = open; i < out.length; i++) {
      if (out[i] === '(') depth++;
      else if (out[i] === ')' && --depth === 0) { close = i; break; }
    }
    out = `${out.slice(0, m.index)}[${out.slice(open + 1, close)}]${out.slice(close + 1)}`;
  }
  return out;
}

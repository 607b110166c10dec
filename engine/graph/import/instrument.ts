/**
 * Prepares a TypeScript program for recording: strips the types (positions kept), parses it, reports syntax errors
 * with line and column, refuses dynamic `import()`, removes `import` declarations (their bindings become parameters
 * of the sandboxed function) and `export` keywords, and instruments the code so that the recorder learns
 *   - the original source text of every function value            `__src(fn, i)`
 *   - the `// node: <id>` tag of the statement that creates a node  `__tag("n1");`
 *   - the variable a stream is assigned to                          `__name(expr, "words")`
 * Platform-neutral (acorn only): it runs in the browser worker and in the Node worker alike.
 */
import { parse, type AnyNode, type Comment, type Program } from 'acorn';
import { isAstNode, nodeFields, patternNames } from '../../core/astNode';
import { stripTypesDetailed } from '../codegen/stripTypes';
import { NODE_TAG_RE, parseMetaComments, type MetaBlocks } from '../codegen/meta';
import { errors } from '../../core/errors';

export interface ImportBinding { local: string; imported: string; module: string }

export interface PreparedProgram {
  /** Instrumented JavaScript: the body of an async function. */
  js: string;
  /** Original (TypeScript) source text of instrumented function number i. */
  fnSources: string[];
  /** Bindings of the removed `import` declarations. */
  imports: ImportBinding[];
  /** Names declared at the program's top level (not to be shadowed by injected names). */
  topLevelNames: string[];
  /** Functions declared with `export` (an exported `main` is called when the top level builds nothing). */
  exportedFunctions: string[];
  meta: MetaBlocks;
}

export class ProgramSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number) {
    super(errors.importSyntax(line, column, message).message);
    this.name = 'ProgramSyntaxError';
  }
}

export class SandboxViolation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxViolation';
  }
}

/** Parses JavaScript (module, top-level await allowed) or throws ProgramSyntaxError with a 1-based column. */
export function parseProgram(js: string, comments?: Comment[]): Program {
  try {
    return parse(js, { ecmaVersion: 'latest', sourceType: 'module', locations: true, allowAwaitOutsideFunction: true, allowHashBang: true, onComment: comments });
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    if (err.loc) throw new ProgramSyntaxError(String(err.message).replace(/\s*\(\d+:\d+\)\s*$/, ''), err.loc.line, err.loc.column + 1);
    throw e;
  }
}

interface Edit { pos: number; text: string; open: boolean; key: number }

/**
 * @param source the program (TypeScript or JavaScript)
 * @param alreadyJs the source is JavaScript already (e.g. esbuild's output): skip the type stripper
 */
export function prepareProgram(source: string, alreadyJs = false): PreparedProgram {
  let stripped: string;
  let cuts: [number, number][] = [];
  try {
    if (alreadyJs) stripped = source;
    else ({ code: stripped, cuts } = stripTypesDetailed(source));
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    if (err.loc) throw new ProgramSyntaxError(String(err.message).replace(/\s*\(\d+:\d+\)\s*$/, ''), err.loc.line, err.loc.column + 1);
    throw e;
  }
  const comments: Comment[] = [];
  const ast = parseProgram(stripped, comments);
  const meta = parseMetaComments(comments.filter((c) => c.type === 'Block').map((c) => c.value));

  const chars = stripped.split('');
  const blank = (a: number, b: number) => { for (let i = a; i < b; i++) if (chars[i] !== '\n') chars[i] = ' '; };
  const edits: Edit[] = [];
  const fnSources: string[] = [];
  const imports: ImportBinding[] = [];
  const exportedFunctions: string[] = [];
  const topLevelNames: string[] = [];
  const statements: AnyNode[] = [];

  // top level: imports, exports, declared names
  for (const st of ast.body) {
    if (st.type === 'ImportDeclaration') {
      for (const s of st.specifiers) {
        imports.push({
          local: s.local.name,
          imported: s.type === 'ImportDefaultSpecifier' ? 'default' : s.type === 'ImportNamespaceSpecifier' ? '*' : (s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value)),
          module: String(st.source.value),
        });
      }
      blank(st.start, st.end);
      continue;
    }
    let decl: AnyNode = st;
    if (st.type === 'ExportNamedDeclaration' || st.type === 'ExportDefaultDeclaration') {
      // Only `export { a, b }` has no declaration (an `export default` always has one).
      if (!st.declaration) { blank(st.start, st.end); continue; }
      decl = st.declaration;
      if (st.type === 'ExportDefaultDeclaration' && !/Declaration$/.test(decl.type)) {
        blank(st.start, decl.start);
        edits.push({ pos: decl.start, text: 'void (', open: true, key: Infinity }, { pos: decl.end, text: ')', open: false, key: -1 });
        continue;
      }
      blank(st.start, decl.start);
      if (decl.type === 'FunctionDeclaration' && decl.id) exportedFunctions.push(decl.id.name);
    }
    if (decl.type === 'ExportAllDeclaration') { blank(decl.start, decl.end); continue; }
    if ((decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') && decl.id) topLevelNames.push(decl.id.name);
    if (decl.type === 'VariableDeclaration') for (const d of decl.declarations) patternNames(d.id, topLevelNames);
  }

  // walk everything with parents
  /** A function's original text reaches over type syntax removed right after it (`w => [w, 1] as [string, number]`). */
  const cutAt = new Map(cuts.map(([a, b]) => [a, b]));
  const originalEnd = (end: number) => { let e = end; while (cutAt.has(e)) e = cutAt.get(e)!; return e; };
  const walk = (node: AnyNode, parent: AnyNode | null, inStatementList: boolean): void => {
    if (inStatementList) statements.push(node);
    if (node.type === 'ImportExpression') throw new SandboxViolation(errors.importDynamicModule().message);
    if (node.type === 'MetaProperty' && node.meta.name === 'import') {
      blank(node.start, node.end);
      edits.push({ pos: node.start, text: '__importMeta', open: true, key: Infinity });
    }
    const isMethod = parent && ((parent.type === 'MethodDefinition') || (parent.type === 'Property' && (parent.method || parent.kind !== 'init')));
    if ((node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') && !isMethod) {
      const i = fnSources.push(source.slice(node.start, originalEnd(node.end))) - 1;
      edits.push({ pos: node.start, text: '__src(', open: true, key: node.end }, { pos: node.end, text: `, ${i})`, open: false, key: node.start });
    }
    if (node.type === 'FunctionDeclaration' && node.id && parent) {
      const i = fnSources.push(source.slice(node.start, node.end)) - 1;
      edits.push({ pos: node.end, text: ` ;__src(${node.id.name}, ${i});`, open: false, key: -Infinity });
    }
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init &&
      node.init.type !== 'ArrowFunctionExpression' && node.init.type !== 'FunctionExpression' && node.init.type !== 'ClassExpression') {
      edits.push({ pos: node.init.start, text: '__name(', open: true, key: node.init.end },
        { pos: node.init.end, text: `, ${JSON.stringify(node.id.name)})`, open: false, key: node.init.start });
    }
    const listKeys = node.type === 'Program' || node.type === 'BlockStatement' || node.type === 'StaticBlock' ? ['body'] : node.type === 'SwitchCase' ? ['consequent'] : [];
    for (const [k, v] of nodeFields(node)) {
      if (k === 'loc' || k === 'start' || k === 'end' || k === 'type') continue;
      const isList = listKeys.includes(k);
      if (Array.isArray(v)) { for (const x of v) if (isAstNode(x)) walk(x, node, isList); }
      else if (isAstNode(v)) walk(v, node, false);
    }
  };
  walk(ast, null, false);

  // tags: `// node: <id>` applies to the first statement after it
  const sortedStatements = statements
    .filter((s) => s.type !== 'ImportDeclaration' && s.type !== 'EmptyStatement' && !(s.type === 'ExportNamedDeclaration' && !s.declaration))
    .sort((a, b) => a.start - b.start);
  for (const c of comments) {
    if (c.type !== 'Line') continue;
    const m = NODE_TAG_RE.exec(c.value);
    if (!m) continue;
    const st = sortedStatements.find((s) => s.start >= c.end);
    if (!st) continue;
    // an `export` prefix was blanked: the statement proper starts at its declaration
    const pos = (st.type === 'ExportNamedDeclaration' || st.type === 'ExportDefaultDeclaration') && st.declaration ? st.declaration.start : st.start;
    edits.push({ pos, text: `__tag(${JSON.stringify(m[1])}); `, open: true, key: Number.MAX_VALUE });
  }

  // apply insertions: at one position, closings first (innermost first), then openings (outermost first)
  const desc = (a: number, b: number) => (b > a ? 1 : b < a ? -1 : 0);
  edits.sort((a, b) => a.pos - b.pos || (a.open === b.open ? desc(a.key, b.key) : a.open ? 1 : -1));
  const base = chars.join('');
  let js = '';
  let at = 0;
  for (const e of edits) {
    js += base.slice(at, e.pos) + e.text;
    at = e.pos;
  }
  js += base.slice(at);
  return { js, fnSources, imports, topLevelNames, exportedFunctions, meta };
}


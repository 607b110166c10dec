/**
 * Node's helper lookup for closure shipping (core/closureHelpers.ts): the top-level declarations of the program
 * module that is defining an operation, read from its file.
 *
 * Which module: the first frame of the current stack outside the engine's own modules and node_modules (engine
 * test files count as programs). Its file is read and, for TypeScript, stripped of types with esbuild (what tsx
 * and Vitest run is the same program); the declarations are found with acorn. A function declaration or a
 * `const` bound to a function expression is a helper; `let`/`var`, other consts, classes and imports are
 * reported as what they are, so the error can say why they cannot travel. Parsed files are kept per path and
 * modification time.
 */
import { parse } from 'acorn';
import type { Node as AcornNode, Program } from 'acorn';
import { patternNames } from '../../core/astNode';
import type { ProgramDeclaration, ProgramHelperSource, ProgramLookup } from '../../core/closureHelpers';
import { nodeBuiltin } from './builtin';

const ENGINE_ROOT = decodeURIComponent(new URL('../../', import.meta.url).pathname);
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;
const FRAME_FILE = /(?:\(|at )((?:file:\/\/)?\/[^\s()]+?):\d+:\d+\)?\s*$/;

interface ParsedProgram { mtimeMs: number; declarations: Map<string, ProgramDeclaration> }
const parsed = new Map<string, ParsedProgram>();

/** The file of the program on the current stack, if any. */
export function callingProgramFile(stack: string): string | undefined {
  for (const line of stack.split('\n').slice(1)) {
    const m = FRAME_FILE.exec(line);
    if (!m) continue;
    const file = m[1].startsWith('file://') ? decodeURIComponent(new URL(m[1]).pathname) : m[1];
    if (file.includes('/node_modules/')) continue;
    if (file.startsWith(ENGINE_ROOT) && !TEST_FILE.test(file)) continue;
    return file;
  }
  return undefined;
}

/** The top-level declarations of a module's JavaScript source. */
export function programDeclarations(js: string): Map<string, ProgramDeclaration> {
  const program: Program = parse(js, { ecmaVersion: 'latest', sourceType: 'module' });
  const out = new Map<string, ProgramDeclaration>();
  const text = (n: AcornNode): string => js.slice(n.start, n.end);
  for (const top of program.body) {
    const stmt = top.type === 'ExportNamedDeclaration' || top.type === 'ExportDefaultDeclaration' ? top.declaration : top;
    if (!stmt) continue;
    switch (stmt.type) {
      case 'FunctionDeclaration':
        if (stmt.id) out.set(stmt.id.name, { kind: 'function', source: text(stmt) });
        break;
      case 'ClassDeclaration':
        if (stmt.id) out.set(stmt.id.name, { kind: 'other', what: 'a class' });
        break;
      case 'VariableDeclaration':
        for (const d of stmt.declarations) {
          const init = d.init;
          if (d.id.type === 'Identifier' && stmt.kind === 'const' && init && (init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression')) {
            out.set(d.id.name, { kind: 'function', source: text(init) });
            continue;
          }
          const names: string[] = [];
          patternNames(d.id, names);
          const what = stmt.kind === 'const' ? 'a const value, which the program may change' : `a ${stmt.kind} variable`;
          for (const n of names) out.set(n, { kind: 'other', what });
        }
        break;
      case 'ImportDeclaration':
        for (const s of stmt.specifiers) out.set(s.local.name, { kind: 'other', what: 'an import' });
        break;
      default: break;
    }
  }
  return out;
}

function toJavaScript(file: string, source: string): string | undefined {
  if (!TYPESCRIPT_FILE.test(file)) return source;
  const mod = nodeBuiltin('node:module');
  if (!mod) return undefined;
  try {
    const esbuild = mod.createRequire(import.meta.url)('esbuild') as { transformSync(code: string, o: object): { code: string } };
    return esbuild.transformSync(source, { loader: file.endsWith('x') ? 'tsx' : 'ts', format: 'esm', target: 'es2022' }).code;
  } catch {
    return undefined; // no esbuild here, or a file it cannot read: no helpers (free names stay errors)
  }
}

function declarationsOf(file: string): Map<string, ProgramDeclaration> | undefined {
  const fs = nodeBuiltin('node:fs');
  if (!fs) return undefined;
  let mtimeMs: number;
  try { mtimeMs = fs.statSync(file).mtimeMs; } catch { return undefined; }
  const hit = parsed.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.declarations;
  const js = toJavaScript(file, fs.readFileSync(file, 'utf8'));
  if (js === undefined) return undefined;
  let declarations: Map<string, ProgramDeclaration>;
  try { declarations = programDeclarations(js); } catch { return undefined; }
  parsed.set(file, { mtimeMs, declarations });
  return declarations;
}

/** The lookup of the program on the current stack (installed by the Node host, engine/runtime/hostRuntime.ts). */
export const nodeProgramHelpers: ProgramHelperSource = (): ProgramLookup | undefined => {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 100;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  const file = callingProgramFile(stack);
  const declarations = file === undefined ? undefined : declarationsOf(file);
  return declarations && ((name) => declarations.get(name));
};

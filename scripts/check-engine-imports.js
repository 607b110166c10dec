#!/usr/bin/env node
// Keeps engine/ framework-free (DESIGN.md: "engine/ is framework-free TypeScript: no DOM, no React,
// no D3"). Part of `npm run typecheck`.
//
//   node scripts/check-engine-imports.js [engineDir]      (default: <project>/engine)
//
// For every non-test source file under engineDir (test files: *.test.*, *.spec.*, __tests__/,
// __fixtures__/) it reports, as file:line, any
//   - import / export-from / import() / require() of react, react-dom, @xyflow/*, d3 or d3-*;
//   - reference to the DOM globals `document.` / `window.` (also via globalThis./self.), unless
//     the file declares its own binding of that name (e.g. a `window` Duration parameter);
//   - call of Date.now() or Math.random() outside core/clock.ts, the one wall-clock reader
//     (time and randomness are injected: a Clock and a seeded Rng);
//   - call of performance.now(), setTimeout() or setInterval() (also via globalThis./self.) outside the
//     files of REAL_TIME_FILES, each listed with the reason it may wait on or read real time: engine
//     logic waits on the injected Clock (core/clock.ts, core/recurringTimer.ts);
//   - import of a Node built-in (node:fs, fs, worker_threads, ...) outside cluster/node/ and
//     files named *.node.ts; `import type` of a Node module is allowed anywhere (erased at build).
// Comments and string contents are ignored. Exit code 1 when anything is found, 2 on bad usage.

import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

const SOURCE_EXT = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/;
const SKIP_DIRS = new Set(['node_modules', '__tests__', '__fixtures__', 'dist']);
const UI_MODULE = /^(react|react-dom)(\/.*)?$|^@xyflow\/|^d3(-[a-z0-9-]+)?(\/.*)?$/;
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, m.split('/')[0]]));
const WALL_CLOCK_FILE = 'core/clock.ts';

/** The only engine files that may call performance.now(), setTimeout() or setInterval(), and why. */
export const REAL_TIME_FILES = new Map([
  ['core/clock.ts', 'the clock implementations: SystemClock waits on wall time; stopwatch() measures task metrics'],
  ['core/hostTimers.ts', 'real-time waits that decide nothing the engine computes: a host event-loop turn, real-ms API timeouts'],
  ['executor/executor.ts', "slowTask's straggler is a real-time delay, as a slow task is on Spark (task times are real)"],
  ['scheduler/TaskScheduler.ts', 'host-side: polls for a free executor slot and enforces the real-time task timeout'],
  ['cluster/clusterBackend.ts', 'host-side: a worker process must register within a real-time timeout'],
  ['graph/import/importTs.node.ts', 'host-side (Node): the program import runs under a real-time timeout'],
  ['streaming/conformance/runner.ts', 'test harness: real-time guards so a hung case fails instead of hanging the suite'],
  ['streaming/recovery/fixtures.ts', 'test harness: lets worker messages arrive between test steps'],
  ['reliability/reliableReceiver.node.ts', 'test harness (Node): drives sockets and measures the wall time it reports'],
]);

function isNodeBuiltin(spec) {
  if (spec.startsWith('node:')) return true;
  return NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]);
}

function mayUseNode(rel) {
  return rel.startsWith('cluster/node/') || /\.node\.[cm]?[jt]sx?$/.test(rel);
}

/**
 * Blanks comments and the contents of string/template/regex literals (newlines kept, so offsets
 * and line numbers stay valid) and returns the literals it saw.
 */
export function sanitize(src) {
  const out = src.split('');
  const strings = [];
  const blank = (from, to) => { for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' '; };
  const templateDepth = []; // brace depth at which each open template's ${ ... } started
  let braceDepth = 0;
  let lastSignificant = ''; // last non-space char of code (not literal), for the regex heuristic
  let lastWord = '';
  let i = 0;
  const n = src.length;

  const readQuoted = (quote, start) => {
    let j = start + 1;
    while (j < n && src[j] !== quote && src[j] !== '\n') j += src[j] === '\\' ? 2 : 1;
    return Math.min(j, n - 1);
  };
  // Reads template text from `start` (just after ` or }) up to the closing ` or the next ${.
  const readTemplate = (start) => {
    let j = start;
    while (j < n) {
      if (src[j] === '\\') { j += 2; continue; }
      if (src[j] === '`') return { end: j, kind: 'close' };
      if (src[j] === '$' && src[j + 1] === '{') return { end: j, kind: 'expr' };
      j++;
    }
    return { end: n, kind: 'close' };
  };

  while (i < n) {
    const c = src[i];
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      let j = i;
      while (j < n && src[j] !== '\n') j++;
      blank(i, j);
      i = j;
      continue;
    }
    if (c === '/' && d === '*') {
      const j = src.indexOf('*/', i + 2);
      const end = j < 0 ? n : j + 2;
      blank(i, end);
      i = end;
      continue;
    }
    if (c === '"' || c === "'") {
      const j = readQuoted(c, i);
      strings.push({ start: i, end: j + 1, value: src.slice(i + 1, j) });
      blank(i + 1, j);
      lastSignificant = c;
      lastWord = '';
      i = j + 1;
      continue;
    }
    if (c === '`' || (c === '}' && templateDepth.length && templateDepth[templateDepth.length - 1] === braceDepth)) {
      if (c === '}') templateDepth.pop();
      const t = readTemplate(i + 1);
      blank(i + 1, t.end);
      if (t.kind === 'expr') {
        templateDepth.push(braceDepth);
        i = t.end + 2; // past ${
      } else {
        i = t.end + 1;
      }
      lastSignificant = '`';
      lastWord = '';
      continue;
    }
    if (c === '/') {
      const regexAllowed = lastSignificant === '' || '(,=:[!&|?{};+-*%<>~^'.includes(lastSignificant) ||
        ['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'void', 'yield', 'await', 'delete', 'throw', 'new'].includes(lastWord);
      if (regexAllowed) {
        let j = i + 1;
        let inClass = false;
        while (j < n && src[j] !== '\n') {
          if (src[j] === '\\') { j += 2; continue; }
          if (src[j] === '[') inClass = true;
          else if (src[j] === ']') inClass = false;
          else if (src[j] === '/' && !inClass) break;
          j++;
        }
        blank(i + 1, j);
        i = j + 1;
        lastSignificant = '/';
        lastWord = '';
        continue;
      }
    }
    if (c === '{') braceDepth++;
    if (c === '}') braceDepth--;
    if (/[A-Za-z0-9_$]/.test(c)) {
      let j = i;
      while (j < n && /[A-Za-z0-9_$]/.test(src[j])) j++;
      lastWord = src.slice(i, j);
      lastSignificant = src[j - 1];
      i = j;
      continue;
    }
    if (!/\s/.test(c)) { lastSignificant = c; lastWord = ''; }
    i++;
  }
  return { code: out.join(''), strings };
}

function lineOf(src, offset) {
  let line = 1;
  for (let k = 0; k < offset && k < src.length; k++) if (src.charCodeAt(k) === 10) line++;
  return line;
}

/** Module specifiers in a sanitized file: { spec, offset, typeOnly }. */
function moduleSpecifiers(code, strings) {
  const found = [];
  for (const s of strings) {
    const before = code.slice(Math.max(0, s.start - 2000), s.start).replace(/\s+$/, '');
    let kind;
    if (/(^|[^\w$.])from$/.test(before)) kind = 'from';
    else if (/(^|[^\w$.])import$/.test(before)) kind = 'bare';
    else if (/(^|[^\w$.])(import|require)\s*\($/.test(before)) kind = 'call';
    if (!kind) continue;
    let typeOnly = false;
    if (kind === 'from') {
      const keywords = [...before.matchAll(/(?<![\w$.])(?:import|export)\b/g)];
      const last = keywords[keywords.length - 1];
      typeOnly = !!last && /^(import|export)\s+type\b/.test(before.slice(last.index));
    }
    found.push({ spec: s.value, offset: s.start, typeOnly });
  }
  return found;
}

function declaresBinding(code, name) {
  const decl = new RegExp(
    `\\b(const|let|var|function|class)\\s+${name}\\b` +
    `|[(,]\\s*(readonly\\s+|private\\s+|public\\s+|protected\\s+)*${name}\\s*\\??\\s*[:,)=]` +
    `|[{,]\\s*${name}\\s*[,}=]` +
    `|\\bimport\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`,
  );
  return decl.test(code);
}

/** Checks one file's text. `rel` is its path relative to the engine dir, with '/' separators. */
export function checkSource(rel, src) {
  const problems = [];
  const { code, strings } = sanitize(src);
  const report = (offset, message) => problems.push({ line: lineOf(src, offset), message });

  for (const { spec, offset, typeOnly } of moduleSpecifiers(code, strings)) {
    if (UI_MODULE.test(spec)) report(offset, `imports "${spec}": engine/ must not depend on React, React Flow or D3 (emit events; the UI renders them)`);
    else if (isNodeBuiltin(spec) && !typeOnly && !mayUseNode(rel)) {
      report(offset, `imports Node module "${spec}": only files under cluster/node/ or named *.node.ts may use Node built-ins (put it behind a platform adapter)`);
    }
  }

  for (const name of ['document', 'window']) {
    const shadowed = declaresBinding(code, name);
    const re = new RegExp(`(?:(?<![\\w$.])|\\b(?:globalThis|self)\\s*\\.\\s*)${name}\\s*\\.`, 'g');
    for (const m of code.matchAll(re)) {
      const viaGlobal = /^(globalThis|self)/.test(m[0]);
      if (shadowed && !viaGlobal) continue;
      report(m.index, `uses the DOM global "${name}.": engine/ runs in workers and Node, where there is no ${name}`);
    }
  }

  if (rel !== WALL_CLOCK_FILE) {
    for (const m of code.matchAll(/(?<![\w$.])Date\s*\.\s*now\s*\(/g)) {
      report(m.index, `calls Date.now(): read time from the injected Clock (core/clock.ts is the only wall-clock reader)`);
    }
    for (const m of code.matchAll(/(?<![\w$.])Math\s*\.\s*random\s*\(/g)) {
      report(m.index, `calls Math.random(): use a seeded Rng so that the same seed gives the same run`);
    }
  }
  if (!REAL_TIME_FILES.has(rel)) {
    const timers = /(?:(?<![\w$.])|\b(?:globalThis|self)\s*\.\s*)(performance\s*\.\s*now|setTimeout|setInterval)\s*\(/g;
    for (const m of code.matchAll(timers)) {
      const name = m[1].replace(/\s+/g, '');
      report(m.index, `calls ${name}(): engine logic reads and waits on the injected Clock (core/clock.ts, core/recurringTimer.ts); a real-time wait that decides nothing belongs in core/hostTimers.ts, and a new exception needs its reason in REAL_TIME_FILES`);
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

function* walk(dir, root) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) yield* walk(full, root);
    } else if (entry.isFile() && SOURCE_EXT.test(entry.name) && !TEST_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield full;
    }
  }
}

/** Checks every non-test source file under `engineDir`; returns the problems with display paths. */
export function checkEngineDir(engineDir) {
  const results = [];
  let files = 0;
  for (const file of walk(engineDir, engineDir)) {
    files++;
    const rel = path.relative(engineDir, file).split(path.sep).join('/');
    for (const p of checkSource(rel, fs.readFileSync(file, 'utf8'))) {
      results.push({ file: path.relative(process.cwd(), file) || file, ...p });
    }
  }
  return { files, problems: results };
}

function main() {
  const args = process.argv.slice(2);
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    console.error('usage: node scripts/check-engine-imports.js [engineDir]');
    process.exit(2);
  }
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.resolve(args[0] ?? path.join(projectRoot, 'engine'));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    console.error(`check-engine-imports: ${dir} is not a directory`);
    process.exit(2);
  }
  const { files, problems } = checkEngineDir(dir);
  if (problems.length) {
    for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`);
    console.error(`check-engine-imports: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${new Set(problems.map((p) => p.file)).size} file(s) under ${path.relative(process.cwd(), dir) || dir}/`);
    process.exit(1);
  }
  console.log(`check-engine-imports: ${files} engine files OK (no UI libraries, DOM globals, wall-clock/random reads, stray timers or stray Node imports)`);
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) main();

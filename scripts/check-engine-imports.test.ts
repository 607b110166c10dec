import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./check-engine-imports.js', import.meta.url));
const dirs: string[] = [];

/** Writes `files` (path relative to a fresh engine dir → contents) and runs the checker on it. */
function check(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-check-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const r = spawnSync(process.execPath, [script, dir], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('check-engine-imports', () => {
  it('passes a clean engine', () => {
    const r = check({
      'core/time.ts': 'export const Seconds = (s: number) => s * 1000;\n',
      'core/clock.ts': 'export const now = () => Date.now();\nexport const r = () => Math.random();\n',
      'cluster/node/workerAdapter.ts': "import { Worker } from 'node:worker_threads';\nexport { Worker };\n",
      'cluster/fs.node.ts': "import fs from 'node:fs';\nexport { fs };\n",
      'cluster/platform.ts': "import type { Worker } from 'node:worker_threads';\nexport type W = Worker;\n",
      'streaming/window.ts': [
        '// window.foo and document.bar in a comment, Date.now() too',
        "const msg = 'window.location and Math.random() in a string';",
        'const t = `document.title ${msg} Date.now()`;',
        'export function windowed(window: { milliseconds: number }, slide: number) {',
        '  return window.milliseconds / slide;',
        '}',
        'export const x = { t, re: /window\\.x/ };',
        'export class D { window(d: number) { return this.window(d); } }',
      ].join('\n'),
      'core/thing.test.ts': "import React from 'react';\nDate.now();\nwindow.alert('x');\n",
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/6 engine files OK/);
  });

  it('reports UI library imports with file:line', () => {
    const r = check({
      'a.ts': "import React from 'react';\n",
      'b.ts': "\nimport { createRoot } from 'react-dom/client';\n",
      'c.ts': "export { ReactFlow } from '@xyflow/react';\n",
      'd.ts': "import * as d3 from 'd3';\nimport { scaleLinear } from 'd3-scale';\n",
      'e.ts': "export async function f() { return import('d3-selection'); }\n",
      'f.ts': "import {\n  useState,\n} from 'react';\n",
      'g.ts': "import 'react';\n",
    });
    expect(r.code).toBe(1);
    for (const loc of ['a.ts:1', 'b.ts:2', 'c.ts:1', 'd.ts:1', 'd.ts:2', 'e.ts:1', 'f.ts:3', 'g.ts:1']) {
      expect(r.err).toContain(`${loc}: imports`);
    }
    expect(r.err).toMatch(/8 problems in 7 file\(s\)/);
  });

  it('reports DOM globals', () => {
    const r = check({
      'dom.ts': "export const w = () => window.innerWidth;\nexport const d = () => document.createElement('div');\nexport const g = () => globalThis.document.title;\n",
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/dom\.ts:1: uses the DOM global "window\."/);
    expect(r.err).toMatch(/dom\.ts:2: uses the DOM global "document\."/);
    expect(r.err).toMatch(/dom\.ts:3: uses the DOM global "document\."/);
  });

  it('reports Date.now() and Math.random() outside core/clock.ts', () => {
    const r = check({
      'core/clock.ts': 'export const now = () => Date.now();\n',
      'scheduler/dag.ts': 'export const a = 1;\nexport const t = () => Date.now();\nexport const r = () => Math.random();\n',
      'core/other/clock.ts': 'export const now = () => Date.now();\n',
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/scheduler[\\/]dag\.ts:2: calls Date\.now\(\)/);
    expect(r.err).toMatch(/scheduler[\\/]dag\.ts:3: calls Math\.random\(\)/);
    expect(r.err).toMatch(/core[\\/]other[\\/]clock\.ts:1: calls Date\.now\(\)/);
    expect(r.err).not.toMatch(/^core[\\/]clock\.ts/m);
  });

  it('reports performance.now(), setTimeout() and setInterval() outside the listed real-time files', () => {
    const r = check({
      'core/clock.ts': 'export const t = () => performance.now();\nsetTimeout(() => 1, 5);\n',
      'core/hostTimers.ts': 'export const turn = () => new Promise((r) => setTimeout(r, 0));\n',
      'scheduler/dag.ts': [
        'export const a = 1;',
        'const id = setInterval(() => a, 100);',
        'export const t0 = performance.now();',
        'globalThis.setTimeout(() => a, 1);',
        '// setTimeout(() => a) in a comment, and in a string:',
        "export const s = 'setInterval(f, 1)';",
        'export const timers = { setTimeout: (f: () => void) => f(), clearInterval: id };',
      ].join('\n'),
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/scheduler[\\/]dag\.ts:2: calls setInterval\(\): engine logic reads and waits on the injected Clock/);
    expect(r.err).toMatch(/scheduler[\\/]dag\.ts:3: calls performance\.now\(\)/);
    expect(r.err).toMatch(/scheduler[\\/]dag\.ts:4: calls setTimeout\(\)/);
    expect(r.err).not.toMatch(/dag\.ts:[567]:/);
    expect(r.err).not.toMatch(/^core[\\/](clock|hostTimers)\.ts/m);
  });

  it('gives every real-time exception a reason', () => {
    const listing = `import(${JSON.stringify(new URL('./check-engine-imports.js', import.meta.url).href)}).then((m) => console.log(JSON.stringify([...m.REAL_TIME_FILES])))`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', listing], { encoding: 'utf8' });
    const exceptions = JSON.parse(r.stdout) as [string, string][];
    expect(exceptions.length).toBeGreaterThan(0);
    for (const [file, reason] of exceptions) {
      expect(file).toMatch(/^[a-z]+\/[\w/.]+\.ts$/);
      expect(reason.length, file).toBeGreaterThan(20);
    }
  });

  it('allows Node built-ins only under cluster/node/ and in *.node.ts', () => {
    const r = check({
      'cluster/node/ok.ts': "import { Worker } from 'node:worker_threads';\nimport os from 'os';\n",
      'checkpoint/ok.node.ts': "import fs from 'node:fs/promises';\n",
      'cluster/local.ts': "import { Worker } from 'node:worker_threads';\n",
      'checkpoint/store.ts': "\n\nimport fs from 'fs';\nconst p = require('path');\n",
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cluster[\\/]local\.ts:1: imports Node module "node:worker_threads"/);
    expect(r.err).toMatch(/checkpoint[\\/]store\.ts:3: imports Node module "fs"/);
    expect(r.err).toMatch(/checkpoint[\\/]store\.ts:4: imports Node module "path"/);
    expect(r.err).not.toMatch(/ok\.(node\.)?ts/);
  });

  it('exits 2 on a missing directory', () => {
    const r = spawnSync(process.execPath, [script, path.join(os.tmpdir(), 'no-such-engine-dir-xyz')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not a directory/);
  });
});

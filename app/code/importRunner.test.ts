import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePipeline } from '../../engine/graph/schema';
import { exportGraph } from '../../engine/graph/codegen/index';
import { handleImportRequest, type ImportRequest } from '../../engine/graph/import/worker';
import { IMPORT_TIMEOUT_MS, ImportError } from '../../engine/graph/import/index';
import { ImportCancelled, describeImportFailure, excerptAt, runImport, type WorkerLike } from './importRunner';

/** A worker that answers with the real import handler (in this thread), like app/workers/import.worker.ts. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  onmessageerror: WorkerLike['onmessageerror'] = null;
  terminated = 0;
  posted: unknown[] = [];
  constructor(private reply: 'real' | 'never' | ((data: unknown, w: FakeWorker) => void) = 'real') {}
  postMessage(data: unknown) {
    this.posted.push(data);
    if (this.reply === 'never') return;
    if (typeof this.reply === 'function') { this.reply(data, this); return; }
    void handleImportRequest(data as ImportRequest).then((r) => this.onmessage?.({ data: structuredClone(r) }));
  }
  terminate() { this.terminated++; }
}

const wordcount = () => {
  const r = parsePipeline(readFileSync(join(__dirname, '../../public/examples/wordcount.json'), 'utf8'));
  if (!r.ok) throw new Error(r.issues.join('; '));
  return r.graph;
};

async function failure(p: Promise<unknown>): Promise<ImportError> {
  try { await p; } catch (e) { if (e instanceof ImportError) return e; throw e; }
  throw new Error('expected the import to fail');
}

describe('runImport', () => {
  it('imports an exported program through the worker protocol and terminates the worker', async () => {
    const g = wordcount();
    const w = new FakeWorker();
    const { graph, warnings } = await runImport(exportGraph(g, 'ts'), () => w).result;
    expect(warnings).toEqual([]);
    expect(graph.nodes.map((n) => [n.id, n.op])).toEqual(g.nodes.map((n) => [n.id, n.op]));
    expect(graph.edges.map((e) => [e.id, e.source, e.target])).toEqual(g.edges.map((e) => [e.id, e.source, e.target]));
    expect(graph.nodes.find((n) => n.id === 'words')?.position).toEqual(g.nodes.find((n) => n.id === 'words')?.position);
    expect(w.posted).toEqual([{ source: exportGraph(g, 'ts') }]);
    expect(w.terminated).toBe(1);
  });

  it('reports a syntax error with its line and column', async () => {
    const src = "import { SparkConf } from '../engine/index';\nconst conf = new SparkConf(;\n";
    const e = await failure(runImport(src, () => new FakeWorker()).result);
    expect(e.kind).toBe('syntax');
    expect(e.line).toBe(2);
    expect(e.column).toBeGreaterThan(0);
    const f = describeImportFailure(e);
    expect(f).toMatchObject({ titleKey: 'code.import.failed.syntax', line: 2 });
    expect(excerptAt(src, e.line!, e.column!)?.text).toBe('const conf = new SparkConf(;');
  });

  it('reports network access as a sandbox violation', async () => {
    const src = "const r = await fetch('https://example.com/data');\n";
    const e = await failure(runImport(src, () => new FakeWorker()).result);
    expect(e.kind).toBe('sandbox');
    expect(e.message).toMatch(/fetch/);
  });

  it('terminates a worker that does not answer in time, with a message', async () => {
    const w = new FakeWorker('never');
    let fire: (() => void) | undefined;
    let delay = 0;
    const run = runImport('while (true) {}', () => w, { setTimer: (f, ms) => { fire = f; delay = ms; return 1; }, clearTimer: () => {} });
    expect(delay).toBe(IMPORT_TIMEOUT_MS);
    expect(w.terminated).toBe(0);
    fire!();
    const e = await failure(run.result);
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/longer than 2 s/);
    expect(w.terminated).toBe(1);
    expect(describeImportFailure(e).titleKey).toBe('code.import.failed.timeout');
  });

  it('a real endless loop is cut off by the timer (real timers, short limit)', async () => {
    const w = new FakeWorker('never');
    const started = Date.now();
    const e = await failure(runImport('for (;;) {}', () => w, { timeoutMs: 50 }).result);
    expect(e.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(w.terminated).toBe(1);
  });

  it('cancel terminates the worker and rejects with ImportCancelled', async () => {
    const w = new FakeWorker('never');
    const run = runImport('x', () => w);
    run.cancel();
    await expect(run.result).rejects.toBeInstanceOf(ImportCancelled);
    expect(w.terminated).toBe(1);
    run.cancel();
    expect(w.terminated).toBe(1);
  });

  it('turns worker errors, odd replies and a worker that cannot start into runtime errors that say what to do', async () => {
    const crashed = await failure(runImport('x', () => new FakeWorker((_d, w) => w.onerror?.({ message: 'out of memory' }))).result);
    expect(crashed.kind).toBe('runtime');
    expect(crashed.message).toMatch(/out of memory/);
    const odd = await failure(runImport('x', () => new FakeWorker((_d, w) => w.onmessage?.({ data: 42 }))).result);
    expect(odd.message).toMatch(/unexpected reply/);
    const none = await failure(runImport('x', () => { throw new Error('Worker is not defined'); }).result);
    expect(none.message).toMatch(/could not be started: Worker is not defined\. Reload/);
  });
});

describe('excerptAt', () => {
  it('points a caret at the column', () => {
    expect(excerptAt('a\n  bad(;\n', 2, 7)).toEqual({ text: '  bad(;', caret: '      ^' });
    expect(excerptAt('a', 5, 1)).toBeNull();
    expect(excerptAt('abc', 1, 99)?.caret).toBe('   ^');
  });
});

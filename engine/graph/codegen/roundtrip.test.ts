/**
 * For every gallery example (public/examples/*.json):
 *   graph → TS → graph equals the original (ids, ops, params modulo registry defaults, edges, positions, labels);
 *   TS → graph → TS is stable; Scala and Python match their golden files (UPDATE_GOLDEN=1 rewrites them) and the
 *   Python compiles (python3 -m py_compile); the exported TS program prints what the headless graph run prints.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PipelineGraph } from '../types';
import { parsePipeline } from '../schema';
import { edgePort, getOp } from '../registry';
import { resolveParams } from '../opSpec';
import { exportGraph } from './index';
import { importTypeScript } from '../import/index';
import { importTypeScript as importInWorker } from '../import/importTs.node';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const examplesDir = join(root, 'public/examples');
const goldenDir = join(here, '__golden__');
const update = process.env.UPDATE_GOLDEN === '1';

const examples = existsSync(examplesDir)
  ? readdirSync(examplesDir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort()
  : [];

function load(file: string): PipelineGraph {
  const r = parsePipeline(readFileSync(join(examplesDir, file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${r.issues.join('; ')}`);
  return r.graph;
}

/** The graph as the round trip must keep it: params with defaults filled, edges with their resolved port. */
function normal(g: PipelineGraph) {
  const nodes = [...g.nodes].sort((a, b) => a.id.localeCompare(b.id)).map((n) => {
    const op = getOp(n.op);
    return { id: n.id, op: n.op, params: op ? resolveParams(op, n.params) : n.params, position: n.position, label: n.label };
  });
  const edges = [...g.edges].sort((a, b) => a.id.localeCompare(b.id)).map((e) => ({
    id: e.id, source: e.source, target: e.target, port: edgePort(getOp(g.nodes.find((n) => n.id === e.target)?.op ?? ''), e.targetPort),
  }));
  return { name: g.name, master: g.master, batchDuration: g.batchDuration, seed: g.seed, checkpointDir: g.checkpointDir, conf: g.conf ?? {}, nodes, edges };
}

describe('gallery round trip', () => {
  it('has gallery examples to check', () => { expect(examples.length).toBeGreaterThan(0); });

  for (const file of examples) {
    describe(file, () => {
      it('graph → TypeScript → graph keeps ids, ops, params, edges and positions', async () => {
        const g = load(file);
        const { graph, warnings } = await importTypeScript(exportGraph(g, 'ts'));
        expect(warnings).toEqual([]);
        expect(normal(graph)).toEqual(normal(g));
      });

      it('TypeScript → graph → TypeScript is stable', async () => {
        const ts = exportGraph(load(file), 'ts');
        const again = exportGraph((await importTypeScript(ts)).graph, 'ts');
        expect(again).toBe(ts);
      });

      for (const [lang, ext] of [['scala', '.scala'], ['python', '.py']] as const) {
        it(`${lang} matches its golden file`, () => {
          const code = exportGraph(load(file), lang);
          const golden = join(goldenDir, file.replace(/\.json$/, ext));
          if (update || !existsSync(golden)) {
            mkdirSync(goldenDir, { recursive: true });
            writeFileSync(golden, code);
            if (!update) throw new Error(`golden file ${relative(root, golden)} was missing and has been written; run again`);
          }
          expect(code).toBe(readFileSync(golden, 'utf8'));
        });
      }

      it('the PySpark program compiles (python3 -m py_compile)', () => {
        const dir = mkdtempSync(join(tmpdir(), 'export-py-'));
        const f = join(dir, file.replace(/\.json$/, '.py').replace(/-/g, '_'));
        writeFileSync(f, exportGraph(load(file), 'python'));
        try {
          execFileSync('python3', ['-m', 'py_compile', f], { stdio: 'pipe' });
        } catch (e) {
          throw new Error(String((e as { stderr?: Buffer }).stderr ?? e));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    });
  }

  it('imports through the sandboxed Node worker too', async () => {
    const file = examples.find((f) => f === 'wordcount.json') ?? examples[0];
    const g = load(file);
    const { graph } = await importInWorker(exportGraph(g, 'ts'));
    expect(normal(graph)).toEqual(normal(g));
  });
});

// The exported program must print what the studio prints; it needs the streaming engine.
const engineReady = existsSync(join(root, 'engine/streaming/StreamingContext.ts'));

describe.skipIf(!engineReady)('exported TypeScript runs like the graph', () => {
  for (const file of examples) {
    it(`${file}: npx tsx <exported>.ts prints what runGraphFile prints (2 batches)`, async () => {
      const { runGraphFile } = await import('../headless');
      const g = load(file);
      let expected = '';
      await runGraphFile(join(examplesDir, file), { batches: 2, stdout: (t) => { expected += t; }, stderr: () => undefined });
      const dir = mkdtempSync(join(here, '.run-'));
      try {
        const enginePath = relative(dir, join(root, 'engine/index')).split('\\').join('/');
        const f = join(dir, file.replace(/\.json$/, '.ts'));
        writeFileSync(f, exportGraph(g, 'ts', { enginePath }));
        const out = execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), f], {
          cwd: root, encoding: 'utf8', env: { ...process.env, DSTREAM_BATCHES: '2' }, timeout: 60000,
        });
        expect(out).toBe(expected);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 90000);
  }
});

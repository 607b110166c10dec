/** An exported TypeScript program runs from any directory and prints what the studio printed for its graph. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../engine/graph/codegen/index';
import { parsePipeline } from '../engine/graph/schema';
import { runGraphText } from '../engine/graph/headless';

const ROOT = path.resolve(__dirname, '..');

const WC = {
  version: 1, name: 'wc', master: 'local[2]', batchDuration: 1000, seed: 42,
  nodes: [
    { id: 'q', op: 'queueStream', params: { batches: [['to be or not to be'], ['be quick']] }, position: { x: 0, y: 0 } },
    { id: 'w', op: 'flatMap', params: { f: "l => l.split(' ')" }, position: { x: 200, y: 0 } },
    { id: 'p', op: 'map', params: { f: 'w => [w, 1]' }, position: { x: 400, y: 0 } },
    { id: 'c', op: 'reduceByKey', params: {}, position: { x: 600, y: 0 } },
    { id: 'o', op: 'print', params: {}, position: { x: 800, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'q', target: 'w' }, { id: 'e2', source: 'w', target: 'p' }, { id: 'e3', source: 'p', target: 'c' }, { id: 'e4', source: 'c', target: 'o' }],
};

describe('npm run pipeline -- /any/dir/exported.ts', () => {
  it('runs an exported program outside the repository (ES module, engine import resolved) and prints what the studio printed', async () => {
    const parsed = parsePipeline(JSON.stringify(WC));
    if (!parsed.ok) throw new Error(parsed.issues.join('; '));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exported-'));
    try {
      const file = path.join(dir, 'wordcount.ts');
      fs.writeFileSync(file, exportGraph(parsed.graph, 'ts'));
      let studio = '';
      expect(await runGraphText(JSON.stringify(WC), { batches: 2, stdout: (t) => { studio += t; }, stderr: () => {} })).toBe(0);
      const out = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/pipeline.ts'), file, '--batches', '2'], { cwd: dir, timeout: 60_000 },
          (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }));
      });
      expect(out.stderr).not.toMatch(/Top-level await|Cannot find module/);
      expect(out).toMatchObject({ code: 0, stdout: studio });
      expect(studio).toMatch(/\(be,2\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

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

  it('a program whose streaming job failed exits 1 with the error (as awaitTermination rethrows); a good one exits 0', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'failing-'));
    try {
      const file = path.join(dir, 'failing.ts');
      fs.writeFileSync(file, "import { SparkConf, StreamingContext, Milliseconds } from '../engine/index';\n" +
        "const ssc = new StreamingContext(new SparkConf().setMaster('local[2]').setAppName('f').set('spark.streaming.clock', 'manual'), Milliseconds(1000));\n" +
        "ssc.queueStream([ssc.sparkContext.parallelize(['a'])]).map((x: string) => { throw new Error('boom ' + x); }).print();\n" +
        'await ssc.start();\nawait ssc.step(2);\nawait ssc.stop();\n');
      const out = await new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/pipeline.ts'), file], { cwd: dir, timeout: 60_000 },
          (err, _stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stderr }));
      });
      expect(out.code).toBe(1);
      expect(out.stderr).toMatch(/^Pipeline failed: Job aborted due to stage failure: Task 0 in stage 1\.0 failed 1 times, most recent failure: .*Error: boom a$/m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

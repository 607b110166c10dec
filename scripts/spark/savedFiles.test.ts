import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSaved, savedDifference, savedMultisetDifference, withOutputDir } from './savedFiles';
import type { PipelineGraph } from '../../engine/graph/types';
import { pythonLineToScala, scalaLineOfEngineForPython } from './normalize';

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saved-'));
  for (const [f, text] of Object.entries(files)) { fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true }); fs.writeFileSync(path.join(dir, f), text); }
  return dir;
}

describe('saveAsTextFiles contents for the Spark oracle', () => {
  it('moves each prefix under the case\'s own directory', () => {
    const g = { nodes: [{ id: 's', op: 'saveAsTextFiles', params: { prefix: 'out/words', suffix: 'txt' } }, { id: 'p', op: 'print', params: {} }] } as unknown as PipelineGraph;
    expect(withOutputDir(g, '/w/case3').nodes.map((n) => n.params.prefix)).toEqual(['/w/case3/out/words', undefined]);
  });

  it('reads batch directories and their part files, leaving out _SUCCESS and .crc files', () => {
    const dir = tree({ 'out/w-1000.txt/part-00000': '(a,1)\n', 'out/w-1000.txt/part-00001': '', 'out/w-1000.txt/_SUCCESS': '', 'out/w-1000.txt/.part-00000.crc': 'x' });
    expect(readSaved(dir)).toEqual(new Map([['out/w-1000.txt', new Map([['part-00000', '(a,1)\n'], ['part-00001', '']])]]));
  });

  it('compares Scala exactly (order within a part file counts) and PySpark as multisets of lines per batch', () => {
    const engine = readSaved(tree({ 'o-1000/part-00000': '(a,1)\n(b,2)\n', 'o-1000/_SUCCESS': '' }));
    expect(savedDifference(engine, readSaved(tree({ 'o-1000/part-00000': '(a,1)\n(b,2)\n' })))).toBeUndefined();
    expect(savedDifference(engine, readSaved(tree({ 'o-1000/part-00000': '(b,2)\n(a,1)\n' })))).toMatch(/o-1000\/part-00000 differs/);
    expect(savedDifference(engine, readSaved(tree({ 'o-2000/part-00000': '(a,1)\n(b,2)\n' })))).toMatch(/batch directories differ/);
    const py = readSaved(tree({ 'o-1000/part-00000': "('b', 2)\n", 'o-1000/part-00001': "('a', 1)\n" }));
    expect(savedMultisetDifference(engine, py, scalaLineOfEngineForPython, pythonLineToScala)).toBeUndefined();
    const pyOther = readSaved(tree({ 'o-1000/part-00000': "('b', 3)\n('a', 1)\n" }));
    expect(savedMultisetDifference(engine, pyOther, scalaLineOfEngineForPython, pythonLineToScala)).toMatch(/differ as multisets/);
  });
});

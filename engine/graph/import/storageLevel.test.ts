import { it, expect } from 'vitest';
import { importTypeScript } from './index';
it('a non-default receiver storage level imports into the storageLevel param', async () => {
  const src = `import { SparkConf, StreamingContext, Seconds, StorageLevel } from '../engine/index';
const conf = new SparkConf().setMaster('local[2]').setAppName('X');
const ssc = new StreamingContext(conf, Seconds(1));
const lines = ssc.socketTextStream('localhost', 9999, StorageLevel.MEMORY_ONLY);
lines.print();`;
  const { graph } = await importTypeScript(src);
  const n = graph.nodes.find((x) => x.op === 'socketTextStream');
  expect(n?.params.storageLevel).toBe('MEMORY_ONLY');
});

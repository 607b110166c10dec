import { describe, expect, it } from 'vitest';
import { SparkConf } from '../core/conf';
import { SparkContext } from './SparkContext';
import { formatRecord } from '../core/format';

const sc = () => new SparkContext(new SparkConf().setMaster('local[2]').setAppName('t'));

describe('smoke', () => {
  it('spark golden reduceByKey order', async () => {
    const s = sc();
    const r = await s.makeRDD(Array.from({ length: 1000 }, (_, i) => i + 1), 10).map((x) => [x % 10, 1] as [number, number]).reduceByKey((a, b) => a + b, 2).collect();
    expect(r.map(formatRecord).join(' ')).toBe('(4,100) (0,100) (6,100) (8,100) (2,100) (1,100) (3,100) (7,100) (9,100) (5,100)');
  });
  it('word count', async () => {
    const s = sc();
    const r = await s.parallelize(['hello world', 'hello spark']).flatMap((l) => l.split(' ')).map((w) => [w, 1] as [string, number]).reduceByKey((a, b) => a + b).collect();
    expect(r.map(formatRecord)).toEqual(['(hello,2)', '(world,1)', '(spark,1)']);
    const j = await s.parallelize([[1, 'a'], [2, 'b']] as [number, string][]).join(s.parallelize([[1, 'x'], [1, 'y']] as [number, string][])).collect();
    expect(j.map(formatRecord)).toEqual(['(1,(a,x))', '(1,(a,y))']);
  });
});

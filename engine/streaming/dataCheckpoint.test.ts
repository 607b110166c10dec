import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf, SparkContext, Some } from '../index';
import { checkpointRDD } from './dataCheckpoint';

const sc = new SparkContext(new SparkConf().setMaster('local[1]').setAppName('checkpoint-rdd'));
afterAll(() => sc.stop());
const file = { path: '/cp/dstream-1/rdd-3-1000', rddId: 3, time: 1000, numPartitions: 2 };

describe('checkpointRDD: the saved partitions the driver holds', () => {
  it('reads back the records it was given, each job fresh ones, whatever happens to the given arrays', async () => {
    const slices: unknown[][] = [Array.from({ length: 100 }, (_, i) => [i, i * 2]), [['k', Some(1)], ['n', [1, 2]]]];
    const expected = structuredClone(slices[0]);
    const rdd = checkpointRDD<unknown>(sc, slices, file);
    (slices[0][0] as number[])[1] = -1;
    slices[1].length = 0;
    const first = await rdd.collect();
    expect(first.slice(0, 100)).toEqual(expected);
    expect(String(first[100])).toBe('k,Some(1)');
    expect(first[101]).toEqual(['n', [1, 2]]);
    (first[101] as [string, number[]])[1].push(3);
    expect((await rdd.collect())[101]).toEqual(['n', [1, 2]]);
  });
});

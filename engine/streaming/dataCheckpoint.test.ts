import { afterAll, describe, expect, it } from 'vitest';
import { SparkConf, SparkContext, Some } from '../index';
import { checkpointRDD } from './dataCheckpoint';

const sc = new SparkContext(new SparkConf().setMaster('local[1]').setAppName('checkpoint-rdd'));
afterAll(() => sc.stop());
const file = { path: '/cp/dstream-1/rdd-3-1000', rddId: 3, time: 1000, numPartitions: 2 };

describe('checkpointRDD: the saved partitions the driver holds', () => {
  it('plain tuples are held packed: every job reads fresh records, whatever happens to the given arrays', async () => {
    const slices: unknown[][] = [Array.from({ length: 100 }, (_, i) => [i, i * 2]), Array.from({ length: 100 }, (_, i) => [`k${i}`, [i]])];
    const expected = structuredClone(slices);
    const rdd = checkpointRDD<unknown>(sc, slices, file);
    (slices[0][0] as number[])[1] = -1;
    slices[1].length = 0;
    const first = await rdd.collect();
    expect(first).toEqual(expected.flat());
    (first[100] as [string, number[]])[1].push(3);
    expect(await rdd.collect()).toEqual(expected.flat());
  });

  it('records the codec does not pack whole (engine values) are held as they are', async () => {
    const record = ['k', Some(1)];
    const rdd = checkpointRDD<unknown>(sc, [[record], []], file);
    const got = await rdd.collect();
    expect(got).toHaveLength(1);
    expect(got[0]).toBe(record);
  });
});

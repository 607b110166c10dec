import { afterEach, describe, expect, it } from 'vitest';
import { SparkConf, SparkContext } from '../../index';
import { BatchRDDCleaner } from './BatchRDDCleaner';

const contexts: SparkContext[] = [];
afterEach(async () => { await Promise.all(contexts.splice(0).map((sc) => sc.stop())); });

function context(): SparkContext {
  const sc = new SparkContext(new SparkConf().setMaster('local[2]').setAppName('cleaner-test'));
  contexts.push(sc);
  return sc;
}

describe('BatchRDDCleaner (ContextCleaner for forgotten batch RDDs)', () => {
  it('removes the shuffles in a forgotten RDD’s lineage, stopping at RDDs another batch still remembers', () => {
    const sc = context();
    const cleaned: number[] = [];
    const cleaner = new BatchRDDCleaner((id) => cleaned.push(id));
    const counted = sc.parallelize([['a', 1], ['b', 2]] as [string, number][], 2).reduceByKey((x, y) => x + y, 2);
    const [firstShuffle] = counted.dependencies.map((d) => (d.kind === 'shuffle' ? d.shuffleId : -1));
    const regrouped = counted.map((kv) => kv).groupByKey(2);
    const [secondShuffle] = regrouped.dependencies.map((d) => (d.kind === 'shuffle' ? d.shuffleId : -1));
    cleaner.rddGenerated(counted);
    cleaner.rddGenerated(regrouped);
    cleaner.rddForgotten(regrouped);
    expect(cleaned).toEqual([secondShuffle]);      // `counted` is still remembered: its shuffle stays
    cleaner.rddForgotten(counted);
    expect(cleaned).toEqual([secondShuffle, firstShuffle]);
  });
});

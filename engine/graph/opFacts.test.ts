import { describe, expect, it } from 'vitest';
import { isOutputOp, isStatefulOp, nodeOutputDirs, nodeSocket, nodeWindow, readsSocket } from './opFacts';
import { operators } from './registry';

describe('opFacts: what a node is, asked of the registry', () => {
  it('outputs are exactly the output category, state ops exactly the stateful ones', () => {
    expect(operators.filter((o) => isOutputOp(o.name)).map((o) => o.name).sort()).toEqual(['foreachRDD', 'print', 'saveAsHadoopFiles', 'saveAsObjectFiles', 'saveAsTextFiles']);
    expect(operators.filter((o) => isStatefulOp(o.name)).map((o) => o.name).sort()).toEqual(['mapWithState', 'updateStateByKey']);
    expect(isOutputOp('collect')).toBe(false);
    expect(isOutputOp('toString')).toBe(false);
  });

  it('reads a window node: durations (unset slide = the batch), and whether it is incremental', () => {
    expect(nodeWindow({ id: 'w', op: 'window', params: { window: 4000, slide: '2000' } }, 1000)).toEqual({ windowMs: 4000, slideMs: 2000, inverse: false });
    expect(nodeWindow({ id: 'w', op: 'countByWindow', params: { window: 3000 } }, 1000)).toEqual({ windowMs: 3000, slideMs: 1000, inverse: true });
    expect(nodeWindow({ id: 'w', op: 'reduceByKeyAndWindow', params: { window: 3000, inverse: '(a, b) => a - b' } }, 1000)?.inverse).toBe(true);
    expect(nodeWindow({ id: 'w', op: 'reduceByKeyAndWindow', params: { window: 3000, inverse: ' ' } }, 1000)?.inverse).toBe(false);
    expect(nodeWindow({ id: 'm', op: 'map', params: {} }, 1000)).toBeUndefined();
  });

  it('reads a socket node (the op defaults for blank or invalid params) and file sinks', () => {
    expect(readsSocket('socketTextStream')).toBe(true);
    expect(readsSocket('twitterStream')).toBe(false);
    expect(nodeSocket({ id: 's', op: 'socketTextStream', params: { host: '  ', port: 0 } })).toEqual({ host: 'localhost', port: 9999 });
    expect(nodeSocket({ id: 's', op: 'socketTextStream', params: { host: 'db', port: '7777' } })).toEqual({ host: 'db', port: 7777 });
    expect(nodeSocket({ id: 'q', op: 'queueStream' })).toBeUndefined();
    expect(nodeOutputDirs({ id: 'o', op: 'saveAsTextFiles', params: { prefix: 'out/c', suffix: 'txt' } })).toEqual({ prefix: 'out/c', suffix: 'txt' });
    // A Hadoop path names the directory the engine writes (hdfs://host/path → hdfs/host/path).
    expect(nodeOutputDirs({ id: 'h', op: 'saveAsHadoopFiles', params: { prefix: 'hdfs://nn:8020/user/tags' } })).toEqual({ prefix: 'hdfs/nn:8020/user/tags', suffix: '' });
    expect(nodeOutputDirs({ id: 'o', op: 'print' })).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { blockIdFacts, rddBlockId, streamBlockId } from './blockId';

describe('blockIdFacts (Spark BlockId.apply)', () => {
  it('reads an RDD block back into its rdd id and partition', () => {
    expect(blockIdFacts(rddBlockId(12, 3))).toEqual({ rddId: 12, partition: 3 });
  });
  it('reads a received block back into its stream id', () => {
    expect(blockIdFacts(streamBlockId(0, 3000))).toEqual({ streamId: 0 });
  });
  it('gives nothing for shuffle, broadcast and malformed names', () => {
    expect(blockIdFacts('shuffle_0_1_2')).toEqual({});
    expect(blockIdFacts('broadcast_1')).toEqual({});
    expect(blockIdFacts('rdd_x_1')).toEqual({});
  });
});

/**
 * Spark's BlockId names: `rdd_<rddId>_<partition>` (RDDBlockId) and `input-<streamId>-<uniqueId>` (StreamBlockId).
 * Executors report blocks by name; `blockIdFacts` is Spark's BlockId.apply, the one place that reads a name back,
 * so block events carry the ids and no reader parses them.
 */

export const rddBlockId = (rddId: number, partition: number) => `rdd_${rddId}_${partition}`;
export const streamBlockId = (streamId: number, uniqueId: number) => `input-${streamId}-${uniqueId}`;

export type BlockIdFacts = { rddId: number; partition: number } | { streamId: number } | Record<string, never>;

const RDD_BLOCK = /^rdd_(\d+)_(\d+)$/;
const STREAM_BLOCK = /^input-(\d+)-(\d+)$/;

/** The ids a block name stands for: an RDD's partition, a received block's stream, or nothing (shuffle, broadcast). */
export function blockIdFacts(blockId: string): BlockIdFacts {
  const r = RDD_BLOCK.exec(blockId);
  if (r) return { rddId: Number(r[1]), partition: Number(r[2]) };
  const s = STREAM_BLOCK.exec(blockId);
  if (s) return { streamId: Number(s[1]) };
  return {};
}

import type { RDD } from '../../rdd/RDD';
import { StorageLevel } from '../../rdd/storageLevel';

/**
 * Spark's ContextCleaner for streaming: a forgotten batch RDD's shuffles (map outputs and their blocks on the
 * executors) are removed, walking its lineage down to RDDs that other batches still remember or that are cached.
 */
export class BatchRDDCleaner {
  /** RDDs some DStream still remembers (generatedRDDs), so cleanup never removes what they depend on. */
  private readonly liveRdds = new Set<number>();

  constructor(private readonly cleanShuffle: (shuffleId: number) => void) {}

  rddGenerated(rdd: RDD<unknown>): void { this.liveRdds.add(rdd.id); }

  rddForgotten(rdd: RDD<unknown>): void {
    this.liveRdds.delete(rdd.id);
    const shuffles: number[] = [];
    const seen = new Set<number>();
    const walk = (r: RDD<unknown>) => {
      for (const d of r.dependencies) {
        if (d.kind === 'shuffle') shuffles.push(d.shuffleId);
        const child = d.rdd;
        if (seen.has(child.id) || this.liveRdds.has(child.id) || child.getStorageLevel() !== StorageLevel.NONE) continue;
        seen.add(child.id);
        walk(child);
      }
    };
    walk(rdd);
    for (const id of shuffles) this.cleanShuffle(id);
  }
}

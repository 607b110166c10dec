/** Errors that a task raises for the scheduler to act on (not user errors). */

/** A map output could not be fetched: the scheduler resubmits the map stage that produced it (Spark's FetchFailed). */
export class FetchFailedError extends Error {
  constructor(readonly shuffleId: number, readonly mapId: number, readonly reduceId: number, readonly executorId: string | null, detail = '') {
    super(`FetchFailed(BlockManagerId(${executorId ?? 'unknown'}), shuffleId=${shuffleId}, mapIndex=${mapId}, reduceId=${reduceId}, message=${detail || 'map output missing'})`);
    this.name = 'FetchFailedException';
  }
}

/** Spark's words for a BlockRDD partition whose received block is gone. */
export class BlockNotFoundError extends Error {
  constructor(readonly blockId: string, readonly rddId: number) {
    super(`Could not compute split, block ${blockId} of RDD ${rddId} not found`);
    this.name = 'SparkException';
  }
}

/** Thrown inside a push loop to stop early once `take(n)` has enough records. */
export class EnoughRecords extends Error {
  constructor() { super('enough records'); }
}

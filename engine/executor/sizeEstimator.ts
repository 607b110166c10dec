/**
 * A cheap estimate of the in-memory size of records (Spark's SizeEstimator samples too): the first
 * records are measured exactly, the rest extrapolated. Used for shuffle bytes and block memory.
 */
export function estimateSize(x: unknown, depth = 0): number {
  if (x === null || x === undefined) return 8;
  switch (typeof x) {
    case 'number': return 8;
    case 'boolean': return 4;
    case 'string': return 40 + 2 * x.length;
    case 'bigint': return 16;
    case 'object': {
      if (depth > 4) return 64;
      if (Array.isArray(x)) {
        let s = 16 + 8 * x.length;
        const n = Math.min(x.length, 16);
        let inner = 0;
        for (let i = 0; i < n; i++) inner += estimateSize(x[i], depth + 1);
        return s + (n ? (inner / n) * x.length : 0);
      }
      let s = 16;
      for (const v of Object.values(x as object).slice(0, 16)) s += 8 + estimateSize(v, depth + 1);
      return s;
    }
    default: return 16;
  }
}

export function estimateRecordsSize(records: readonly unknown[]): number {
  const n = records.length;
  if (n === 0) return 0;
  const sampleN = Math.min(n, 32);
  let s = 0;
  for (let i = 0; i < sampleN; i++) s += estimateSize(records[Math.floor((i * n) / sampleN)]);
  return Math.round((s / sampleN) * n);
}

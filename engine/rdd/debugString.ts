import type { RDD } from './RDD';

/**
 * Spark's RDD.toDebugString: the lineage, indented at every shuffle, with storage levels in brackets.
 * As in Spark, every line shows the storage level of the RDD the string is built for (Spark's debugSelf
 * reads `storageLevel`, the root's field, not the listed RDD's), and a `CachedPartitions:` line follows
 * each RDD that has cached partitions.
 */
export function rddDebugString(root: RDD<unknown>): string {
  const level = root.getStorageLevel();
  const persistence = level.isValid ? level.description : '';
  const debugSelf = (rdd: RDD<unknown>): string[] => {
    const lines = [`${rdd} [${persistence}]`];
    const info = rdd.sc.getRDDStorageInfo(rdd.id);
    if (info) lines.push(`    CachedPartitions: ${info.numCachedPartitions}; MemorySize: ${bytesToString(info.memSize)}; DiskSize: ${bytesToString(info.diskSize)}`);
    return lines;
  };

  const debugChildren = (rdd: RDD<unknown>, prefix: string): string[] => {
    const deps = rdd.dependencies;
    const out: string[] = [];
    deps.forEach((d, i) => out.push(...debugString(d.rdd, prefix, d.kind === 'shuffle', i === deps.length - 1)));
    return out;
  };

  const shuffleDebugString = (rdd: RDD<unknown>, prefix: string, isLastChild: boolean): string[] => {
    const partitionStr = `(${rdd.getNumPartitions()})`;
    const leftOffset = Math.floor((partitionStr.length - 1) / 2);
    const thisPrefix = prefix.replace(/\|\s+$/, '');
    const nextPrefix = thisPrefix + (isLastChild ? '  ' : '| ') + ' '.repeat(leftOffset) + '|' + ' '.repeat(partitionStr.length - leftOffset);
    return [
      ...debugSelf(rdd).map((desc, i) => (i === 0 ? `${thisPrefix}+-${partitionStr} ${desc}` : `${nextPrefix}${desc}`)),
      ...debugChildren(rdd, nextPrefix),
    ];
  };

  const debugString = (rdd: RDD<unknown>, prefix: string, isShuffle: boolean, isLastChild: boolean): string[] =>
    isShuffle ? shuffleDebugString(rdd, prefix, isLastChild) : [...debugSelf(rdd).map((s) => prefix + s), ...debugChildren(rdd, prefix)];

  const partitionStr = `(${root.getNumPartitions()})`;
  const leftOffset = Math.floor((partitionStr.length - 1) / 2);
  const nextPrefix = ' '.repeat(leftOffset) + '|' + ' '.repeat(partitionStr.length - leftOffset);
  return [
    ...debugSelf(root).map((desc, i) => (i === 0 ? `${partitionStr} ${desc}` : `${nextPrefix} ${desc}`)),
    ...debugChildren(root, nextPrefix),
  ].join('\n');
}

/** Spark's Utils.bytesToString. */
export function bytesToString(size: number): string {
  const units: [number, string][] = [[2 ** 60, 'EiB'], [2 ** 50, 'PiB'], [2 ** 40, 'TiB'], [2 ** 30, 'GiB'], [2 ** 20, 'MiB'], [2 ** 10, 'KiB']];
  for (const [value, unit] of units) if (size >= 2 * value) return `${(size / value).toFixed(1)} ${unit}`;
  return `${size}.0 B`;
}

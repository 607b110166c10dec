/** Spark's CompactBuffer: the grouped values of groupByKey/cogroup. An Array subclass that prints as CompactBuffer(1, 2). */
export class CompactBuffer<T> extends Array<T> {
  static override of<T>(...items: T[]): CompactBuffer<T> {
    const b = new CompactBuffer<T>();
    for (const x of items) b.push(x);
    return b;
  }
  static override from<T>(items: Iterable<T> | ArrayLike<T>): CompactBuffer<T> {
    const b = new CompactBuffer<T>();
    for (const x of Array.prototype.slice.call(items) as T[]) b.push(x);
    return b;
  }
  // Derived arrays (map/filter/slice) are plain arrays, as Scala collections built from a CompactBuffer are Seqs.
  static override get [Symbol.species]() { return Array; }
  override toString(): string { return `CompactBuffer(${this.join(', ')})`; }
}

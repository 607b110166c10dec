/**
 * Scala's ArrayBuffer, which Spark Streaming's DStream.groupByKey and groupByKeyAndWindow collect into
 * (the RDD API uses CompactBuffer). An Array subclass that prints as ArrayBuffer(1, 2).
 */
export class ScalaArrayBuffer<T> extends Array<T> {
  static override of<T>(...items: T[]): ScalaArrayBuffer<T> {
    const b = new ScalaArrayBuffer<T>();
    for (const x of items) b.push(x);
    return b;
  }
  static override from<T>(items: Iterable<T> | ArrayLike<T>): ScalaArrayBuffer<T> {
    const b = new ScalaArrayBuffer<T>();
    for (const x of Array.prototype.slice.call(items) as T[]) b.push(x);
    return b;
  }
  /** Scala's `c1 ++ c2`: a new buffer. */
  static concat<T>(a: Iterable<T>, b: Iterable<T>): ScalaArrayBuffer<T> {
    const out = new ScalaArrayBuffer<T>();
    for (const x of a) out.push(x);
    for (const x of b) out.push(x);
    return out;
  }
  static override get [Symbol.species]() { return Array; }
  override toString(): string { return `ArrayBuffer(${this.join(', ')})`; }
}

/**
 * Windows view: which batches fall into each window of a window op, derived from the batch times
 * and the window/slide the graph declares. With an inverse function (reduceByKeyAndWindow with
 * invFunc), each window is the previous one plus the batches that entered and minus those that left.
 */
export interface WindowSpec { nodeId: string; label?: string; windowMs: number; slideMs: number; inverse: boolean }

export interface WindowInstance {
  /** The window ends at (and is computed at) this batch time. */
  endTime: number;
  /** Batches in (endTime - window, endTime]. */
  batches: number[];
  /** With an inverse function: batches new in this window, and batches that left it. */
  added: number[];
  subtracted: number[];
}

export interface WindowRow { spec: WindowSpec; windows: WindowInstance[] }

export interface WindowsData { batchDurationMs: number; batchTimes: number[]; rows: WindowRow[] }

/**
 * batchTimes: the batch times to show (ascending); zeroTime: the streaming zero time (a window op
 * is computed at times that are multiples of its slide from zeroTime).
 */
export function windowsData(specs: WindowSpec[], batchTimes: number[], batchDurationMs: number, zeroTime = 0): WindowsData {
  const d = batchDurationMs > 0 ? batchDurationMs : 1000;
  const times = [...batchTimes].sort((a, b) => a - b);
  const first = times[0];
  const rows = specs.map((spec) => {
    const slide = spec.slideMs > 0 ? spec.slideMs : d;
    const win = spec.windowMs > 0 ? spec.windowMs : d;
    const windows: WindowInstance[] = [];
    if (first !== undefined) {
      for (const t of times) {
        if ((t - zeroTime) % slide !== 0) continue;
        const batches: number[] = [];
        // Every batch time in (t - window, t], including those before the first kept batch.
        for (let b = t - win + d; b <= t; b += d) if (b > zeroTime) batches.push(b);
        const inPrev = (b: number) => b > t - slide - win && b <= t - slide;
        const added = spec.inverse ? batches.filter((b) => !inPrev(b)) : [];
        const subtracted: number[] = [];
        if (spec.inverse) for (let b = t - slide - win + d; b <= t - win; b += d) if (b > zeroTime) subtracted.push(b);
        windows.push({ endTime: t, batches, added, subtracted });
      }
    }
    return { spec: { ...spec, slideMs: slide, windowMs: win }, windows };
  });
  return { batchDurationMs: d, batchTimes: times, rows };
}

/**
 * Real-time waits that decide nothing the engine computes, so they may not sit on the injected Clock: a turn of
 * the host's event loop (messages from executor workers and socket data arrive between turns, which a promise
 * chain alone never yields to), and timeouts that Spark's API states in real milliseconds
 * (awaitTerminationOrTimeout). Batch times, outputs and events never depend on them.
 */

/** Resolves after one macrotask turn of the host's event loop. */
export function nextHostTurn(): Promise<void> { return new Promise((resolve) => setTimeout(resolve, 0)); }

/** Resolves after `ms` real milliseconds. */
export function realDelay(ms: number): Promise<void> { return new Promise((resolve) => setTimeout(resolve, ms)); }

/** Resolves with `value`'s result, or with `onTimeout` after `ms` real milliseconds, whichever is first. */
export async function withRealTimeout<T, U>(value: Promise<T>, ms: number, onTimeout: U): Promise<T | U> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<U>((resolve) => { timer = setTimeout(() => resolve(onTimeout), ms); });
  try { return await Promise.race([value, timeout]); } finally { clearTimeout(timer); }
}

/**
 * Spark's EventLoop for the streaming scheduler: events are handled one at a time, in the order they were posted.
 * There is no thread and no timer: a post runs its handler after those posted before it; whatever wakes the
 * posters (timers on the injected Clock, finished jobs) is what moves the loop, so a ManualClock drives it exactly.
 * Unlike Spark's, the loop is never stopped: what is posted while a context stops (the last batches' ClearMetadata
 * and DoCheckpoint) is still handled.
 */
export class EventLoop<E> {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly name: string, private readonly handle: (event: E) => void | Promise<void>,
    private readonly onError: (message: string, e: unknown) => void) {}

  /** Resolves once this event has been handled; a handler that throws is reported, and later events still run. */
  post(event: E): Promise<void> {
    const handled = this.tail.then(async () => {
      try { await this.handle(event); } catch (e) { this.onError(`Error in ${this.name} handling ${describe(event)}`, e); }
    });
    this.tail = handled;
    return handled;
  }

  /** Resolves when every event posted so far has been handled. */
  drain(): Promise<void> { return this.tail; }
}

function describe(event: unknown): string {
  const type = typeof event === 'object' && event !== null && 'type' in event ? String(event.type) : String(event);
  return type;
}

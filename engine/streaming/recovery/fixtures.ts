/** Shared pieces of the recovery tests: contexts on a manual clock, event capture, settling the event loop. */
import { SparkConf, StreamingContext, Seconds, StorageLevel } from '../../index';
import type { EngineEvent } from '../../core/events';
import { ManualClock } from '../../core/clock';
import { Receiver } from '../receiver/Receiver';

export function manualContext(appName: string, conf: Record<string, string> = {}, master = 'local[2]'): StreamingContext {
  const c = new SparkConf().setMaster(master).setAppName(appName).set('spark.streaming.clock', 'manual');
  for (const [k, v] of Object.entries(conf)) c.set(k, v);
  const ssc = new StreamingContext(c, Seconds(1));
  ssc.stdout = () => undefined;
  ssc.stderr = () => undefined;
  return ssc;
}

export function captureEvents(ssc: StreamingContext): EngineEvent[] {
  const events: EngineEvent[] = [];
  ssc.addStreamingListener((e) => events.push(e));
  return events;
}

/** Lets timers woken by a manual clock change run. */
export async function settle(times = 3): Promise<void> { for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0)); }

/** Moves a started manual-clock context to `time`, one block interval at a time (as step() does). */
export async function advanceTo(ssc: StreamingContext, time: number, blockIntervalMs = 200): Promise<void> {
  const clock = ssc.clock;
  if (!(clock instanceof ManualClock)) throw new Error('advanceTo: the context runs on the system clock; set spark.streaming.clock=manual');
  while (clock.getTimeMillis() < time) {
    clock.setTime(Math.min(time, (Math.floor(clock.getTimeMillis() / blockIntervalMs) + 1) * blockIntervalMs));
    await settle();
  }
}

export const sortRecords = (xs: unknown[]): string[] => xs.map((x) => JSON.stringify(x)).sort();

/** Stores `perBlock` numbered records in every block interval (deterministic, driven by the clock). */
export class CountingReceiver extends Receiver<number> {
  private next = 0;
  constructor(private readonly perBlock = 5, level: StorageLevel = StorageLevel.MEMORY_ONLY) { super(level); }
  onStart(): void {}
  onStop(): void {}
  override produce(): void { this.store(Array.from({ length: this.perBlock }, () => this.next++)); }
}

/**
 * The driver worker's line to the page: the page's MessagePort (it arrives as the host's first message), the
 * outbox that batches messages (~60 flushes a second; the page coalesces again per animation frame) and the
 * heartbeat the page's watchdog listens for.
 */
import type { EngineEvent } from '../../engine/core/events';
import { HEARTBEAT_MS, type FromDriver, type HeartbeatMessage, type WorkerMessage } from './protocol';

const FLUSH_MS = 16;
const BEAT: HeartbeatMessage = { kind: 'heartbeat' };

export class PageChannel {
  /** The page's port; null until it arrives. */
  private port: MessagePort | null = null;
  private outbox: WorkerMessage[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** The stage of the last stage start flushed at once (see postEvent). */
  private lastFlushedStage: number | null = null;

  get connected(): boolean { return this.port !== null; }

  /** Starts talking to the page on `port`: messages from it go to `onMessage`, and the heartbeat starts. */
  connect(port: MessagePort, onMessage: (data: unknown) => void): void {
    this.port = port;
    port.onmessage = (ev) => onMessage(ev.data);
    this.startHeartbeat();
    this.flush();
  }

  /** Sends at once (replies, storage requests, the batch of messages); a page gone or an uncloneable message is dropped. */
  send(m: FromDriver): void {
    try { this.port?.postMessage(m); } catch { /* page gone, or a message that cannot be cloned */ }
  }

  post(m: WorkerMessage): void {
    this.outbox.push(m);
    if (this.flushTimer === null) this.flushTimer = setTimeout(() => this.flush(), FLUSH_MS);
  }

  flush(): void {
    this.flushTimer = null;
    if (!this.port) { if (this.outbox.length > 5000) this.outbox = this.outbox.slice(-1000); return; }
    if (this.outbox.length === 0) return;
    const msgs = this.outbox;
    this.outbox = [];
    this.send({ kind: 'messages', msgs });
  }

  /** Drops queued messages the page must not see (a failed first attempt's status). */
  discard(drop: (m: WorkerMessage) => boolean): void { this.outbox = this.outbox.filter((m) => !drop(m)); }

  /**
   * Stage starts go out at once rather than with the next batched flush: when a task of that stage loops in this
   * worker, the flush timer never fires, and the page's watchdog names the stage from the last one it saw.
   */
  postEvent(e: EngineEvent): void {
    this.post({ kind: 'event', event: e });
    if (e.type === 'stageSubmitted' || (e.type === 'taskStart' && e.stageId !== this.lastFlushedStage)) {
      this.lastFlushedStage = e.stageId;
      if (this.flushTimer !== null) { clearTimeout(this.flushTimer); this.flushTimer = null; }
      this.flush();
    }
  }

  /**
   * Liveness for the page's watchdog (engineBridge): a message from this worker's own timer, never from engine code,
   * so a task looping in this worker (local[N] masters) silences it.
   */
  private startHeartbeat(): void {
    const beat = () => this.send(BEAT);
    beat();   // up: the page starts watching from this first beat
    setInterval(beat, HEARTBEAT_MS);
  }
}

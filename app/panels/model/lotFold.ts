/**
 * The lineage-over-time state, folded when read: only the Lineage panel needs it, and folding a 200-node graph's
 * events every frame cost more than the rest of the page together. Each frame makes a new LotFold (so the store
 * notices); `get()` folds the pending events once and keeps the result (the value never changes, only the cache).
 */
import type { EngineEvent } from '../../../engine/core/events';
import { reduceLotAll, type LotState } from './lineageOverTime';

export class LotFold {
  private constructor(private state: LotState, private pending: readonly EngineEvent[][], private pendingCount: number) {}

  static of(state: LotState): LotFold { return new LotFold(state, [], 0); }

  /** This fold with `events` after it. Folds eagerly past `maxPending` events so a hidden panel holds no backlog. */
  with(events: readonly EngineEvent[], maxPending = 4000): LotFold {
    if (!events.length) return this;
    const next = new LotFold(this.state, [...this.pending, events as EngineEvent[]], this.pendingCount + events.length);
    if (next.pendingCount > maxPending) next.get();
    return next;
  }

  get(): LotState {
    if (this.pending.length) {
      // One fold over every pending event: each map is copied once, not once per frame.
      this.state = reduceLotAll(this.pending.length === 1 ? this.pending[0] : this.pending.flat(), this.state);
      this.pending = [];
      this.pendingCount = 0;
    }
    return this.state;
  }
}

/**
 * A reliable custom receiver under load. A local TCP server sends N numbered lines with seeded random
 * disconnects (some in the middle of a line); the receiver (engine/reliability/reliableReceiver.node.ts) stores
 * them, acknowledges each block's lines once the engine has pushed the block (WAL on), reconnects through the
 * engine's receiver restart, and the server resends whatever was not acknowledged. The receiver is at-least-once:
 * after de-duplicating by line number every line is there exactly once — none missing, none unknown.
 * 100,000 lines here; scripts/soak.ts runs 1,000,000 (`--receiver-lines`).
 */
import { describe, expect, it } from 'vitest';
import '../index';
import { runReliableReceiver } from './reliableReceiver.node';

const LINES = 100_000;

describe('reliable receiver under load', () => {
  it(`local[2]: ${LINES} lines, random disconnects, WAL on: every line exactly once after de-duplication`, async () => {
    const r = await runReliableReceiver({ lines: LINES, seed: 11, master: 'local[2]', maxBatches: 400 });
    console.log(`reliable receiver local[2]: ${JSON.stringify(r)}`);
    expect(r.missing).toBe(0);
    expect(r.unknown).toBe(0);
    expect(r.disconnects).toBeGreaterThanOrEqual(5);
    expect(r.partialLinesDropped).toBeGreaterThan(0);
    expect(r.receiverRestarts).toBeGreaterThanOrEqual(r.disconnects);
    expect(r.linesSent).toBeGreaterThan(LINES); // unacknowledged lines were sent again
    expect(r.walWrites).toBeGreaterThan(0);
  }, 120_000);

  it(`local-cluster[2,1,256]: ${LINES} lines, random disconnects, the receiver's executor killed mid-run`, async () => {
    const r = await runReliableReceiver({ lines: LINES, seed: 12, master: 'local-cluster[2,1,256]', killExecutorAtLine: LINES / 2, maxBatches: 400 });
    console.log(`reliable receiver local-cluster: ${JSON.stringify(r)}`);
    expect(r.executorKilled).toBeDefined();
    expect(r.missing).toBe(0);
    expect(r.unknown).toBe(0);
    expect(r.blocksLost).toBe(0); // the WAL had every block of the killed executor
    expect(r.executorsAdded).toBeGreaterThanOrEqual(3); // two at start, one replacement
    expect(r.disconnects).toBeGreaterThanOrEqual(5);
  }, 180_000);

  // Spark's store(ArrayBuffer) returns once the block is stored (and written ahead), so a receiver may acknowledge
  // right after it and lose nothing, even when a restart drops what the block generator held.
  it('acknowledging as soon as store(lines) returns loses no line (store blocks until the block is stored)', async () => {
    const r = await runReliableReceiver({ lines: LINES, seed: 11, master: 'local[2]', maxBatches: 400, ackOnStore: true });
    console.log(`reliable receiver, ack on store(): ${JSON.stringify(r)}`);
    expect(r.unknown).toBe(0);
    expect(r.missing).toBe(0);
    expect(r.disconnects).toBeGreaterThanOrEqual(5);
    expect(r.walWrites).toBeGreaterThan(0);
  }, 120_000);

  it(`local-cluster[2,1,256]: acknowledging after store(lines), the receiver's executor killed mid-run: no line lost`, async () => {
    const r = await runReliableReceiver({ lines: LINES, seed: 13, master: 'local-cluster[2,1,256]', killExecutorAtLine: LINES / 2, maxBatches: 400, ackOnStore: true });
    console.log(`reliable receiver local-cluster, ack on store(): ${JSON.stringify(r)}`);
    expect(r.executorKilled).toBeDefined();
    expect(r.missing).toBe(0);
    expect(r.unknown).toBe(0);
    expect(r.blocksLost).toBe(0);
  }, 180_000);
});

/**
 * spark.streaming.receiver.maxRate on socketTextStream against a real TCP server that sends as fast as the
 * connection takes: the receiver stops reading while its block is full (Spark's RateLimiter blocks the receiving
 * thread), so what it holds stays at about one block plus one TCP read, and each batch takes at most maxRate × 1 s.
 */
import { describe, expect, it } from 'vitest';
import { createServer, type Server, type Socket } from 'node:net';
import { SparkConf, StreamingContext, Seconds } from '../../index';
import { stepWithTimeout, stopQuietly } from '../conformance/runner';

const MAX_RATE = 1000;
const LINES = 2_000_000;

describe('socketTextStream under spark.streaming.receiver.maxRate', () => {
  it(`holds at most one block plus one read while the server offers ${LINES} lines; batches take ≤ maxRate × batch`, async () => {
    const sockets: Socket[] = [];
    let written = 0;
    const server: Server = createServer((sock) => {
      sockets.push(sock);
      const pump = () => {
        while (written < LINES) {
          const chunk = Array.from({ length: 1000 }, (_, i) => `line-${written + i}\n`).join('');
          written += 1000;
          if (!sock.write(chunk)) { sock.once('drain', pump); return; }
        }
      };
      sock.on('error', () => undefined);
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const conf = new SparkConf().setMaster('local[2]').setAppName('MaxRate').set('spark.streaming.clock', 'manual')
      .set('spark.streaming.receiver.maxRate', String(MAX_RATE));
    const ssc = new StreamingContext(conf, Seconds(1));
    ssc.stdout = () => undefined;
    const counts: number[] = [];
    let maxBuffered = 0;
    try {
      ssc.socketTextStream('127.0.0.1', port).count().foreachRDD(async (rdd) => { counts.push(((await rdd.collect()) as number[])[0] ?? 0); });
      await ssc.start();
      const supervisor = ssc.receiverTracker.supervisors.get(0)!;
      for (let i = 0; i < 4; i++) {
        // Real time for the server to push all it can; the receiver reads only until its block is full.
        for (let k = 0; k < 10; k++) { await new Promise((r) => setTimeout(r, 20)); maxBuffered = Math.max(maxBuffered, supervisor.bufferedRecords); }
        await stepWithTimeout(ssc, 1);
      }
    } finally {
      await stopQuietly(ssc);
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    }
    // One block is 200 records at 1000/s and 200 ms blocks; a TCP read adds at most 64 KiB of 12-byte lines.
    expect(maxBuffered).toBeGreaterThanOrEqual(200);
    expect(maxBuffered).toBeLessThanOrEqual(200 + 65536 / 10);
    expect(counts.length).toBe(4);
    for (const n of counts) expect(n).toBeLessThanOrEqual(MAX_RATE);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 60_000);
});

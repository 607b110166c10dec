/**
 * A reliable custom receiver under load (Node only: a real TCP server and client, node:net loaded lazily).
 *
 * - LineServer sends the numbered lines `1 ... N` ("<n> payload-<n>\n"), at most WINDOW unacknowledged lines at a
 *   time, and drops the connection at seeded random points (once the acknowledgements pass a random line, with
 *   unacknowledged lines in flight, half the time in the middle of a line). It keeps the
 *   highest cumulative acknowledgement ("ACK <n>": every line ≤ n is safe) and, on every new connection, resends
 *   from the first unacknowledged line.
 * - AckingReceiver is Spark's reliable-receiver pattern: it stores what it read and acknowledges a line only once
 *   the engine holds it. Two ways: (default) once the tracker's `blockReceived` event for its stream reports the
 *   block carrying it; or (`ackOnStore`) right after `store(lines)` returns, which it does only once the lines are a
 *   block stored on the receiver's executor and written to the write-ahead log (Spark's `store(ArrayBuffer)`).
 *   On any disconnect it asks the engine to restart it (Spark's `restart(...)`), reconnects, and the server
 *   resends everything not acknowledged.
 * - The receiver is at-least-once: a line can be stored twice (its block was pushed, the connection dropped before
 *   the ACK got out, the server sent it again). The output de-duplicates by line number; the test checks that every
 *   line arrived, none is missing, none is unknown.
 */
import type { Server, Socket } from 'node:net';
import { Rng } from '../core/rng';
import { StorageLevel } from '../rdd/storageLevel';
import { Receiver } from '../streaming/receiver/Receiver';
import { SparkConf } from '../core/conf';
import { Seconds } from '../core/time';
import { StreamingContext } from '../streaming/StreamingContext';
import { MemoryFileSystem } from '../core/fileSystem';
import type { EngineRuntime } from '../runtime/runtime';

type Net = typeof import('node:net');
let netPromise: Promise<Net> | undefined;
const net = (): Promise<Net> => (netPromise ??= import('node:net'));

export interface LineServerOptions {
  lines: number;
  seed: number;
  /** A connection is dropped once a random number of lines in [1, maxSegment] beyond its first is acknowledged. */
  maxSegment: number;
  /** Most unacknowledged lines in flight. */
  window: number;
}

export class LineServer {
  acked = 0;
  linesSent = 0;
  disconnects = 0;
  connections = 0;
  private server?: Server;
  private conn?: { socket: Socket; next: number; cutAt: number; buf: string };
  private readonly rng: Rng;
  private waiters: (() => void)[] = [];

  constructor(readonly opts: LineServerOptions) { this.rng = new Rng(`line-server:${opts.seed}`); }

  get done(): boolean { return this.acked >= this.opts.lines; }

  async listen(): Promise<number> {
    const { createServer } = await net();
    this.server = createServer((socket) => this.onConnection(socket));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return (this.server.address() as { port: number }).port;
  }

  async close(): Promise<void> {
    this.conn?.socket.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Resolves when the acknowledgements move past `n` (or at once if they already have). */
  whenAcked(n: number): Promise<void> {
    if (this.acked >= n) return Promise.resolve();
    return new Promise((r) => this.waiters.push(() => { if (this.acked >= n) r(); else void this.whenAcked(n).then(r); }));
  }

  private onConnection(socket: Socket): void {
    this.conn?.socket.destroy();
    this.connections++;
    const next = this.acked + 1;
    const c = { socket, next, cutAt: next + 1 + this.rng.nextInt(this.opts.maxSegment), buf: '' };
    this.conn = c;
    socket.setEncoding('utf8');
    socket.setNoDelay(true);
    socket.on('data', (chunk: string) => {
      c.buf += chunk;
      let i: number;
      while ((i = c.buf.indexOf('\n')) >= 0) {
        const m = /^ACK (\d+)$/.exec(c.buf.slice(0, i));
        c.buf = c.buf.slice(i + 1);
        if (m && Number(m[1]) > this.acked) this.acked = Math.min(this.opts.lines, Number(m[1]));
      }
      const w = this.waiters.splice(0);
      for (const f of w) f();
      this.pump(c);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => { if (this.conn === c) this.conn = undefined; });
    this.pump(c);
  }

  private pump(c: { socket: Socket; next: number; cutAt: number }): void {
    if (this.conn !== c || c.socket.destroyed) return;
    const limit = Math.min(this.opts.lines, this.acked + this.opts.window);
    if (c.next <= this.acked) c.next = this.acked + 1;
    const parts: string[] = [];
    while (c.next <= limit) { parts.push(`${c.next} payload-${c.next}\n`); c.next++; }
    if (parts.length) { c.socket.write(parts.join('')); this.linesSent += parts.length; }
    if (this.acked >= c.cutAt && this.acked < this.opts.lines) {
      // The network drops the connection now, with the lines just sent in flight (the receiver may read some of them,
      // not acknowledged: they are sent again); half the time a line is cut in the middle.
      if (this.rng.nextBoolean()) c.socket.write(`${c.next} payl`);
      this.disconnects++;
      this.conn = undefined;
      c.socket.end();
      setTimeout(() => c.socket.destroy(), 1);
    }
  }
}

/** Spark's reliable receiver, acknowledging each block's lines once the engine has pushed the block. */
export class AckingReceiver extends Receiver<string> {
  private socket?: Socket;
  /** Line numbers stored since the last (re)start, oldest first, not yet in a pushed block. */
  private pending: number[] = [];
  /** The last store of the ack-on-store mode (the next one starts after it). */
  private storing: Promise<void> = Promise.resolve();
  partialLinesDropped = 0;
  restarts = 0;

  /**
   * `ackOnStore`: acknowledge as soon as `store(lines)` returns (Spark's pattern: the multi-record store returns once
   * the block is stored and written ahead).
   */
  constructor(private readonly port: number, level: StorageLevel = StorageLevel.MEMORY_AND_DISK_SER, private readonly ackOnStore = false) { super(level); }

  async onStart(): Promise<void> {
    this.pending = [];
    const { createConnection } = await net();
    const socket = createConnection({ host: '127.0.0.1', port: this.port });
    this.socket = socket;
    let buf = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      if (this.socket !== socket || !this.isStarted()) return;
      buf += chunk;
      const end = buf.lastIndexOf('\n');
      if (end < 0) return;
      const lines = buf.slice(0, end).split('\n');
      buf = buf.slice(end + 1);
      if (this.ackOnStore) {
        // Spark's reliable receiver: store the lines as one block, acknowledge once store() returned. Stores run one
        // after another (Spark's receiving thread blocks in store), so a cumulative ACK never passes an unstored line.
        const last = lines[lines.length - 1].slice(0, lines[lines.length - 1].indexOf(' '));
        this.storing = this.storing.then(() => this.store(lines)).then(
          () => { if (this.socket === socket && !socket.destroyed) socket.write(`ACK ${last}\n`); },
          () => undefined);   // not stored (the receiver stopped or its executor died): not acknowledged, sent again
        return;
      }
      void this.store(lines);
      for (const l of lines) this.pending.push(Number(l.slice(0, l.indexOf(' '))));
    });
    const lost = (why: string) => {
      if (this.socket !== socket || this.isStopped()) return;
      if (buf.length) this.partialLinesDropped++;
      this.restarts++;
      this.restart(why);
    };
    socket.on('close', () => lost('the server closed the connection'));
    socket.on('error', (e) => lost(`socket error: ${e.message}`));
  }

  onStop(): void { this.socket?.destroy(); this.socket = undefined; this.pending = []; }

  /** The tracker pushed a block of `records` of this receiver's stream: those lines are safe, acknowledge them. */
  onBlockPushed(records: number): void {
    const safe = this.pending.splice(0, records);
    if (safe.length && this.socket && !this.socket.destroyed) this.socket.write(`ACK ${safe[safe.length - 1]}\n`);
  }
}

export interface ReliableRunOptions {
  lines: number;
  seed: number;
  master: string;
  /** Kill the receiver's executor once this many lines are acknowledged (local-cluster only). */
  killExecutorAtLine?: number;
  /** The host's runtime (default: this realm's); the soak passes one that counts executor workers. */
  runtime?: EngineRuntime;
  maxSegment?: number;
  window?: number;
  /** Give up after this many batches (a hang guard). */
  maxBatches?: number;
  /** Acknowledge right after store(lines) returns instead of after the tracker reports the block. */
  ackOnStore?: boolean;
  log?: (line: string) => void;
}

export interface ReliableRunResult {
  lines: number;
  missing: number;
  unknown: number;
  duplicates: number;
  linesSent: number;
  disconnects: number;
  connections: number;
  receiverRestarts: number;
  partialLinesDropped: number;
  batches: number;
  walWrites: number;
  blocksLost: number;
  executorKilled?: string;
  executorsAdded: number;
  wallMs: number;
}

/**
 * Runs the reliable receiver against a LineServer on a manual clock (each step cuts blocks, pushes them, and the
 * ACKs let the server send more) with the write-ahead log on, until every line is acknowledged and processed.
 */
export async function runReliableReceiver(o: ReliableRunOptions): Promise<ReliableRunResult> {
  const t0 = performance.now();
  const server = new LineServer({ lines: o.lines, seed: o.seed, maxSegment: o.maxSegment ?? Math.max(100, Math.floor(o.lines / 12)), window: o.window ?? 4_000 });
  const port = await server.listen();
  const conf = new SparkConf().setMaster(o.master).setAppName('ReliableReceiver')
    .set('spark.streaming.clock', 'manual')
    .set('spark.streaming.receiver.writeAheadLog.enable', 'true')
    .set('spark.streaming.receiverRestartDelay', '200');
  const ssc = new StreamingContext(conf, Seconds(1), { runtime: o.runtime });
  ssc.stdout = () => undefined;
  ssc.stderr = () => undefined;
  ssc.sparkContext.fs = new MemoryFileSystem();
  ssc.checkpoint('/reliable-cp');
  const receiver = new AckingReceiver(port, StorageLevel.MEMORY_AND_DISK_SER, o.ackOnStore);
  const counts = new Uint8Array(o.lines + 1);
  let unknown = 0, walWrites = 0, blocksLost = 0, executorsAdded = 0;
  const stream = ssc.receiverStream(receiver);
  ssc.addStreamingListener((e) => {
    if (e.type === 'blockReceived' && e.streamId === stream.id) receiver.onBlockPushed(e.records);
    else if (e.type === 'walWritten') walWrites++;
    else if (e.type === 'blocksLost') blocksLost += e.blocks.length;
    else if (e.type === 'executorAdded') executorsAdded++;
  });
  stream.map((l) => Number(l.slice(0, l.indexOf(' ')))).foreachRDD(async (rdd) => {
    for (const n of (await rdd.collect()) as number[]) {
      if (Number.isInteger(n) && n >= 1 && n <= o.lines) counts[n] = Math.min(255, counts[n] + 1);
      else unknown++;
    }
  });
  let batches = 0;
  let executorKilled: string | undefined;
  try {
    await ssc.start();
    const maxBatches = o.maxBatches ?? 10_000;
    let after = 0;
    while (after < 2) {
      if (++batches > maxBatches) throw new Error(`not every line was acknowledged after ${maxBatches} batches (acked ${server.acked} of ${o.lines})`);
      await ssc.step(1);
      if (o.killExecutorAtLine !== undefined && executorKilled === undefined && server.acked >= o.killExecutorAtLine) {
        const sup = ssc.receiverTracker.supervisors.get(stream.id);
        executorKilled = sup?.executorId ?? ssc.sparkContext.getExecutorIds()[0];
        o.log?.(`killing executor ${executorKilled} (it runs the receiver) at line ${server.acked}`);
        await ssc.faults.killExecutor(executorKilled);
      }
      if (server.done) after++;
      if (batches % 10 === 0) o.log?.(`batch ${batches}: acked ${server.acked}/${o.lines}, sent ${server.linesSent}, disconnects ${server.disconnects}`);
    }
    if (executorKilled !== undefined) {
      // The cluster manager launches a replacement (a real worker: real time). Wait for it, with a hang guard.
      const deadline = performance.now() + 60_000;
      while (executorsAdded < 3 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await ssc.stop();
    await server.close();
  }
  let missing = 0, duplicates = 0;
  for (let n = 1; n <= o.lines; n++) { if (counts[n] === 0) missing++; else duplicates += counts[n] - 1; }
  return { lines: o.lines, missing, unknown, duplicates, linesSent: server.linesSent, disconnects: server.disconnects, connections: server.connections,
    receiverRestarts: receiver.restarts, partialLinesDropped: receiver.partialLinesDropped, batches, walWrites, blocksLost, executorKilled,
    executorsAdded, wallMs: Math.round(performance.now() - t0) };
}

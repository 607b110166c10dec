/**
 * The executor side of the protocol, platform-neutral: the body of every executor worker (Node
 * worker_threads and browser Web Workers have thin entry files that hand it their endpoints).
 *
 * It builds one Executor (tasks run on its slots against its own block manager), answers the driver's
 * calls, keeps the broadcast values the driver sends ahead of tasks, and serves and fetches blocks
 * directly from peer executors over one MessageChannel per pair (Spark's block transfer service).
 */
import { Executor } from '../executor/executor';
import { StorageLevel } from '../rdd/storageLevel';
import type { TaskDesc, TaskOutcome } from '../rdd/plan';
import { decode, encode } from './codec';
import { errorData, type DriverToExecutor, type Endpoint, type ExecutorInit, type ExecutorRequest, type PeerMessage } from './protocol';
import { codeOf, errors } from '../core/errors';
import type { ArrayBufferMeter } from '../executor/arrayBufferMeter';
import { ExecutorReceiver, type ReceiverCutReply } from '../streaming/receiver/ExecutorReceiver';

interface Peer { endpoint: Endpoint; pending: Map<number, (values: unknown[] | undefined) => void>; stores: Map<number, (error?: string) => void> }

/** What the platform's worker entry knows about its heap. */
export interface WorkerPlatform {
  /** Node: the worker runs under resourceLimits, which end it at the limit (no watchdog needed). */
  hardHeapLimit?: boolean;
  /** Browsers: the heap in use (performance.memory.usedJSHeapSize) where the browser exposes it. */
  heapUsed?: () => number | undefined;
  /** Counts the realm's array buffers against the executor's limit (installed before any user code loads). */
  arrayBuffers?: ArrayBufferMeter;
}

export function runExecutorWorker(driver: Endpoint, portEndpoint: (port: unknown) => Endpoint, platform: WorkerPlatform = {}): void {
  let executor: Executor | undefined;
  const broadcasts = new Map<number, unknown>();
  const peers = new Map<string, Peer>();
  let nextFetchId = 0;
  const receivers = new Map<number, ExecutorReceiver>();

  /** Stores a replica of a received block on a peer; resolves with an error message if it could not. */
  const storeOn = (executorId: string, blockId: string, values: unknown[], level: string): Promise<string | undefined> => {
    const peer = peers.get(executorId);
    if (!peer) return Promise.resolve(`executor ${executorId} is not a live peer`);
    const id = nextFetchId++;
    return new Promise((resolve) => {
      peer.stores.set(id, resolve);
      try {
        peer.endpoint.post({ t: 'store', id, blockId, values: encode(values, `from executor ${executor!.id} to executor ${executorId} as block ${blockId}`) as unknown[], level } satisfies PeerMessage);
      } catch (e) { peer.stores.delete(id); resolve(errorData(e).message); }
    });
  };

  /** Cuts a receiver's blocks, stores them here and on the replica executors; the driver gets their ids and sizes. */
  const cutReceiverBlocks = async (ex: Executor, req: Extract<ExecutorRequest, { t: 'cutReceiverBlocks' }>): Promise<ReceiverCutReply> => {
    const r = receivers.get(req.streamId);
    if (!r) throw errors.receiverNotOnExecutor(req.streamId, ex.id);
    const levelDesc = StorageLevel.fromString(req.level).toJSON();
    const blocks = [];
    for (const b of r.cutUpTo(req.time, req.rateLimit)) {
      ex.blockManager.put(b.blockId, b.records, levelDesc);
      const replicas = await Promise.all(req.replicateTo.map(async (id) => ((await storeOn(id, b.blockId, b.records, req.level)) === undefined ? id : undefined)));
      blocks.push({ blockId: b.blockId, numRecords: b.records.length, time: b.time, executorIds: [ex.id, ...replicas.filter((id): id is string => id !== undefined)] });
    }
    return { blocks, pending: r.pending, productionLagMs: r.productionLagMs, position: r.position };
  };

  const fetchFrom = (executorId: string, blockId: string): Promise<unknown[] | undefined> => {
    const peer = peers.get(executorId);
    if (!peer) return Promise.resolve(undefined);
    const id = nextFetchId++;
    return new Promise((resolve) => {
      peer.pending.set(id, resolve);
      peer.endpoint.post({ t: 'fetch', id, blockId } satisfies PeerMessage);
    });
  };

  const addPeer = (executorId: string, port: unknown): void => {
    const endpoint = portEndpoint(port);
    const peer: Peer = { endpoint, pending: new Map(), stores: new Map() };
    peers.set(executorId, peer);
    endpoint.listen((raw) => {
      const m = raw as PeerMessage;
      if (m.t === 'fetch') {
        let reply: PeerMessage;
        try {
          const values = executor?.blockManager.get(m.blockId);
          reply = { t: 'fetched', id: m.id, values: values ? encode(values, `from executor ${executor!.id} to executor ${executorId}`) as unknown[] : null };
        } catch (e) {
          reply = { t: 'fetched', id: m.id, values: null, error: errorData(e).message };
        }
        try { endpoint.post(reply); } catch (e) { endpoint.post({ t: 'fetched', id: m.id, values: null, error: errorData(e).message } satisfies PeerMessage); }
      } else if (m.t === 'store') {
        let error: string | undefined;
        try { executor?.blockManager.put(m.blockId, decode(m.values) as unknown[], StorageLevel.fromString(m.level).toJSON()); } catch (e) { error = errorData(e).message; }
        endpoint.post({ t: 'stored', id: m.id, error } satisfies PeerMessage);
      } else if (m.t === 'stored') {
        const resolve = peer.stores.get(m.id);
        peer.stores.delete(m.id);
        resolve?.(m.error);
      } else if (m.t === 'fetched') {
        const resolve = peer.pending.get(m.id);
        peer.pending.delete(m.id);
        resolve?.(m.values ? decode(m.values) as unknown[] : undefined);
      }
    });
  };

  const dropPeer = (executorId: string): void => {
    const peer = peers.get(executorId);
    if (!peer) return;
    peers.delete(executorId);
    for (const resolve of peer.pending.values()) resolve(undefined);
    peer.pending.clear();
    for (const resolve of peer.stores.values()) resolve(`executor ${executorId} was lost`);
    peer.stores.clear();
    try { peer.endpoint.close(); } catch { /* already closed */ }
  };

  const start = (init: ExecutorInit): void => {
    if (init.crashOnStart) throw new Error(init.crashOnStart);
    if (platform.arrayBuffers && init.heapLimitBytes) platform.arrayBuffers.limitBytes = init.heapLimitBytes;
    executor = new Executor({
      id: init.executorId, host: init.host, cores: init.cores, memoryBytes: init.memoryBytes, sampleLimit: init.sampleLimit,
      peers: {
        fetchShuffleBlock: (executorId, blockId) => fetchFrom(executorId, blockId),
        fetchBlock: (executorId, blockId) => fetchFrom(executorId, blockId),
        getBroadcast: (id) => {
          if (!broadcasts.has(id)) throw errors.executorBroadcastMissing(id, init.executorId);
          return broadcasts.get(id);
        },
      },
      checkShuffleRecords: (records) => { encode(records, 'to the reducers of a shuffle'); },
      heapWatchdog: init.heapLimitBytes && !platform.hardHeapLimit
        ? { limitBytes: init.heapLimitBytes, used: platform.heapUsed ?? (() => undefined) } : undefined,
    });
    driver.post({ t: 'registered', executorId: init.executorId });
  };

  const handle = async (req: ExecutorRequest): Promise<unknown> => {
    const ex = executor;
    if (!ex) throw errors.executorNotInitialised();
    switch (req.t) {
      case 'runTask': return encodeOutcome(overLimit(await ex.runTask(decode(req.task) as TaskDesc), platform.arrayBuffers));
      case 'killTask': return ex.killTask(req.taskId, req.reason);
      case 'removeBlocks': return ex.blockManager.removeWhere((id) => id.startsWith(req.prefix));
      case 'putBlock': ex.blockManager.put(req.blockId, decode(req.values) as unknown[], StorageLevel.fromString(req.level).toJSON()); return null;
      case 'getBlock': { const v = ex.blockManager.get(req.blockId); return v ? encode(v, 'to the driver') : null; }
      case 'startReceiver': {
        const r = new ExecutorReceiver(ex.id, req.start);
        receivers.set(req.start.streamId, r);
        await r.start();
        return null;
      }
      case 'cutReceiverBlocks': return cutReceiverBlocks(ex, req);
      case 'stopReceiver': {
        const r = receivers.get(req.streamId);
        receivers.delete(req.streamId);
        await r?.shutdown();
        return null;
      }
      case 'ping': return { executorId: ex.id, blocks: ex.blockManager.blockIds().length, memoryUsed: ex.blockManager.memoryUsed };
    }
  };

  driver.listen((raw) => {
    const m = raw as DriverToExecutor;
    switch (m.t) {
      case 'init': start(m.init); return;   // a throw here is the worker dying at start-up
      case 'peer': addPeer(m.executorId, m.port); return;
      case 'peerLost': dropPeer(m.executorId); return;
      case 'broadcast': broadcasts.set(m.id, decode(m.value)); return;
      case 'dropBroadcast': broadcasts.delete(m.id); return;
      case 'shutdown': for (const id of [...peers.keys()]) dropPeer(id); driver.close(); return;
      case 'call':
        handle(m.req).then(
          (value) => {
            try { driver.post({ t: 'reply', id: m.id, ok: true, value }); } catch (e) { driver.post({ t: 'reply', id: m.id, ok: false, error: errorData(e) }); }
          },
          (e) => driver.post({ t: 'reply', id: m.id, ok: false, error: errorData(e) }));
        return;
    }
  });
}

/**
 * A task during which an array-buffer allocation was refused fails with that error, even if the user function
 * caught it: the driver then replaces this executor (its memory is suspect) and counts the failure.
 */
function overLimit(outcome: TaskOutcome, meter: ArrayBufferMeter | undefined): TaskOutcome {
  const tripped = meter?.takeTripped();
  if (!tripped || (outcome.status === 'failed' && outcome.errorName === tripped.name)) return outcome;
  const errorCode = codeOf(tripped);
  return { status: 'failed', reason: 'ExceptionFailure', errorName: tripped.name, message: tripped.message, ...(errorCode ? { errorCode } : {}), stack: tripped.stack,
    metrics: outcome.metrics, durationMs: outcome.durationMs };
}

/** Encodes a task result for the driver; a result that cannot travel fails the task, naming the record type. */
function encodeOutcome(outcome: TaskOutcome): TaskOutcome {
  if (outcome.status !== 'success' || outcome.value === null || outcome.value === undefined) return outcome;
  try {
    return { ...outcome, value: encode(outcome.value, 'to the driver as a task result') };
  } catch (e) {
    const err = errorData(e);
    return { status: 'failed', reason: 'ExceptionFailure', message: err.message, errorName: err.name, ...(err.code ? { errorCode: err.code } : {}), stack: err.stack, metrics: outcome.metrics, durationMs: outcome.durationMs };
  }
}

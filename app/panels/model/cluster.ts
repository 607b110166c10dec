/**
 * Cluster view state: driver, cluster manager, executors and their task slots, receivers pinned
 * to slots, the five start-up steps of the lecture. Pure reducer over the engine's events.
 */
import type { ClusterStepName, EngineEvent, FaultKind, ReceiverInfo } from '../../../engine/core/events';

export interface SlotView {
  index: number;
  /** The task running in this slot now, if any. */
  taskId?: number;
  stageId?: number;
  partition?: number;
  attempt?: number;
  speculative?: boolean;
  since?: number;
  /** Total tasks this slot finished (successfully or not). */
  tasksRun: number;
}

export interface ExecutorView {
  id: string;
  host: string;
  cores: number;
  memoryMiB: number;
  alive: boolean;
  /** launching: the cluster manager was asked to launch it (clusterStep 3), not yet registered. */
  status: 'launching' | 'alive' | 'dead';
  /** Known only from the tasks and receivers it runs (no executorAdded seen: local mode's "driver"). */
  implicit?: boolean;
  addedTime: number;
  removedTime?: number;
  removedReason?: string;
  /** The executor this one replaced (a new executor registering after one was lost). */
  replacementOf?: string;
  slots: SlotView[];
  tasksSucceeded: number;
  tasksFailed: number;
  /** Blocks stored on this executor (blockUpdated) and their sizes in memory. */
  blocks: number;
  memoryUsed: number;
  blockSizes: Record<string, number>;
}

export type ReceiverStatus = 'running' | 'error' | 'stopped';

export interface ReceiverView {
  streamId: number;
  name: string;
  executorId: string;
  location: string;
  status: ReceiverStatus;
  /** The slot the receiver occupies, when the engine says so (ReceiverInfo.slot). */
  slot?: number;
  lastError?: string;
  starts: number;
}

export interface ClusterStepView { index: 1 | 2 | 3 | 4 | 5; step: ClusterStepName; detail: string; time: number; executorId?: string }

export interface FaultView { time: number; fault: FaultKind; target: string; detail: string }

export interface ClusterState {
  appName?: string;
  appId?: string;
  master?: string;
  driver: 'down' | 'up' | 'crashed' | 'stopped';
  /** Highest start-up step reached (0 before the driver starts). */
  stepProgress: 0 | 1 | 2 | 3 | 4 | 5;
  steps: ClusterStepView[];
  executors: Record<string, ExecutorView>;
  executorOrder: string[];
  receivers: Record<number, ReceiverView>;
  faults: FaultView[];
  streaming: boolean;
}

const MAX_STEPS = 60;
const MAX_FAULTS = 100;

export const initialCluster: ClusterState = {
  driver: 'down', stepProgress: 0, steps: [], executors: {}, executorOrder: [], receivers: {}, faults: [], streaming: false,
};

function pushBounded<T>(list: T[], item: T, max: number): T[] {
  const next = list.length >= max ? list.slice(list.length - max + 1) : list.slice();
  next.push(item);
  return next;
}

function withExecutor(s: ClusterState, id: string, f: (e: ExecutorView) => ExecutorView): ClusterState {
  const e = s.executors[id];
  if (!e) return s;
  return { ...s, executors: { ...s.executors, [id]: f(e) } };
}

function slotCount(cores: number): number { return Math.max(1, Math.min(64, Math.floor(cores) || 1)); }

function ensureSlot(slots: SlotView[], slot: number): SlotView[] {
  if (slot < slots.length) return slots.slice();
  const next = slots.slice();
  for (let i = slots.length; i <= Math.min(slot, 255); i++) next.push({ index: i, tasksRun: 0 });
  return next;
}

function newExecutor(s: ClusterState, id: string, time: number, patch: Partial<ExecutorView>): ExecutorView {
  // A new executor appearing after one was lost is its replacement (the latest unreplaced one).
  const replaced = Object.keys(s.executors).map((k) => s.executors[k])
    .filter((x) => !x.alive && x.status === 'dead' && x.id !== id && !Object.values(s.executors).some((y) => y.replacementOf === x.id))
    .sort((a, b) => (b.removedTime ?? 0) - (a.removedTime ?? 0))[0];
  const cores = patch.cores ?? 1;
  return {
    id, host: 'localhost', cores, memoryMiB: 0, alive: true, status: 'alive', addedTime: time, replacementOf: replaced?.id,
    slots: Array.from({ length: slotCount(cores) }, (_, i) => ({ index: i, tasksRun: 0 })),
    tasksSucceeded: 0, tasksFailed: 0, blocks: 0, memoryUsed: 0, blockSizes: {}, ...patch,
  };
}

function addExecutor(s: ClusterState, x: ExecutorView): ClusterState {
  return {
    ...s,
    executors: { ...s.executors, [x.id]: x },
    executorOrder: s.executorOrder.includes(x.id) ? s.executorOrder : [...s.executorOrder, x.id],
  };
}

/**
 * Events that name an executor never announced by executorAdded (local mode runs tasks in the
 * driver, and its registration may precede the listener): the executor is known from what it runs.
 */
function ensureExecutor(s: ClusterState, id: string, time: number, host?: string): ClusterState {
  if (s.executors[id]) return s;
  return addExecutor(s, newExecutor(s, id, time, { implicit: true, host: host ?? 'localhost', cores: 1, memoryMiB: 0 }));
}

function receiverView(prev: ReceiverView | undefined, info: ReceiverInfo, status: ReceiverStatus): ReceiverView {
  const slot = (info as ReceiverInfo & { slot?: unknown }).slot;
  return {
    streamId: info.streamId,
    name: info.name,
    executorId: info.executorId,
    location: info.location,
    status,
    slot: typeof slot === 'number' ? slot : prev && prev.executorId === info.executorId ? prev.slot : undefined,
    lastError: info.lastErrorMessage ?? info.lastError ?? prev?.lastError,
    starts: (prev?.starts ?? 0) + (status === 'running' && prev?.status !== 'running' ? 1 : 0),
  };
}

export function reduceCluster(s: ClusterState, e: EngineEvent): ClusterState {
  switch (e.type) {
    case 'applicationStart': {
      // A driver started after a crash (or a stop) is a new application: the old driver's executors and receivers
      // went with it, and the new one's register afresh (the same ids, "0", "1", ...). Only the fault log spans drivers.
      const base = s.driver === 'crashed' || s.driver === 'stopped' ? { ...initialCluster, faults: s.faults } : s;
      return { ...base, appName: e.appName, appId: e.appId, master: e.master, driver: 'up' };
    }
    case 'applicationEnd':
      return { ...s, driver: 'stopped', streaming: false };
    case 'streamingStarted':
      return { ...s, streaming: true, driver: s.driver === 'crashed' || s.driver === 'down' ? 'up' : s.driver };
    case 'streamingStopped':
      return { ...s, streaming: false };
    case 'clusterStep': {
      const step: ClusterStepView = { index: e.index, step: e.step, detail: e.detail, time: e.time, executorId: e.executorId };
      const restart = e.index === 1 && s.stepProgress > 0;
      let base = s;
      if (e.step === 'executorLaunched' && e.executorId !== undefined && !base.executors[e.executorId]) {
        // The worker told to launch it, and its slots and memory, until executorAdded confirms them.
        base = addExecutor(base, newExecutor(base, e.executorId, e.time, { host: e.host ?? 'localhost', cores: e.cores ?? 1, memoryMiB: e.memoryMiB ?? 0, alive: false, status: 'launching' }));
      }
      return {
        ...base,
        driver: e.index === 1 ? 'up' : s.driver,
        stepProgress: restart ? 1 : (Math.max(s.stepProgress, e.index) as ClusterState['stepProgress']),
        steps: pushBounded(s.steps, step, MAX_STEPS),
      };
    }
    case 'executorAdded': {
      const prev = s.executors[e.executorId];
      const base = prev && prev.status === 'launching' ? prev : undefined;
      const view = newExecutor(s, e.executorId, e.time, {
        host: e.host, cores: e.cores, memoryMiB: e.memoryMiB, implicit: false,
        ...(base ? { replacementOf: base.replacementOf } : prev ? { replacementOf: prev.replacementOf } : {}),
      });
      // Registration implies the driver started, asked for resources and the worker launched it.
      return { ...addExecutor(s, view), driver: s.driver === 'down' ? 'up' : s.driver, stepProgress: Math.max(s.stepProgress, 4) as ClusterState['stepProgress'] };
    }
    case 'executorRemoved':
      return withExecutor(s, e.executorId, (x) => ({
        ...x, alive: false, status: 'dead', removedTime: e.time, removedReason: e.reason, blockSizes: {}, blocks: 0, memoryUsed: 0,
        slots: x.slots.map((sl) => ({ index: sl.index, tasksRun: sl.tasksRun })),
      }));
    case 'taskStart':
      return withExecutor(ensureExecutor(s, e.executorId, e.time), e.executorId, (x) => {
        const slots = ensureSlot(x.slots, e.slot);
        slots[e.slot] = { ...slots[e.slot], taskId: e.taskId, stageId: e.stageId, partition: e.partition, attempt: e.attempt, speculative: e.speculative, since: e.time };
        return { ...x, slots };
      });
    case 'taskEnd':
      return withExecutor(ensureExecutor(s, e.executorId, e.time), e.executorId, (x) => {
        const slots = ensureSlot(x.slots, e.slot);
        const cur = slots[e.slot];
        slots[e.slot] = cur.taskId === e.taskId ? { index: cur.index, tasksRun: cur.tasksRun + 1 } : { ...cur, tasksRun: cur.tasksRun + 1 };
        const ok = e.reason === 'Success';
        return { ...x, slots, tasksSucceeded: x.tasksSucceeded + (ok ? 1 : 0), tasksFailed: x.tasksFailed + (ok ? 0 : 1) };
      });
    case 'blockUpdated':
      return withExecutor(ensureExecutor(s, e.executorId, e.time), e.executorId, (x) => {
        const sizes = { ...x.blockSizes };
        const prev = sizes[e.blockId];
        if (e.storageLevel === 'NONE') delete sizes[e.blockId]; else sizes[e.blockId] = e.memSize;
        const had = prev !== undefined, has = e.storageLevel !== 'NONE';
        return { ...x, blockSizes: sizes, blocks: x.blocks + (has ? 1 : 0) - (had ? 1 : 0), memoryUsed: x.memoryUsed - (prev ?? 0) + (has ? e.memSize : 0) };
      });
    case 'receiverStarted': {
      const withExec = ensureExecutor(s, e.receiverInfo.executorId, e.time, e.receiverInfo.location);
      const slot = e.receiverInfo.slot;
      const s1 = typeof slot === 'number' ? withExecutor(withExec, e.receiverInfo.executorId, (x) => ({ ...x, slots: ensureSlot(x.slots, slot) })) : withExec;
      return { ...s1, receivers: { ...s1.receivers, [e.receiverInfo.streamId]: receiverView(s1.receivers[e.receiverInfo.streamId], e.receiverInfo, 'running') } };
    }
    case 'receiverError':
      return { ...s, receivers: { ...s.receivers, [e.receiverInfo.streamId]: receiverView(s.receivers[e.receiverInfo.streamId], e.receiverInfo, 'error') } };
    case 'receiverStopped':
      return { ...s, receivers: { ...s.receivers, [e.receiverInfo.streamId]: receiverView(s.receivers[e.receiverInfo.streamId], e.receiverInfo, 'stopped') } };
    case 'faultInjected': {
      const next = { ...s, faults: pushBounded(s.faults, { time: e.time, fault: e.fault, target: e.target, detail: e.detail }, MAX_FAULTS) };
      if (e.fault === 'crashDriver') {
        // The executors and receivers belong to the crashed driver's application: none is left to kill or crash.
        const executors = Object.fromEntries(Object.entries(next.executors).map(([id, x]) => [id, x.alive || x.status === 'launching'
          ? { ...x, alive: false, status: 'dead' as const, removedTime: e.time, removedReason: 'the driver crashed', slots: x.slots.map((sl) => ({ index: sl.index, tasksRun: sl.tasksRun })) } : x]));
        const receivers = Object.fromEntries(Object.entries(next.receivers).map(([id, r]) => [id, r.status === 'running' ? { ...r, status: 'stopped' as const } : r]));
        return { ...next, executors, receivers, driver: 'crashed', streaming: false };
      }
      return next;
    }
    default:
      return s;
  }
}

/** What the cluster panel draws and narrates. */
export interface ClusterViewData {
  appName?: string;
  master?: string;
  driver: ClusterState['driver'];
  stepProgress: number;
  lastStep?: ClusterStepView;
  executors: (ExecutorView & { receivers: ReceiverView[]; busySlots: number })[];
  receivers: ReceiverView[];
  faults: FaultView[];
  totalSlots: number;
  busySlots: number;
}

export function clusterViewData(s: ClusterState): ClusterViewData {
  const receivers = Object.keys(s.receivers).map(Number).sort((a, b) => a - b).map((k) => s.receivers[k]);
  const executors = s.executorOrder.map((id) => s.executors[id]).filter(Boolean).map((x) => {
    const busy = x.slots.filter((sl) => sl.taskId !== undefined).length;
    return { ...x, receivers: receivers.filter((r) => r.executorId === x.id && r.status !== 'stopped'), busySlots: busy };
  });
  const alive = executors.filter((x) => x.alive);
  return {
    appName: s.appName, master: s.master, driver: s.driver, stepProgress: s.stepProgress,
    lastStep: s.steps[s.steps.length - 1], executors, receivers, faults: s.faults,
    totalSlots: alive.reduce((n, x) => n + x.slots.length, 0),
    busySlots: alive.reduce((n, x) => n + x.busySlots, 0),
  };
}

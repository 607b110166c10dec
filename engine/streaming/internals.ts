/**
 * Engine functions that shipped functions call on executors (in the table of shipped globals as
 * `StreamingInternals`): the option check of updateStateByKey and the per-partition state of mapWithState.
 *
 * mapWithState keeps each partition's states in a persistent map (Spark's OpenHashMapBasedStateMap idea: a
 * chain of delta maps over a base map), so a batch costs O(records of the batch), not O(keys in the state):
 *
 *   - a batch's version is a new delta (structural key → [key, state, updateTime], or null when removed) whose
 *     parent is the previous batch's version; earlier versions are never mutated, so a cached older state RDD
 *     (kept for the remember duration, or recomputed after a lost block) stays exact;
 *   - deltas are merged like a binary counter (a delta at least half the size of its parent delta is merged
 *     into it), and into the base once they reach a quarter of it, so the chain stays O(log) deep and each
 *     state entry is copied O(log) times amortised, where Spark copies the whole map every 20 batches;
 *   - a version is plain data (objects, arrays, Map), so it crosses a worker boundary (structured clone, the
 *     cluster codec) and a data checkpoint as is; a checkpoint file stores it compacted, as `[key, state, time]`
 *     triples (the record's non-enumerable toJSON), and a record with an array of triples is accepted too.
 */
import { isOption, None, Some, type Option } from '../core/option';
import { Time } from '../core/time';
import { formatRecord } from '../core/format';
import { State } from './dstream/stateSpec';
import { errors } from '../core/errors';
import { textOutputLines } from '../rdd/hadoopOutput';

/** One state: the key, its state, the batch time it was last updated. */
export type StateEntry = [key: unknown, state: unknown, updatedMs: number];

/**
 * One version of a partition's states. The base (parent null) holds live entries only; a delta maps the
 * structural key of every key changed in its batches to the new entry, or to null when the key was removed.
 */
export interface StateNode { delta: Map<unknown, StateEntry | null>; parent: StateNode | null; depth: number; size: number }

/** One partition of a mapWithState state RDD (Spark's MapWithStateRDDRecord): the states and the batch's mapped data. */
export interface StateRecord { states: StateNode | StateEntry[]; mapped: unknown[] }

/** Scala key equality: primitives directly, tuples and other values by a canonical text. */
function structuralKey(k: unknown): unknown {
  if (k === null || typeof k !== 'object') return k;
  return '\u0000' + JSON.stringify(k, (_n, v) => (isOption(v) ? { $opt: v.isDefined ? [v.get()] : [] } : v));
}

// ---- the persistent state map --------------------------------------------------------------------------------

/** A delta is merged into its parent delta when it is at least 1/DELTA_MERGE of its size (a binary counter). */
const DELTA_MERGE = 2;
/** Deltas are merged into the base when they hold at least 1/BASE_MERGE of the base's keys. */
const BASE_MERGE = 4;
/** Hard bound on the chain (lookups walk it). */
const MAX_DEPTH = 24;

function emptyBase(): StateNode { return { delta: new Map(), parent: null, depth: 0, size: 0 }; }

function baseFromEntries(entries: Iterable<StateEntry>): StateNode {
  const m = new Map<unknown, StateEntry | null>();
  for (const e of entries) m.set(structuralKey(e[0]), e);
  return { delta: m, parent: null, depth: 0, size: m.size };
}

/** The entry of a structural key in a version, or undefined. */
function lookup(node: StateNode, sk: unknown): StateEntry | undefined {
  for (let n: StateNode | null = node; n !== null; n = n.parent) {
    const e = n.delta.get(sk);
    if (e !== undefined) return e ?? undefined;
  }
  return undefined;
}

/** Attaches a batch's delta (`size`: live keys after it) to its parent version, merging levels as the size rules say. */
function attach(delta: Map<unknown, StateEntry | null>, parent: StateNode, size: number): StateNode {
  if (delta.size === 0) return parent;
  let node: StateNode = { delta, parent, depth: parent.depth + 1, size };
  for (;;) {
    const p = node.parent!;
    if (p.parent === null) {
      if (node.delta.size * BASE_MERGE >= p.delta.size || node.depth > MAX_DEPTH) node = mergeIntoBase(node.delta, p.delta);
      return node;
    }
    if (node.delta.size * DELTA_MERGE < p.delta.size && node.depth <= MAX_DEPTH) return node;
    const merged = new Map(p.delta);
    for (const [sk, e] of node.delta) merged.set(sk, e);
    node = { delta: merged, parent: p.parent, depth: p.depth, size };
  }
}

function mergeIntoBase(delta: Map<unknown, StateEntry | null>, base: Map<unknown, StateEntry | null>): StateNode {
  const m = new Map(base);
  for (const [sk, e] of delta) {
    if (e === null) m.delete(sk); else m.set(sk, e);
  }
  return { delta: m, parent: null, depth: 0, size: m.size };
}

/** Every live entry of a version: the base's keys in their order (latest states), then keys added since. */
function* liveEntries(node: StateNode): Generator<StateEntry> {
  if (node.parent === null) { yield* node.delta.values() as Iterable<StateEntry>; return; }
  const levels: StateNode[] = [];
  let base = node;
  while (base.parent !== null) { levels.push(base); base = base.parent; }
  const over = new Map<unknown, StateEntry | null>();
  for (let i = levels.length - 1; i >= 0; i--) for (const [sk, e] of levels[i].delta) over.set(sk, e);
  for (const [sk, e] of base.delta) {
    const o = over.get(sk);
    if (o === undefined) yield e!;
    else if (o !== null) yield o;
  }
  for (const [sk, o] of over) if (o !== null && !base.delta.has(sk)) yield o;
}

/** The version held by a record: its node, or a base built from triples (checkpoint files, older records). */
function nodeOf(rec: StateRecord | undefined): StateNode {
  const s = rec?.states;
  if (!s) return emptyBase();
  if (Array.isArray(s)) return baseFromEntries(s);
  return s;
}

function makeRecord(states: StateNode, mapped: unknown[]): StateRecord {
  const rec: StateRecord = { states, mapped };
  // Data checkpoints (JSON) store the states compacted; the studio's record samples show a summary, not every state.
  // Structured clone and the cluster codec skip non-enumerable keys.
  Object.defineProperties(rec, {
    toJSON: { value: () => ({ states: [...liveEntries(states)], mapped }), enumerable: false },
    toString: { value: () => `MapWithStateRDDRecord(${states.size} states, ${mapped.length} mapped)`, enumerable: false },
  });
  return rec;
}

// ---- functions called by shipped code -------------------------------------------------------------------------

function checkOption(r: unknown, op: string): void {
  if (!isOption(r)) {
    let shown: string;
    try { shown = formatRecord(r); } catch { shown = String(r); }
    throw new TypeError(`The function given to ${op} must return Some(newState) or None, but it returned ${shown}. Wrap the new state: return Some(state), or None to remove the key.`);
  }
}

/** Builds each partition's initial record from [key, state] pairs (Spark's MapWithStateRDD.createFromPairRDD). */
function initialRecord(pairs: Iterable<[unknown, unknown]>, timeMs: number): StateRecord[] {
  const m = new Map<unknown, StateEntry | null>();
  for (const [k, s] of pairs) m.set(structuralKey(k), [k, s, timeMs]);
  return [makeRecord({ delta: m, parent: null, depth: 0, size: m.size }, [])];
}

/** The [key, state] pairs of a partition's record (stateSnapshots, repartitioning the state). */
function statePairs(rec: StateRecord): [unknown, unknown][] {
  const out: [unknown, unknown][] = [];
  for (const e of liveEntries(nodeOf(rec))) out.push([e[0], e[1]]);
  return out;
}

type MappingFn = (...args: unknown[]) => unknown;

/**
 * Spark's MapWithStateRDDRecord.updateRecordWithData: applies the mapping function to each new record of the
 * partition, keeping, updating or removing its key's state; on full-scan (checkpoint) batches, states idle since
 * before `timeoutThreshold` time out, and the function is called once more for them with no value.
 * Only the keys of the batch are touched (plus every key on a full scan with a timeout).
 */
function updateRecord(prev: StateRecord[], data: [unknown, unknown][], fn: MappingFn, withTime: boolean, batchTimeMs: number,
  timeoutThreshold: number | null, fullScan: boolean): StateRecord[] {
  const parent = nodeOf(prev[0]);
  const delta = new Map<unknown, StateEntry | null>();
  let size = parent.size;
  const get = (sk: unknown): StateEntry | undefined => {
    const d = delta.get(sk);
    return d !== undefined ? d ?? undefined : lookup(parent, sk);
  };
  const mapped: unknown[] = [];
  const state = new State<unknown>();
  const time = withTime ? new Time(batchTimeMs) : undefined;
  const call = (k: unknown, v: Option<unknown>) => {
    const returned = withTime ? fn(time, k, v, state) : fn(k, v, state);
    if (withTime) { checkOption(returned, 'mapWithState'); if ((returned as Option<unknown>).isDefined) mapped.push((returned as Option<unknown>).get()); }
    else mapped.push(returned);
  };
  for (const [k, v] of data) {
    const sk = structuralKey(k);
    const cur = get(sk);
    state.wrap(cur ? Some(cur[1]) : None);
    call(k, Some(v));
    if (state.isRemoved) { if (cur) { delta.set(sk, null); size--; } }
    else if (state.isUpdated || (state.exists() && timeoutThreshold !== null)) { delta.set(sk, [k, state.get(), batchTimeMs]); if (!cur) size++; }
  }
  let next = attach(delta, parent, size);
  if (fullScan && timeoutThreshold !== null) {
    const timedOut = new Map<unknown, StateEntry | null>();
    for (const [k, s, updated] of liveEntries(next)) {
      if (updated >= timeoutThreshold) continue;
      state.wrap(Some(s), true);
      call(k, None);
      timedOut.set(structuralKey(k), null);
    }
    next = attach(timedOut, next, next.size - timedOut.size);
  }
  return [makeRecord(next, mapped)];
}

/** One row updateStateByKey's update function sees: a key, its new values, its previous state (None for a new key). */
type UpdateRow = [key: unknown, values: unknown, state: Option<unknown>];

/** updateStateByKey with `(values, state) => Option`: the keys whose function returned Some, with their new state. */
function updateStates(rows: Iterable<UpdateRow>, f: (values: unknown, state: Option<unknown>) => unknown): [unknown, unknown][] {
  const out: [unknown, unknown][] = [];
  for (const [k, vs, s] of rows) keepDefined(out, k, f(vs, s));
  return out;
}

/** updateStateByKey with `(time, key, values, state) => Option` (Spark's overload with the batch time and the key). */
function updateStatesWithTime(rows: Iterable<UpdateRow>, f: (time: Time, key: unknown, values: unknown, state: Option<unknown>) => unknown,
  timeMs: number): [unknown, unknown][] {
  const time = new Time(timeMs);
  const out: [unknown, unknown][] = [];
  for (const [k, vs, s] of rows) keepDefined(out, k, f(time, k, vs, s));
  return out;
}

function keepDefined(out: [unknown, unknown][], key: unknown, r: unknown): void {
  checkOption(r, 'updateStateByKey');
  if (isOption(r) && r.isDefined) out.push([key, r.get()]);
}

/**
 * Spark's ReducedWindowedDStream mergeValues: `arrayOfValues` is one key's cogroup of [previous window, the old
 * batches leaving it, the new batches entering it]; the new window value is previous - old + new (inverse reduce).
 */
function mergeWindowValues<V>(arrayOfValues: V[][], reduceF: (a: V, b: V) => V, invReduceF: (a: V, b: V) => V,
  numOld: number, numNew: number): V {
  if (arrayOfValues.length !== 1 + numOld + numNew) throw new Error(errors.windowValueCount().message);
  const oldValues: V[] = [], newValues: V[] = [];
  for (let i = 1; i <= numOld; i++) if (arrayOfValues[i].length > 0) oldValues.push(arrayOfValues[i][0]);
  for (let i = 1; i <= numNew; i++) if (arrayOfValues[numOld + i].length > 0) newValues.push(arrayOfValues[numOld + i][0]);
  if (arrayOfValues[0].length === 0) {
    if (newValues.length === 0) throw new Error(errors.windowKeyHash().message);
    return newValues.reduce((a, b) => reduceF(a, b));
  }
  let tempValue = arrayOfValues[0][0];
  if (oldValues.length > 0) tempValue = invReduceF(tempValue, oldValues.reduce((a, b) => reduceF(a, b)));
  if (newValues.length > 0) tempValue = reduceF(tempValue, newValues.reduce((a, b) => reduceF(a, b)));
  return tempValue;
}

export const StreamingInternals = { checkOption, initialRecord, updateRecord, statePairs, updateStates, updateStatesWithTime, mergeWindowValues,
  textOutputLines };

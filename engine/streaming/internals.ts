/**
 * Engine functions that shipped functions call on executors (registered as the shipped global
 * `StreamingInternals`): the option check of updateStateByKey and the per-partition update of mapWithState.
 */
import { isOption, None, Some, type Option } from '../core/option';
import { registerShippedGlobal } from '../core/shippedGlobals';
import { Time } from '../core/time';
import { formatRecord } from '../core/format';
import { State } from './dstream/stateSpec';

/** One partition of a mapWithState state RDD (Spark's MapWithStateRDDRecord): the states and the batch's mapped data. */
export interface StateRecord { states: [unknown, unknown, number][]; mapped: unknown[] }

/** A map with Scala key equality: primitives directly, tuples and other values by a canonical text. */
class StructuralMap<V> {
  private readonly m = new Map<unknown, V>();
  private static key(k: unknown): unknown {
    if (k === null || typeof k !== 'object') return k;
    return '\u0000' + JSON.stringify(k, (_n, v) => (isOption(v) ? { $opt: v.isDefined ? [v.get()] : [] } : v));
  }
  get(k: unknown): V | undefined { return this.m.get(StructuralMap.key(k)); }
  set(k: unknown, v: V): void { this.m.set(StructuralMap.key(k), v); }
  delete(k: unknown): void { this.m.delete(StructuralMap.key(k)); }
  values(): V[] { return [...this.m.values()]; }
}

function checkOption(r: unknown, op: string): void {
  if (!isOption(r)) {
    let shown: string;
    try { shown = formatRecord(r); } catch { shown = String(r); }
    throw new TypeError(`The function given to ${op} must return Some(newState) or None, but it returned ${shown}. Wrap the new state: return Some(state), or None to remove the key.`);
  }
}

/** Builds each partition's initial record from [key, state] pairs (Spark's MapWithStateRDD.createFromPairRDD). */
function initialRecord(pairs: Iterable<[unknown, unknown]>, timeMs: number): StateRecord[] {
  const states: [unknown, unknown, number][] = [];
  for (const [k, s] of pairs) states.push([k, s, timeMs]);
  return [{ states, mapped: [] }];
}

type MappingFn = (...args: unknown[]) => unknown;

/**
 * Spark's MapWithStateRDDRecord.updateRecordWithData: applies the mapping function to each new record of the
 * partition, keeping, updating or removing its key's state; on full-scan (checkpoint) batches, states idle since
 * before `timeoutThreshold` time out, and the function is called once more for them with no value.
 */
function updateRecord(prev: StateRecord[], data: [unknown, unknown][], fn: MappingFn, withTime: boolean, batchTimeMs: number,
  timeoutThreshold: number | null, fullScan: boolean): StateRecord[] {
  const map = new StructuralMap<[unknown, unknown, number]>();
  for (const e of prev[0]?.states ?? []) map.set(e[0], e);
  const mapped: unknown[] = [];
  const state = new State<unknown>();
  const time = withTime ? new Time(batchTimeMs) : undefined;
  const call = (k: unknown, v: Option<unknown>) => {
    const returned = withTime ? fn(time, k, v, state) : fn(k, v, state);
    if (withTime) { checkOption(returned, 'mapWithState'); if ((returned as Option<unknown>).isDefined) mapped.push((returned as Option<unknown>).get()); }
    else mapped.push(returned);
  };
  for (const [k, v] of data) {
    const cur = map.get(k);
    state.wrap(cur ? Some(cur[1]) : None);
    call(k, Some(v));
    if (state.isRemoved) map.delete(k);
    else if (state.isUpdated || (state.exists() && timeoutThreshold !== null)) map.set(k, [k, state.get(), batchTimeMs]);
  }
  if (fullScan && timeoutThreshold !== null) {
    for (const [k, s, updated] of map.values()) {
      if (updated >= timeoutThreshold) continue;
      state.wrap(Some(s), true);
      call(k, None);
      map.delete(k);
    }
  }
  return [{ states: map.values(), mapped }];
}

export const StreamingInternals = { checkOption, initialRecord, updateRecord };
registerShippedGlobal('StreamingInternals', StreamingInternals);

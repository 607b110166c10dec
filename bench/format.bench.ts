/**
 * Row 0 (infrastructure): the cost of the engine's time types. The job generator and every window
 * compute batch times with Duration/Time objects (Spark's API); this checks that doing so stays
 * cheap next to plain millisecond numbers, measured back to back in one process.
 */
import { Duration, Time, parseDuration } from '../engine/core/time';
import { compare, measure, ratioRow, type BenchOptions, type BenchRow } from './run';

/** Walks `steps` batch times with Time/Duration and counts window boundaries (every 3rd batch). */
function withObjects(steps: number): number {
  const batch = new Duration(1000);
  const window = batch.times(3);
  let t = new Time(0);
  let boundaries = 0;
  for (let i = 0; i < steps; i++) {
    t = t.plus(batch);
    if (t.isMultipleOf(window)) boundaries++;
  }
  return boundaries + t.milliseconds;
}

/** The same walk with plain numbers: the limit. */
function withNumbers(steps: number): number {
  const batch = 1000;
  const window = batch * 3;
  let t = 0;
  let boundaries = 0;
  for (let i = 0; i < steps; i++) {
    t += batch;
    if (t % window === 0) boundaries++;
  }
  return boundaries + t;
}

export async function rows({ quick }: BenchOptions): Promise<BenchRow[]> {
  const steps = quick ? 200_000 : 2_000_000;
  const rounds = quick ? 5 : 11;
  if (withObjects(1000) !== withNumbers(1000)) throw new Error('Duration walk and number walk disagree');

  const { ratio, aMs, bMs } = await compare(() => withObjects(steps), () => withNumbers(steps), { rounds });
  const inputs = ['500ms', '2s', '1min', '1500', '0.5s', '10 seconds'];
  const parse = await measure(() => {
    let total = 0;
    for (let i = 0; i < 20_000; i++) total += parseDuration(inputs[i % inputs.length]).milliseconds;
    return total;
  }, { rounds });
  const parsesPerSecond = 20_000 / (parse.medianMs / 1000);

  return [
    ratioRow('0.duration-vs-number', 'Time/Duration arithmetic ÷ plain numbers', ratio, { op: '<=', limit: 10 },
      `${steps.toLocaleString('en-US')} batch steps: ${aMs.toFixed(1)} ms vs ${bMs.toFixed(1)} ms`),
    { id: '0.parse-duration', name: 'parseDuration("2s", ...) throughput', value: parsesPerSecond, unit: 'ops/s', target: '', met: null },
  ];
}

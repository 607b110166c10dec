/**
 * Back-pressure (spark.streaming.backpressure.enabled) on a simulated clock: each record costs
 * `spark.studio.simulatedCostPerRecordMs` of processing, so a source faster than that falls behind (scheduling
 * delay grows); the PID estimator lowers the ingestion rate until it matches what processing keeps up with
 * (1000 / cost records/s), and the backlog drains. Receivers (rateStream) and the direct Kafka stream alike.
 */
import { describe, expect, it } from 'vitest';
import type { BatchInfo, EngineEvent } from '../../core/events';
import type { StreamingContext } from '../StreamingContext';
import { captureEvents, manualContext } from './fixtures';

interface Case {
  name: string;
  backpressure: boolean;
  source: (ssc: StreamingContext) => { count(): { foreachRDD(f: (rdd: { collect(): Promise<unknown[]> }) => Promise<void>): void } };
  /** Records per second the source offers. */
  offered: number;
}

const rate = (ssc: StreamingContext) => ssc.rateStream(1000);
const kafka = (ssc: StreamingContext) => ssc.directKafkaStream(['load'], { partitionsPerTopic: 2, messagesPerSecond: 500 });
const cases: Case[] = [
  { name: 'a receiver (rateStream 1000/s) settles at 500/s', backpressure: true, source: rate, offered: 1000 },
  { name: 'a direct Kafka stream (2 × 500/s) settles at 500/s', backpressure: true, source: kafka, offered: 1000 },
  { name: 'without back-pressure the backlog keeps growing', backpressure: false, source: rate, offered: 1000 },
];
const COST_MS = 2, CAPACITY = 1000 / COST_MS, BATCHES = 30;

async function run(c: Case): Promise<{ batches: BatchInfo[]; rates: number[] }> {
  const ssc = manualContext('BackPressure', { 'spark.streaming.backpressure.enabled': String(c.backpressure), 'spark.studio.simulatedCostPerRecordMs': String(COST_MS) });
  const events = captureEvents(ssc);
  c.source(ssc).count().foreachRDD(async (rdd) => { await rdd.collect(); });
  await ssc.start();
  await ssc.step(BATCHES);
  await ssc.stop();
  const done = events.filter((e): e is Extract<EngineEvent, { type: 'batchCompleted' }> => e.type === 'batchCompleted').map((e) => e.batchInfo);
  return { batches: done, rates: events.flatMap((e) => (e.type === 'rateUpdated' ? [e.rate] : [])) };
}

describe('back-pressure with a simulated processing cost', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const { batches, rates } = await run(c);
      expect(batches.length).toBe(BATCHES);
      for (const b of batches) expect(b.processingDelay, `batch ${b.batchTime}`).toBe(b.numRecords * COST_MS);
      const delays = batches.map((b) => b.schedulingDelay!);
      if (!c.backpressure) {
        expect(rates).toEqual([]);
        expect(batches.every((b) => b.numRecords === c.offered)).toBe(true);
        for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
        return;
      }
      // The first batch takes everything offered and falls behind; the estimate then drops below the capacity…
      expect(batches[0].numRecords).toBe(c.offered);
      expect(delays[1]).toBeGreaterThan(0);
      expect(rates.length).toBeGreaterThanOrEqual(BATCHES - 3);
      expect(Math.min(...rates)).toBeLessThan(CAPACITY);
      // …ingestion follows the rate (records of a batch ≤ the rate in force when it was received)…
      for (let i = 2; i < batches.length; i++) expect(batches[i].numRecords).toBeLessThanOrEqual(Math.ceil(Math.max(rates[i - 2], rates[i - 1] ?? 0)) + 1);
      // …and settles at what processing keeps up with, with the backlog gone.
      for (const r of rates.slice(-5)) expect(Math.abs(r - CAPACITY)).toBeLessThan(CAPACITY * 0.02);
      for (const b of batches.slice(-3)) expect(Math.abs(b.numRecords - CAPACITY)).toBeLessThanOrEqual(CAPACITY * 0.02);
      expect(delays.at(-1)).toBe(0);
    });
  }
});

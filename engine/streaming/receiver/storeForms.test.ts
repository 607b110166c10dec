/**
 * Spark's Receiver.store forms (ReceiverSupervisorImpl.pushSingle / pushArrayBuffer / pushIterator): a single record
 * joins the block generator's current block; an array or an iterator becomes a block of its own, stored and
 * reported before the call returns; storing into a stopped receiver fails with Spark's words.
 */
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../core/events';
import { errors } from '../../core/errors';
import { StorageLevel } from '../../rdd/storageLevel';
import { Receiver } from './Receiver';
import { captureEvents, manualContext, advanceTo } from '../recovery/fixtures';

class HandReceiver extends Receiver<string> {
  constructor() { super(StorageLevel.MEMORY_ONLY); }
  onStart(): void {}
  onStop(): void {}
}

const received = (events: EngineEvent[]) => events.flatMap((e) => (e.type === 'blockReceived' ? [[e.blockId, e.records]] : []));

describe('Receiver.store forms', () => {
  it('store(array) and store(iterator) resolve once their own block is stored and reported; store(record) waits for the interval', async () => {
    const ssc = manualContext('StoreForms');
    const events = captureEvents(ssc);
    const receiver = new HandReceiver();
    const seen: unknown[][] = [];
    ssc.receiverStream(receiver).foreachRDD(async (rdd) => { seen.push(await rdd.collect()); });
    try {
      await ssc.start();
      await receiver.store(['a', 'b']);
      expect(received(events)).toEqual([['input-0-1', 2]]);
      await receiver.store(new Set(['c']).values());
      expect(received(events)).toEqual([['input-0-1', 2], ['input-0-2', 1]]);
      await receiver.store('d');
      expect(received(events)).toHaveLength(2);   // in the generator's buffer until the interval ends
      await advanceTo(ssc, 200);
      expect(received(events)).toEqual([['input-0-1', 2], ['input-0-2', 1], ['input-0-0', 1]]);
      await receiver.store(['e']);   // ids of whole blocks skip the generator's (multiples of the 200 ms interval)
      expect(received(events).at(-1)).toEqual(['input-0-201', 1]);
      await ssc.step(1);
      expect(seen).toEqual([['a', 'b', 'c', 'd', 'e']]);
    } finally {
      await ssc.stop();
    }
  });

  it('a stopped supervisor refuses whole blocks with Spark\'s message and drops late single records', async () => {
    const ssc = manualContext('StoreStopped');
    const receiver = new HandReceiver();
    ssc.receiverStream(receiver).foreachRDD(async () => undefined);
    await ssc.start();
    const supervisor = ssc.receiverTracker.supervisors.get(0)!;
    const host = { store: supervisor.store.bind(supervisor), storeBlock: supervisor.storeBlock.bind(supervisor) };
    await ssc.stop();
    await expect(host.storeBlock(['late'])).rejects.toThrow(errors.blockGeneratorStopped().message);
    await expect(host.store(['late'])).resolves.toBeUndefined();
  });
});

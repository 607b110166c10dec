/**
 * Receivers that run inside a worker executor (local-cluster): the driver sends what rebuilds the receiver there
 * (its kind and plain options, never the object), the executor constructs it and runs it as a long-running task in
 * the slot the driver reserved. The simulated sources generate their records there, so record data never passes
 * through the driver (Spark launches each receiver as a task; its data enters on the executor).
 */
import { RateReceiver, type RateOptions } from '../input/rate';
import { TwitterReceiver, type TwitterOptions } from '../input/twitter';
import type { Receiver } from './Receiver';

/** Structured-cloneable description of a receiver an executor can build. */
export type ShippedReceiverSpec =
  | { kind: 'rate'; rowsPerSecond: number; options: Omit<RateOptions, 'storageLevel'>; position: number }
  | { kind: 'twitter'; options: Omit<TwitterOptions, 'storageLevel'>; position: number };

/** What to send for `receiver`, or undefined when it runs where it was made (custom and socket receivers, for now). */
export function shippedReceiverSpec(receiver: Receiver<unknown>): ShippedReceiverSpec | undefined {
  if (receiver instanceof RateReceiver) {
    const { storageLevel: _level, ...options } = receiver.options;
    return { kind: 'rate', rowsPerSecond: receiver.rowsPerSecond, options, position: receiver.position };
  }
  if (receiver instanceof TwitterReceiver) {
    const { storageLevel: _level, ...options } = receiver.options;
    return { kind: 'twitter', options, position: receiver.position };
  }
  return undefined;
}

/** The executor side: a fresh receiver from its description (Spark deserialises the receiver in its task). */
export function buildShippedReceiver(spec: ShippedReceiverSpec): Receiver<unknown> {
  switch (spec.kind) {
    case 'rate': { const r = new RateReceiver(spec.rowsPerSecond, spec.options); r.position = spec.position; return r; }
    case 'twitter': { const r = new TwitterReceiver(spec.options); r.position = spec.position; return r; }
  }
}

/** Where a shipped receiver has got to (sent back with every cut), so a restart elsewhere continues from there. */
export function shippedReceiverPosition(receiver: Receiver<unknown>): number | undefined {
  return receiver instanceof RateReceiver || receiver instanceof TwitterReceiver ? receiver.position : undefined;
}

/** The driver's copy of the receiver follows the executor's (what the next start ships). */
export function followShippedPosition(receiver: Receiver<unknown>, position: number | undefined): void {
  if (position !== undefined && (receiver instanceof RateReceiver || receiver instanceof TwitterReceiver)) receiver.position = position;
}

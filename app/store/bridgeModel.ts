/** Pure helpers of the engine bridge (tested without a worker). */
import type { EngineEvent } from '../../engine/core/events';
import type { DriverMessage } from '../workers/protocol';
import type { SimStatus } from './simSlice';

/**
 * Split a batch of worker messages into engine events and the last status. `errorCodes[i]` is the code of
 * `errors[i]` (the failures statuses reported), when the driver knew it.
 */
export function coalesce(msgs: DriverMessage[]): { events: EngineEvent[]; status?: { status: SimStatus; error?: string }; errors: string[];
  errorCodes: (string | undefined)[]; logs: { level: 'error' | 'warning'; text: string }[] } {
  const events: EngineEvent[] = [];
  let status: { status: SimStatus; error?: string } | undefined;
  const errors: string[] = [];
  const errorCodes: (string | undefined)[] = [];
  const logs: { level: 'error' | 'warning'; text: string }[] = [];
  for (const m of msgs) {
    if (m.kind === 'event') events.push(m.event);
    else if (m.kind === 'stdout') events.push({ type: 'stdout', time: 0, text: m.text });
    else if (m.kind === 'log') logs.push({ level: m.level, text: m.text });
    else { status = { status: m.status, ...(m.error ? { error: m.error } : {}) }; if (m.error) { errors.push(m.error); errorCodes.push(m.errorCode); } }
  }
  return { events, status, errors, errorCodes, logs };
}

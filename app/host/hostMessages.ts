/** The few messages between the page and the engine host document (the driver itself talks on a MessagePort). */
export type WorkerName = 'driver' | 'dry-run' | 'import';
export interface HostConnect { kind: 'connect'; name: WorkerName }
export type HostToPage = { kind: 'hostReady' } | { kind: 'hostError'; message: string };

const isRec = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function parseHostConnect(d: unknown): HostConnect | null {
  if (!isRec(d) || d.kind !== 'connect' || (d.name !== 'driver' && d.name !== 'dry-run' && d.name !== 'import')) return null;
  return { kind: 'connect', name: d.name };
}

export function parseHostToPage(d: unknown): HostToPage | null {
  if (!isRec(d)) return null;
  if (d.kind === 'hostReady') return { kind: 'hostReady' };
  if (d.kind === 'hostError' && typeof d.message === 'string') return { kind: 'hostError', message: d.message.slice(0, 2000) };
  return null;
}

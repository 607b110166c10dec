import { errors } from '../core/errors';

export type MasterSpec =
  | { kind: 'local'; cores: number; maxFailures: number }
  | { kind: 'local-cluster'; workers: number; coresPerWorker: number; memoryMiB: number };

/** Parses Spark master URLs: local, local[N], local[*], local[N,F], local[*,F], local-cluster[W,C,M]. */
export function parseMaster(master: string, availableCores: number): MasterSpec {
  const m = master.trim();
  if (m === 'local') return { kind: 'local', cores: 1, maxFailures: 1 };
  let r = /^local\[(\*|\d+)\]$/.exec(m);
  if (r) return { kind: 'local', cores: threads(r[1], availableCores, master), maxFailures: 1 };
  r = /^local\[(\*|\d+)\s*,\s*(\d+)\]$/.exec(m);
  if (r) return { kind: 'local', cores: threads(r[1], availableCores, master), maxFailures: Number(r[2]) };
  r = /^local-cluster\[\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\]$/.exec(m);
  if (r) {
    const [workers, cores, mem] = [Number(r[1]), Number(r[2]), Number(r[3])];
    if (workers < 1 || cores < 1 || mem < 1) throw errors.invalidMaster(master);
    return { kind: 'local-cluster', workers, coresPerWorker: cores, memoryMiB: mem };
  }
  throw errors.invalidMaster(master);
}

function threads(s: string, available: number, master: string): number {
  const n = s === '*' ? available : Number(s);
  if (!Number.isInteger(n) || n <= 0) throw errors.localThreads(s, master);
  return n;
}

/** Cores of this machine (or browser), for local[*]. */
export function availableCores(): number {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  return Math.max(1, nav?.hardwareConcurrency ?? 2);
}

/** Master URL <-> cluster settings (pure). */
export type ClusterSettings =
  | { mode: 'local'; cores: number | '*' }
  | { mode: 'cluster'; executors: number; cores: number; memoryMiB: number };

export function parseMaster(master: string): ClusterSettings {
  const m = master.trim();
  let r = /^local-cluster\[\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\]$/.exec(m);
  if (r) return { mode: 'cluster', executors: +r[1], cores: +r[2], memoryMiB: +r[3] };
  r = /^local\[(\d+|\*)(?:,\d+)?\]$/.exec(m);
  if (r) return { mode: 'local', cores: r[1] === '*' ? '*' : +r[1] };
  if (m === 'local') return { mode: 'local', cores: 1 };
  return { mode: 'cluster', executors: 2, cores: 2, memoryMiB: 1024 };
}

export function formatMaster(c: ClusterSettings): string {
  if (c.mode === 'local') return `local[${c.cores}]`;
  return `local-cluster[${c.executors},${c.cores},${c.memoryMiB}]`;
}

/** Speed slider: a log scale from 0.1x to 10x; position 0..100. */
export const speedFromSlider = (pos: number) => Math.round(10 ** ((pos - 50) / 50) * 100) / 100;
export const sliderFromSpeed = (speed: number) => Math.round(Math.log10(Math.min(10, Math.max(0.1, speed))) * 50 + 50);
export const formatSpeed = (s: number) => `${s >= 1 ? (Math.round(s * 10) / 10) : s}×`;

/** Spark's MapOutputTracker: where each map task's shuffle output lives. */
export interface MapStatus { executorId: string; sizes: number[]; records: number[] }

export class MapOutputTracker {
  private outputs = new Map<number, (MapStatus | null)[]>();

  registerShuffle(shuffleId: number, numMaps: number): void {
    if (!this.outputs.has(shuffleId)) this.outputs.set(shuffleId, new Array(numMaps).fill(null));
  }
  registerMapOutput(shuffleId: number, mapId: number, status: MapStatus): void { this.outputs.get(shuffleId)![mapId] = status; }
  missingMaps(shuffleId: number): number[] {
    const o = this.outputs.get(shuffleId);
    if (!o) return [];
    return o.flatMap((s, i) => (s ? [] : [i]));
  }
  isAvailable(shuffleId: number): boolean { const o = this.outputs.get(shuffleId); return !!o && o.every((s) => s !== null); }
  locations(shuffleId: number): (string | null)[] { return (this.outputs.get(shuffleId) ?? []).map((s) => s?.executorId ?? null); }
  /** Forgets every map output stored on a lost executor (no external shuffle service). */
  removeOutputsOnExecutor(executorId: string): number[] {
    const affected: number[] = [];
    for (const [shuffleId, o] of this.outputs) {
      let hit = false;
      o.forEach((s, i) => { if (s?.executorId === executorId) { o[i] = null; hit = true; } });
      if (hit) affected.push(shuffleId);
    }
    return affected;
  }
  removeMapOutput(shuffleId: number, mapId: number): void { const o = this.outputs.get(shuffleId); if (o) o[mapId] = null; }
  unregisterShuffle(shuffleId: number): void { this.outputs.delete(shuffleId); }
  shuffleIds(): number[] { return [...this.outputs.keys()]; }
}

import { describe, expect, it } from 'vitest';
import { reduceAll } from '../panels/model/run';
import { hashtagRun } from '../panels/model/fixtures';
import { lineageData, taskGanttData } from '../panels/model/execution';
import { clusterViewData } from '../panels/model/cluster';
import { layoutLineage } from './lineage';
import { ganttHitTest, layoutGantt } from './taskGantt';
import { layoutCluster } from './clusterView';
import { LIGHT } from './palette';

const m = reduceAll(hashtagRun({ killExecutorInBatch: 3, speculativeInBatch: 2 }));

describe('chart layouts', () => {
  it('puts parent stages left of their children with an edge between them', () => {
    const L = layoutLineage(lineageData(m.exec, 3000), 900);
    expect(L.boxes).toHaveLength(2);
    expect(L.boxes[0].x).toBeLessThan(L.boxes[1].x);
    expect(L.edges).toHaveLength(1);
    expect(L.boxes.every((b) => b.cellsY + b.cell <= b.h)).toBe(true);
  });

  it('lays Gantt bars in their slot rows and finds them by position', () => {
    const d = taskGanttData(m.exec, 2000);
    const L = layoutGantt(d, 800, 200, LIGHT);
    expect(L.rects).toHaveLength(d.bars.length);
    const spec = L.rects.find((r) => r.bar.speculative)!;
    expect(spec.mark).toBe('S');
    expect(spec.dashed).toBe(true);
    const hit = ganttHitTest(L, L.margin.left + spec.x + 1, L.margin.top + spec.y + 1);
    expect(hit?.bar.taskId).toBe(spec.bar.taskId);
    expect(ganttHitTest(L, 0, 0)).toBeUndefined();
  });

  it('groups executors by worker host', () => {
    const L = layoutCluster(clusterViewData(m.cluster), 1000);
    expect(L.workers.map((w) => [w.host, w.execs.map((e) => e.exec.id)])).toEqual([['worker-0', ['0']], ['worker-1', ['1', '2']]]);
    expect(L.height).toBeGreaterThan(L.stepsH);
  });
});

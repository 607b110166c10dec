import { describe, expect, it } from 'vitest';
import { CLUSTER_SCALE, estimateTextWidth, fitCluster, layoutCluster, wrapLabel } from './clusterView';
import { clusterViewData } from '../panels/model/cluster';
import { reduceAll } from '../panels/model/run';
import { hashtagRun } from '../panels/model/fixtures';

const measure = (s: string) => estimateTextWidth(s, 10);

describe('wrapLabel', () => {
  it('keeps a short label on one line', () => {
    expect(wrapLabel('Workers launch executors', 400, 2, measure)).toEqual(['Workers launch executors']);
  });
  it('breaks English at spaces and Chinese between characters, each line within the width', () => {
    for (const text of ['Driver starts, creates the StreamingContext', 'Driver 启动，创建 StreamingContext', '每个批次的 DAG 作为任务提交']) {
      const lines = wrapLabel(text, 110, 2, measure);
      expect(lines.length).toBeLessThanOrEqual(2);
      for (const l of lines) expect(measure(l), `${text}: "${l}"`).toBeLessThanOrEqual(110);
      expect(lines.join('').replace(/\s|…/g, '').length).toBeGreaterThan(4);
    }
    expect(wrapLabel('Driver starts, creates the StreamingContext', 150, 2, measure)).toEqual(['Driver starts, creates', 'the StreamingContext']);
  });
  it('ends the last line with an ellipsis when the text does not fit', () => {
    const lines = wrapLabel('one two three four five six seven eight nine ten', 60, 2, measure);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    expect(measure(lines[1])).toBeLessThanOrEqual(60);
  });
});

describe('fitCluster', () => {
  const d = clusterViewData(reduceAll(hashtagRun({ killExecutorInBatch: 3 })).cluster);
  it('scales the diagram down into a short box and lays it out wider, so it still spans the width', () => {
    const full = layoutCluster(d, 900).height;
    const fit = fitCluster(d, 900, full * 0.8);
    expect(fit.scale).toBeLessThan(1);
    expect(fit.scale).toBeGreaterThanOrEqual(CLUSTER_SCALE.min);
    expect(fit.layoutWidth * fit.scale).toBeLessThanOrEqual(900);
    expect(fit.layoutWidth).toBeGreaterThan(900);
    expect(layoutCluster(d, fit.layoutWidth).height * fit.scale).toBeLessThanOrEqual(full * 0.8 + 1);
  });
  it('scales up to fill a tall box (full screen), up to the largest scale', () => {
    const fit = fitCluster(d, 1280, 2000);
    expect(fit.scale).toBe(CLUSTER_SCALE.max);
    expect(fitCluster(d, 1280, 500).scale).toBeGreaterThan(1);
  });
  it('never goes below the readable scale (the box scrolls instead)', () => {
    expect(fitCluster(d, 900, 40).scale).toBe(CLUSTER_SCALE.min);
    expect(fitCluster(d, 900, 0)).toEqual({ scale: 1, layoutWidth: 900 });
  });
});

import { describe, expect, it } from 'vitest';
import { TaskSites } from './taskSites';
import type { PartPlan, TaskDesc } from '../rdd/plan';
import { shipFunction } from '../core/closure';

describe('TaskSites: the user operations of a task and their graph nodes', () => {
  const sites = new TaskSites();
  sites.onEvent({ type: 'stageSubmitted', time: 0, stageId: 0, attemptId: 0, name: 'map at pairs', numTasks: 1, rddIds: [2, 1, 0],
    rddChain: ['MapPartitionsRDD[2] at map at pairs', 'MapPartitionsRDD[1] at flatMap at tags', 'BlockRDD[0] at twitterStream at tweets'], parentStageIds: [], isShuffleMap: false, jobId: 0,
    rddInfos: [
      { id: 2, className: 'MapPartitionsRDD', op: 'map', callSite: 'pairs', numPartitions: 1, parentIds: [1], storageLevel: 'NONE' },
      { id: 1, className: 'MapPartitionsRDD', op: 'flatMap', callSite: 'tags', numPartitions: 1, parentIds: [0], storageLevel: 'NONE' },
      { id: 0, className: 'BlockRDD', op: 'twitterStream', callSite: 'tweets', numPartitions: 1, parentIds: [], storageLevel: 'NONE' },
    ] });
  const ship = shipFunction('x => x', 'map');
  const task = (plan: PartPlan): TaskDesc => ({ kind: 'result', op: { t: 'collect' }, taskId: 1, jobId: 0, stageId: 0, stageAttemptId: 0, partition: 0, attempt: 0, plan });
  const blocks: PartPlan = { k: 'blocks', rddId: 0, blockIds: [], locations: [] };
  const flat: PartPlan = { k: 'narrow', rddId: 1, op: { t: 'flatMap', f: ship }, parent: blocks };
  const mapped: PartPlan = { k: 'narrow', rddId: 2, op: { t: 'map', f: ship }, parent: flat };

  it('names one node when the task runs one user function, and every candidate (in pipeline order) otherwise', () => {
    expect(sites.nodeIds(task(flat))).toEqual(['tags']);
    expect(sites.nodeIds(task(mapped))).toEqual(['tags', 'pairs']);
    expect(sites.describe(task(mapped))).toBe('one of: flatMap at tags, map at pairs');
  });
});

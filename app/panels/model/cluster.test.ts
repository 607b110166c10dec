import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../engine/core/events';
import { clusterViewData, initialCluster, reduceCluster } from './cluster';

const step = (time: number, index: 1 | 2 | 3 | 4 | 5, executorId?: string): EngineEvent => ({
  type: 'clusterStep', time, index, executorId,
  step: (['driverStarted', 'resourcesRequested', 'executorLaunched', 'executorRegistered', 'dagSubmitted'] as const)[index - 1],
  detail: index === 3 ? `the cluster manager tells worker-${executorId} to launch executor ${executorId} (2 task slot(s), 1024 MiB)` : 'step',
  ...(index === 3 ? { host: `worker-${executorId}`, cores: 2, memoryMiB: 1024 } : {}),
});
const added = (time: number, executorId: string): EngineEvent => ({ type: 'executorAdded', time, executorId, host: `worker-${executorId}`, cores: 2, memoryMiB: 1024 });
const removed = (time: number, executorId: string): EngineEvent => ({ type: 'executorRemoved', time, executorId, reason: 'killed' });
const fault = (time: number, f: 'killExecutor' | 'crashDriver', target: string): EngineEvent => ({ type: 'faultInjected', time, fault: f, target, detail: '' });
const startDriver = (t: number, ids: string[]): EngineEvent[] => [
  { type: 'applicationStart', time: t, appName: 'app', appId: 'app-1', master: 'local-cluster[2,2,1024]', sparkUser: 'studio' }, step(t, 1), step(t, 2), ...ids.flatMap((id) => [step(t, 3, id), added(t, id), step(t, 4, id)])];

describe('cluster after a driver restart', () => {
  // Kill executor 1 and 0 (replaced by 2 and 3), then restart the driver: the new driver registers 0 and 1.
  const events: EngineEvent[] = [
    ...startDriver(0, ['0', '1']), step(1000, 5),
    fault(1500, 'killExecutor', '1'), removed(1500, '1'), step(1600, 3, '2'), added(1600, '2'),
    fault(2500, 'killExecutor', '0'), removed(2500, '0'), step(2600, 3, '3'), added(2600, '3'),
    fault(3500, 'crashDriver', 'driver'), { type: 'streamingStopped', time: 3500 }, { type: 'applicationEnd', time: 3500 },
    ...startDriver(3500, ['0', '1']), step(3500, 1),
  ];
  const s = events.reduce(reduceCluster, initialCluster);
  const view = clusterViewData(s);

  it('shows exactly the new driver\'s executors and slots', () => {
    expect(view.executors.map((x) => [x.id, x.status])).toEqual([['0', 'alive'], ['1', 'alive']]);
    expect(view.totalSlots).toBe(4);
    expect(view.executors.every((x) => x.replacementOf === undefined)).toBe(true);
  });

  it('keeps the fault log of both drivers', () => {
    expect(view.faults.map((f) => f.fault)).toEqual(['killExecutor', 'killExecutor', 'crashDriver']);
  });

  it('leaves no executor alive while the crashed driver is down', () => {
    const down = events.slice(0, events.findIndex((e) => e.type === 'faultInjected' && e.fault === 'crashDriver') + 1).reduce(reduceCluster, initialCluster);
    expect(clusterViewData(down).executors.filter((x) => x.alive)).toEqual([]);
    expect(down.driver).toBe('crashed');
  });
});

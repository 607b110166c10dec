/** The D3 panels, rendered by the app as tabs in the bottom dock. Each is a landmark region named `accessibleName`. */
import type { ComponentType } from 'react';
import './panels.css';
import { ClusterPanel, CLUSTER_NAME } from './ClusterPanel';
import { StreamingStatsPanel, STATS_NAME } from './StreamingStatsPanel';
import { BatchTimelinePanel, TIMELINE_NAME } from './BatchTimelinePanel';
import { LineagePanel, LINEAGE_NAME } from './LineagePanel';
import { TasksPanel, TASKS_NAME } from './TasksPanel';
import { WindowsPanel, WINDOWS_NAME } from './WindowsPanel';
import { StatePanel, STATE_NAME } from './StatePanel';
import { DataPreviewPanel, PREVIEW_NAME } from './DataPreviewPanel';
import { BackpressurePanel, BACKPRESSURE_NAME } from './BackpressurePanel';

export interface PanelDef {
  id: string;
  /** i18n key of the visible (translated) title. */
  titleKey: string;
  /** The English accessible name of the panel's landmark region (tests find panels by it). */
  accessibleName: string;
  Component: ComponentType;
}

export const PANELS: PanelDef[] = [
  { id: 'cluster', titleKey: 'panels.cluster', accessibleName: CLUSTER_NAME, Component: ClusterPanel },
  { id: 'stats', titleKey: 'panels.stats', accessibleName: STATS_NAME, Component: StreamingStatsPanel },
  { id: 'timeline', titleKey: 'panels.timeline', accessibleName: TIMELINE_NAME, Component: BatchTimelinePanel },
  { id: 'lineage', titleKey: 'panels.lineage', accessibleName: LINEAGE_NAME, Component: LineagePanel },
  { id: 'tasks', titleKey: 'panels.tasks', accessibleName: TASKS_NAME, Component: TasksPanel },
  { id: 'windows', titleKey: 'panels.windows', accessibleName: WINDOWS_NAME, Component: WindowsPanel as ComponentType },
  { id: 'state', titleKey: 'panels.state', accessibleName: STATE_NAME, Component: StatePanel as ComponentType },
  { id: 'preview', titleKey: 'panels.preview', accessibleName: PREVIEW_NAME, Component: DataPreviewPanel as ComponentType },
  { id: 'backpressure', titleKey: 'panels.backpressure', accessibleName: BACKPRESSURE_NAME, Component: BackpressurePanel },
];

export { ClusterPanel, StreamingStatsPanel, BatchTimelinePanel, LineagePanel, TasksPanel, WindowsPanel, StatePanel, DataPreviewPanel, BackpressurePanel };
export { BatchScrubber } from './common';
export type { WindowSpec } from './model/windows';
export { windowSpecsFromGraph, statefulNodeIds } from './model/graphInputs';

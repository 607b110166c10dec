/** Module-level selectors (stable references; use with useShallow where they build objects). */
import type { ValidationIssue } from '../../engine/graph/types';
import type { Studio } from './types';

export const selectFlow = (s: Studio) => ({ nodes: s.nodes, edges: s.edges, onNodesChange: s.onNodesChange, onEdgesChange: s.onEdgesChange, onConnect: s.onConnect });
export const selectSelectedIds = (s: Studio) => s.nodes.filter((n) => n.selected).map((n) => n.id);
export const selectSim = (s: Studio) => s.sim;
export const selectMeta = (s: Studio) => s.meta;
export const selectLang = (s: Studio) => s.lang;
export const selectTheme = (s: Studio) => s.theme;
export const selectCanUndoRedo = (s: Studio) => ({ canUndo: s.history.past.length > 0, canRedo: s.history.future.length > 0 });
export const selectConsoleErrors = (s: Studio) => s.consoleErrors;
export const selectIssues = (s: Studio) => s.issues;

const EMPTY: ValidationIssue[] = [];
export function issuesOfNode(issues: ValidationIssue[], nodeId: string): ValidationIssue[] {
  const out = issues.filter((i) => i.nodeId === nodeId);
  return out.length ? out : EMPTY;
}
export function graphLevelIssues(issues: ValidationIssue[]): ValidationIssue[] {
  return issues.filter((i) => !i.nodeId && !i.edgeId);
}

/** A node's issue as shown beside the node: without the node's name when the issue says it (the node is on screen). */
export function shortIssue(issue: ValidationIssue): string {
  return issue.detail ?? issue.message;
}

/**
 * Feeds the lesson runner from the studio store: new engine events (the event log; a shorter log means a new run),
 * graph changes (docVersion) and the open dock tab. Returns the unsubscribe function.
 */
import { useStudio } from '../store/store';
import type { Studio } from '../store/types';
import { useLessons } from './lessonStore';
import type { GraphSnapshot } from './runner';

export function graphSnapshot(s: Studio): GraphSnapshot {
  const g = s.currentGraph();
  return { master: g.master, batchDuration: g.batchDuration, nodes: g.nodes, edges: g.edges, ...(g.conf ? { conf: g.conf } : {}) };
}

export function connectLessons(): () => void {
  let seen = 0;
  let log = useStudio.getState().eventLog;
  let docVersion = -1;
  let dockTab: string | undefined;
  const sync = (s: Studio, full = false) => {
    const lessons = useLessons.getState();
    if (!lessons.runner) return;
    // A lesson starts afresh: the events of an earlier run do not count.
    if (full) { seen = s.eventLog.length; log = s.eventLog; lessons.dispatch({ kind: 'runReset' }); }
    if (s.eventLog !== log) {
      // The log is cleared when a new run starts.
      if (s.eventLog.length < seen || s.eventLog[0] !== log[0]) { seen = 0; lessons.dispatch({ kind: 'runReset' }); }
      log = s.eventLog;
      if (log.length > seen) { lessons.dispatch({ kind: 'events', events: log.slice(seen) }); seen = log.length; }
    }
    if (s.docVersion !== docVersion || full) { docVersion = s.docVersion; lessons.dispatch({ kind: 'graph', graph: graphSnapshot(s) }); }
    if (s.dockTab !== dockTab || full) { dockTab = s.dockTab; lessons.dispatch({ kind: 'ui', panel: s.dockTab }); }
  };
  const unStudio = useStudio.subscribe((s) => sync(s));
  // A new lesson starts from the current state of the studio.
  let lessonRef = useLessons.getState().lesson;
  const unLessons = useLessons.subscribe((l) => { if (l.lesson !== lessonRef) { lessonRef = l.lesson; if (l.lesson) sync(useStudio.getState(), true); } });
  return () => { unStudio(); unLessons(); };
}

/**
 * Feeds the lesson runner from the studio store: new engine events (the run feed; a new epoch means a new run),
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
  let feed = useStudio.getState().runFeed;
  let docVersion = -1;
  let dockTab: string | undefined;
  const sync = (s: Studio, full = false) => {
    const lessons = useLessons.getState();
    if (!lessons.runner) return;
    // A lesson starts afresh: the events of an earlier run do not count.
    if (full) { feed = s.runFeed; lessons.dispatch({ kind: 'runReset' }); }
    if (s.runFeed !== feed) {
      // A new epoch is a new run (or a replay).
      if (s.runFeed.epoch !== feed.epoch) lessons.dispatch({ kind: 'runReset' });
      feed = s.runFeed;
      if (feed.events.length) lessons.dispatch({ kind: 'events', events: feed.events });
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

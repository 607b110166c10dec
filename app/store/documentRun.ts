/**
 * A new document (an example, a lesson, a file, a link) starts with clean panels: the run of the previous
 * pipeline is stopped and every view of it (console, Cluster and the other panels, toolbar counts, node badges)
 * is cleared. The document-loading code calls resetRun() once, where it replaces the graph.
 */
import { useStudio } from './store';
import { engine } from './engineBridge';

function clearRunViews(): void {
  const st = useStudio.getState();
  st.resetRunView();
  st.setSim({ status: 'idle', runDocVersion: undefined });
}

/** Clears the run views now; a live run is stopped first, and its last events (flushed by the stop) are cleared too. */
export function resetRun(): void {
  const { status } = useStudio.getState().sim;
  clearRunViews();
  if (status === 'running' || status === 'paused' || status === 'loading') void engine.stop().then(clearRunViews, clearRunViews);
}

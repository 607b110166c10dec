/** File → Save run… / Open run…: the recorded run of the current session as a JSON file, and its replay. */
import { useStudio } from '../store/store';
import { engine } from '../store/engineBridge';
import { t } from '../i18n/index';
import { openDocument } from '../files/fileActions';
import { parseRecordedRun, runFileName, toRunFile } from './recordedRun';

/** Downloads graph + seed + the recorded run (runSlice.recordRun: a base state and the events since). A replay is saved as it was loaded. */
export function saveRun(): void {
  const st = useStudio.getState();
  if (st.recorder.isEmpty) { st.notify({ level: 'warning', text: t('sim.run.nothing') }); return; }
  const graph = st.currentGraph();
  const file = toRunFile(st.recordRun(graph, graph.seed));
  const name = runFileName(graph.name);
  const blob = new Blob([JSON.stringify(file)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  st.notify({ level: 'info', text: t('sim.run.saved', { n: st.recorder.total, file: name }) });
}

/** Opens a recorded run: a broken file shows its problems and changes nothing; a good one stops the live run and replays. */
export async function openRunText(text: string, source: string): Promise<boolean> {
  const parsed = parseRecordedRun(text);
  const st = useStudio.getState();
  if (!parsed.ok) {
    st.openDialog({ kind: 'problems', title: t('sim.run.openFailed', { source }), problems: parsed.problems });
    return false;
  }
  const live = st.sim.status === 'running' || st.sim.status === 'paused' || st.sim.status === 'loading';
  if (live) await engine.stop();
  if (parsed.graph) openDocument(parsed.graph);
  useStudio.getState().replayRecordedRun(parsed.run, parsed.name);
  const after = useStudio.getState();
  after.notify({ level: 'info', text: t('sim.run.opened', { name: parsed.name, batches: after.sim.batchesCompleted, n: after.recorder.total }) });
  return true;
}

export async function openRunFile(file: File): Promise<boolean> {
  let text: string;
  try { text = await file.text(); } catch (e) {
    useStudio.getState().openDialog({ kind: 'problems', title: t('sim.run.openFailed', { source: file.name }), problems: [e instanceof Error ? e.message : String(e)] });
    return false;
  }
  return openRunText(text, file.name);
}

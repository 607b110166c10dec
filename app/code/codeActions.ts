/**
 * The code pane's and File menu's actions: download or copy the current graph as TypeScript / Scala / PySpark, and
 * apply an imported graph (one undoable step; a pipeline with another name gets its own autosave slot, so the previous
 * pipeline stays saved).
 */
import { resetRun } from '../store/documentRun';
import { engine } from '../store/engineBridge';
import { useStudio } from '../store/store';
import { t } from '../i18n/index';
import { appStorage, saveNow, setSlot } from '../files/autosaveSync';
import { listPipelines, uniqueName } from '../files/autosave';
import type { PipelineGraph } from '../../engine/graph/types';
import { exportCode, exportFileName, LANG_NAMES, MIME_TYPES, type ExportLang } from './codeModel';

/** The current graph as a program, or null after telling the user why it could not be exported. */
function currentCode(lang: ExportLang): { code: string; name: string } | null {
  const st = useStudio.getState();
  const g = st.currentGraph();
  const r = exportCode(g, lang);
  if (!r.ok) {
    st.notify({ level: 'error', text: t('code.exportFailed', { lang: LANG_NAMES[lang], message: r.error }) });
    return null;
  }
  return { code: r.code, name: g.name };
}

export function downloadCode(lang: ExportLang): boolean {
  const c = currentCode(lang);
  if (!c) return false;
  saveFile(c.code, exportFileName(c.name, lang), lang);
  return true;
}

/**
 * "Export with this run's data": the current graph as a program whose sources are queueStreams of what the run's
 * sources delivered (recorded in the engine host, asked for through the bridge). Says why when there is no run.
 */
export async function downloadWithRunData(lang: ExportLang): Promise<boolean> {
  const st = useStudio.getState();
  let recording;
  try { recording = await engine.runRecording(); } catch (e) {
    st.notify({ level: 'error', text: t('code.runData.failed', { message: e instanceof Error ? e.message : String(e) }) });
    return false;
  }
  if (!recording || recording.batches === 0) { st.notify({ level: 'warning', text: t('code.runData.none') }); return false; }
  const g = st.currentGraph();
  const r = exportCode(g, lang, { recordedInputs: recording.inputs, recordingNote: recording });
  if (!r.ok) { st.notify({ level: 'error', text: t('code.exportFailed', { lang: LANG_NAMES[lang], message: r.error }) }); return false; }
  saveFile(r.code, exportFileName(g.name, lang), lang);
  st.notify({ level: recording.truncated ? 'warning' : 'info', text: t(recording.truncated ? 'code.runData.truncated' : 'code.runData.done', { lang: LANG_NAMES[lang], n: recording.batches }) });
  return true;
}

function saveFile(text: string, fileName: string, lang: ExportLang): void {
  const blob = new Blob([text], { type: `${MIME_TYPES[lang]};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Writes text to the clipboard (the async Clipboard API, else a hidden textarea and execCommand). */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) { await navigator.clipboard.writeText(text); return true; }
  } catch { /* denied: try the old way */ }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch { ok = false; }
  ta.remove();
  return ok;
}

export async function copyCode(lang: ExportLang, opts: { announce?: boolean } = {}): Promise<boolean> {
  const c = currentCode(lang);
  if (!c) return false;
  const ok = await writeClipboard(c.code);
  const st = useStudio.getState();
  if (!ok) st.notify({ level: 'error', text: t('code.copyFailed') });
  else if (opts.announce) st.notify({ level: 'info', text: t('code.copiedNotice', { lang: LANG_NAMES[lang] }) });
  return ok;
}

/**
 * Replaces the current graph with an imported one as ONE undoable step (the graph slice's `loadGraph`). The current
 * pipeline is saved first and the import gets a free name and its own autosave slot, so nothing saved is overwritten.
 */
export function applyImportedGraph(graph: PipelineGraph): string {
  const st = useStudio.getState();
  if (graph.name && graph.name === st.meta.name) {
    // The same pipeline coming back (export, edit, import): replaced in place, under its own name and slot.
    st.loadGraph(graph);
    st.selectOnly([]);
    return graph.name;
  }
  if (st.nodes.length > 0) saveNow(false);
  const taken = listPipelines(appStorage(), Date.now()).names.map((n) => n.name);
  const name = uniqueName(graph.name || t('code.import.defaultName'), taken);
  setSlot(null);
  resetRun();   // another pipeline: the previous one's run and its views go
  st.loadGraph({ ...graph, name });
  st.selectOnly([]);
  return name;
}

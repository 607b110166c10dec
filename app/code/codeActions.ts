/**
 * The code pane's and File menu's actions: download or copy the current graph as TypeScript / Scala / PySpark, and
 * apply an imported graph (one undoable step; a pipeline with another name gets its own autosave slot, so the previous
 * pipeline stays saved).
 */
import { resetRun } from '../store/documentRun';
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
  const blob = new Blob([c.code], { type: `${MIME_TYPES[lang]};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = exportFileName(c.name, lang);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return true;
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

/**
 * Autosave: watches the document version and saves the current pipeline to localStorage
 * (debounced; atomic, see autosave.ts). The storage slot follows the pipeline's name; a rename
 * onto another saved pipeline's name keeps the old slot instead of overwriting that pipeline.
 */
import { resetRun } from '../store/documentRun';
import { useStudio } from '../store/store';
import { t } from '../i18n/index';
import { parsePipeline } from '../../engine/graph/schema';
import { MemoryStorage, deletePipeline, listPipelines, loadPipeline, savePipeline, type StorageLike } from './autosave';
import type { PipelineGraph } from '../../engine/graph/types';

let storage: StorageLike | null = null;
export function appStorage(): StorageLike {
  if (storage) return storage;
  try {
    const ls = globalThis.localStorage;
    const probe = '__dstream_probe__';
    ls.setItem(probe, '1');
    ls.removeItem(probe);
    storage = ls;
  } catch {
    storage = new MemoryStorage();
  }
  return storage;
}

const DEBOUNCE_MS = 700;
let timer: ReturnType<typeof setTimeout> | null = null;
let slot: string | null = null;
let savedVersion = -1;
let quotaNoticeShown = false;

export const parse = (raw: unknown) => {
  const r = parsePipeline(raw);
  return r.ok ? { ok: true as const, graph: r.graph } : { ok: false as const, issues: r.issues };
};

/** The slot the current document is saved under (set when a pipeline is opened). */
export function setSlot(name: string | null) { slot = name; }

export function saveNow(announce = false): boolean {
  if (timer) { clearTimeout(timer); timer = null; }
  const st = useStudio.getState();
  const graph = st.currentGraph();
  const name = graph.name || 'Untitled pipeline';
  const s = appStorage();
  const existing = new Set(listPipelines(s, Date.now()).names.map((n) => n.name));
  let target = name;
  if (slot && slot !== name && existing.has(name)) target = slot;   // never overwrite another pipeline by renaming
  const r = savePipeline(s, target, graph, Date.now(), { trusted: st.trusted });
  if (!r.ok) {
    st.setSaveStatus('failed');
    if (r.reason === 'quota') {
      if (!quotaNoticeShown || announce) {
        quotaNoticeShown = true;
        st.notify({ level: 'error', text: t('files.quota'), action: { labelKey: 'files.exportJson', run: 'exportJson' } });
      }
    } else st.notify({ level: 'error', text: t('files.saveFailed', { message: r.message }) });
    return false;
  }
  quotaNoticeShown = false;
  st.setSaveStatus('saved');
  if (slot && slot !== target && existing.has(slot)) {
    try { deletePipeline(s, slot, Date.now()); } catch { /* the old slot stays; nothing lost */ }
  }
  slot = target;
  savedVersion = st.docVersion;
  if (announce) st.notify({ level: 'info', text: t('files.saved', { name: target }) });
  return true;
}

/** Start watching the store; returns the unsubscribe function. */
export function startAutosave(): () => void {
  savedVersion = useStudio.getState().docVersion;
  const unsub = useStudio.subscribe((s, prev) => {
    if (s.docVersion === prev.docVersion || s.docVersion === savedVersion) return;
    if (timer) clearTimeout(timer);
    if (s.saveStatus !== 'pending') s.setSaveStatus('pending');
    timer = setTimeout(() => { timer = null; saveNow(false); }, DEBOUNCE_MS);
  });
  const flush = () => { if (timer) saveNow(false); };
  window.addEventListener('pagehide', flush);
  window.addEventListener('beforeunload', flush);
  return () => { unsub(); window.removeEventListener('pagehide', flush); window.removeEventListener('beforeunload', flush); };
}

/** The last open pipeline and whether it is trusted, if any (problems are reported as notices). */
export function restoreLast(): { graph: PipelineGraph; trusted: boolean } | null {
  const s = appStorage();
  const st = useStudio.getState();
  const l = listPipelines(s, Date.now());
  for (const p of l.problems) st.notify({ level: 'warning', text: p });
  const name = l.current ?? l.names[0]?.name;
  if (!name) return null;
  const r = loadPipeline(s, name, parse, Date.now());
  for (const p of r.problems) st.notify({ level: 'warning', text: p });
  if (r.graph) { slot = name; return { graph: r.graph, trusted: r.trusted === true }; }
  return null;
}

export function openSaved(name: string): boolean {
  const st = useStudio.getState();
  saveNow(false);
  const r = loadPipeline(appStorage(), name, parse, Date.now());
  for (const p of r.problems) st.notify({ level: 'warning', text: p });
  if (!r.graph) return false;
  slot = name;
  st.setSafeMode(false);   // safe mode is about the pipeline that was running, not this one
  resetRun();
  st.loadGraph(r.graph, { resetHistory: true, trusted: r.trusted === true });
  savedVersion = useStudio.getState().docVersion;
  st.setSaveStatus('saved');
  return true;
}

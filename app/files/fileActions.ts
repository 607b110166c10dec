/** File actions behind the header's buttons: new, open, download, share, examples, startup. */
import { useStudio } from '../store/store';
import { t } from '../i18n/index';
import { parsePipeline } from '../../engine/graph/schema';
import { emptyGraph } from '../store/graphModel';
import { opSpec } from '../store/registryAdapter';
import type { PipelineGraph } from '../../engine/graph/types';
import { listPipelines, uniqueName } from './autosave';
import { appStorage, restoreLast, saveNow, setSlot } from './autosaveSync';
import { DEFAULT_EXAMPLE, fetchExampleText } from './examples';
import { decodeShareHash, listCode, shareHash } from './share';
import { arrangeIfCramped } from '../canvas/Canvas';
import { resetRun } from '../store/documentRun';
import { clearRunMark, readRunMark } from './runMark';

/**
 * Open a new document (file, example, link): saved first, given a free name, history reset. Untrusted (its functions
 * run only after consent) unless `trusted`: the app's own examples and lessons, or a copy made of stock functions.
 */
export function openDocument(graph: PipelineGraph, opts: { keepName?: boolean; trusted?: boolean } = {}): void {
  const st = useStudio.getState();
  if (st.nodes.length > 0) saveNow(false);
  const taken = listPipelines(appStorage(), Date.now()).names.map((n) => n.name);
  const name = opts.keepName ? graph.name : uniqueName(graph.name || 'Untitled pipeline', taken);
  setSlot(null);
  st.setSafeMode(false);
  st.loadGraph({ ...graph, name }, { resetHistory: true, trusted: opts.trusted === true });
  resetRun();
  st.selectOnly([]);
}

/** Parse text as a pipeline; on failure show every problem and keep the current graph. */
export function openText(text: string, source: string, opts: { trusted?: boolean } = {}): boolean {
  const r = parsePipeline(text);
  const st = useStudio.getState();
  if (!r.ok) {
    st.openDialog({ kind: 'problems', title: t('files.openFailed', { source }), problems: r.issues });
    return false;
  }
  openDocument(r.graph, { trusted: opts.trusted === true });
  for (const w of r.warnings ?? []) st.notify({ level: 'warning', text: w });
  st.notify({ level: 'info', text: t('files.opened', { name: useStudio.getState().meta.name }) });
  return true;
}

export async function openFile(file: File): Promise<boolean> {
  let text: string;
  try { text = await file.text(); } catch (e) {
    useStudio.getState().openDialog({ kind: 'problems', title: t('files.openFailed', { source: file.name }), problems: [String((e as Error).message ?? e)] });
    return false;
  }
  return openText(text, file.name);
}

export function newPipeline(): void {
  openDocument(emptyGraph(t('files.untitled')), { trusted: true });
}

export function fileNameFor(name: string): string {
  const base = name.trim().replace(/[\\/:*?"<>|]+/g, '-').replace(/\s+/g, '-').toLowerCase() || 'pipeline';
  return `${base}.json`;
}

export function downloadJson(): void {
  const g = useStudio.getState().currentGraph();
  const blob = new Blob([`${JSON.stringify(g, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameFor(g.name);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function shareUrl(): string {
  const g = useStudio.getState().currentGraph();
  const { origin, pathname, search } = window.location;
  return `${origin}${pathname}${search}${shareHash(g)}`;
}

export async function openExample(file: string): Promise<boolean> {
  try {
    const text = await fetchExampleText(file);
    const ok = openText(text, file, { trusted: true });   // the app's own examples (public/examples)
    if (ok) { useStudio.getState().closeDialog(); await arrangeIfCramped(); useStudio.getState().clearHistory(); }
    return ok;
  } catch (e) {
    useStudio.getState().openDialog({ kind: 'problems', title: t('files.openFailed', { source: file }), problems: [String((e as Error).message ?? e)] });
    return false;
  }
}

function clearHash() {
  try { history.replaceState(null, '', window.location.pathname + window.location.search); } catch { /* ignore */ }
}

/** Handle a `#g=` share link: the graph opens untrusted (shown; its functions run after consent at Run); true when a link was handled. */
export function handleShareHash(hash: string): boolean {
  const d = decodeShareHash(hash);
  if (d === null) return false;
  clearHash();
  const st = useStudio.getState();
  if (!d.ok) { st.openDialog({ kind: 'problems', title: t('share.openFailed'), problems: [d.error] }); return true; }
  const r = parsePipeline(d.json);
  if (!r.ok) { st.openDialog({ kind: 'problems', title: t('share.openFailed'), problems: r.issues }); return true; }
  openDocument(r.graph);
  if (listCode(r.graph, opSpec).length > 0) st.notify({ level: 'info', text: t('consent.openedUntrusted', { name: useStudio.getState().meta.name }) });
  return true;
}

/**
 * Start-up: the last open pipeline (autosave) or the default example; then a share link in the hash, if any (shown,
 * untrusted). Nothing runs here. If the previous visit crashed or froze during a run, the autosave opens in safe mode.
 */
export async function startup(): Promise<void> {
  const st = useStudio.getState();
  const crashed = readRunMark();
  clearRunMark();
  const restored = restoreLast();
  if (restored) {
    st.loadGraph(restored.graph, { resetHistory: true, trusted: restored.trusted && !crashed });
    if (crashed) st.setSafeMode(true);
  }
  else {
    try {
      const text = await fetchExampleText(DEFAULT_EXAMPLE);
      const r = parsePipeline(text);
      if (r.ok) { setSlot(null); st.loadGraph(r.graph, { resetHistory: true, trusted: true }); await arrangeIfCramped(); useStudio.getState().clearHistory(); }
      else st.notify({ level: 'error', text: `${DEFAULT_EXAMPLE}: ${r.issues[0]}` });
    } catch (e) {
      st.notify({ level: 'warning', text: t('files.defaultFailed', { message: String((e as Error).message ?? e) }) });
    }
  }
  if (typeof window !== 'undefined') {
    handleShareHash(window.location.hash);
    window.addEventListener('hashchange', () => handleShareHash(window.location.hash));
  }
}

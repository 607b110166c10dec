/**
 * Safe mode after a crash or freeze: the autosaved graph is shown, nothing runs, and the banner offers two ways on.
 * "Open with functions disabled" opens a copy in which every function is the op's stock function from the palette
 * (the code node's and transform's are identities), so the graph runs on the app's own code only; the original stays
 * saved, untouched, to be fixed or run later. "Run anyway" asks for consent first, like any untrusted document.
 */
import { useStudio } from '../store/store';
import { t } from '../i18n/index';
import { opSpec, type OpSpec } from '../store/registryAdapter';
import type { PipelineGraph } from '../../engine/graph/types';
import { openDocument } from './fileActions';
import { requestRun } from './consent';

/** The graph with every function param set back to the registry's default (or removed when the op has none). */
export function withFunctionsDisabled(graph: PipelineGraph, spec: (op: string) => OpSpec | undefined = opSpec): PipelineGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => {
      const s = spec(n.op);
      if (!s) return n;
      const params = { ...n.params };
      for (const [name, ps] of Object.entries(s.params)) {
        if (ps.type !== 'function' || !(name in params)) continue;
        delete params[name];   // the default (resolveParams) or nothing for an optional function such as an inverse
      }
      return { ...n, params };
    }),
  };
}

export function openWithFunctionsDisabled(): void {
  const st = useStudio.getState();
  const g = st.currentGraph();
  st.setSafeMode(false);
  openDocument(withFunctionsDisabled({ ...g, name: t('safe.disabledName', { name: g.name }) }), { trusted: true });
  useStudio.getState().notify({ level: 'info', text: t('safe.disabledOpened', { name: g.name }) });
}

export function runAnyway(): void { requestRun('run'); }

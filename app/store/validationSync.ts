/** Live validation: re-runs validateGraph (debounced) whenever the document changes. */
import { useStudio } from './store';
import { t } from '../i18n/index';
import type { PipelineGraph, ValidationIssue } from '../../engine/graph/types';

type Validate = (g: PipelineGraph) => ValidationIssue[];
const mods = import.meta.glob('../../engine/graph/validate.ts') as Record<string, () => Promise<{ validateGraph?: Validate }>>;

export type DryRun = (g: PipelineGraph) => Promise<ValidationIssue[] | 'timeout'>;

/** Static validation on every change; the dry run (UDFs, in a worker) after a quiet moment. */
export function startValidation(dryRun: DryRun | null = null, delayMs = 200, dryDelayMs = 700): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let validate: Validate | null = null;
  const load = mods['../../engine/graph/validate.ts'];
  const ready = load ? load().then((m) => { validate = m.validateGraph ?? null; }, () => { validate = null; }) : Promise.resolve();
  let dryTimer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    if (!validate) return;
    const st = useStudio.getState();
    const version = st.docVersion;
    let issues: ValidationIssue[];
    try { issues = validate(st.currentGraph()); }
    catch (e) { issues = [{ severity: 'warning', message: `Validation failed: ${(e as Error).message}` }]; }
    st.setIssues(issues);
    // The dry-run kind check (samples records feeding pair ports) when the static check passes.
    if (dryTimer) clearTimeout(dryTimer);
    if (!dryRun || issues.some((i) => i.severity === 'error')) return;
    dryTimer = setTimeout(async () => {
      dryTimer = null;
      const s2 = useStudio.getState();
      if (s2.docVersion !== version || s2.sim.status === 'running' || s2.sim.status === 'loading') return;
      const extra = await dryRun(s2.currentGraph());
      if (useStudio.getState().docVersion !== version) return;
      if (extra === 'timeout') useStudio.getState().setIssues([...issues, { severity: 'warning', message: t('validate.dryRunTimeout') }]);
      else if (extra.length) useStudio.getState().setIssues([...issues, ...extra]);
    }, dryDelayMs);
  };
  void ready.then(run);
  const unsub = useStudio.subscribe((s, prev) => {
    if (s.docVersion === prev.docVersion) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  });
  return () => { unsub(); if (timer) clearTimeout(timer); if (dryTimer) clearTimeout(dryTimer); };
}

/**
 * Live validation: re-runs validateGraph (debounced) whenever the document changes. It is static (pair kinds are
 * inferred from the functions' sources, staticKinds.ts): nothing of a document runs before the user consents.
 */
import { useStudio } from './store';
import type { PipelineGraph, ValidationIssue } from '../../engine/graph/types';

type Validate = (g: PipelineGraph) => ValidationIssue[];
const mods = import.meta.glob('../../engine/graph/validate.ts') as Record<string, () => Promise<{ validateGraph?: Validate }>>;

export function startValidation(delayMs = 200): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let validate: Validate | null = null;
  const load = mods['../../engine/graph/validate.ts'];
  const ready = load ? load().then((m) => { validate = m.validateGraph ?? null; }, () => { validate = null; }) : Promise.resolve();
  const run = () => {
    timer = null;
    if (!validate) return;
    const st = useStudio.getState();
    let issues: ValidationIssue[];
    try { issues = validate(st.currentGraph()); }
    catch (e) { issues = [{ severity: 'warning', message: `Validation failed: ${(e as Error).message}` }]; }
    st.setIssues(issues);
  };
  void ready.then(run);
  const unsub = useStudio.subscribe((s, prev) => {
    if (s.docVersion === prev.docVersion) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  });
  return () => { unsub(); if (timer) clearTimeout(timer); };
}

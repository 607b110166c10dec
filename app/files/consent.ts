/**
 * Consent before code. A document from a file, link, paste, import or a crashed visit is shown but none of its
 * functions run (not even a check) until the user presses Run and confirms a dialog listing every function the
 * pipeline will run, defaults included, each with its node. Run, Step and their shortcuts all come through here.
 */
import { useStudio } from '../store/store';
import { engine } from '../store/engineBridge';
import { saveNow } from './autosaveSync';
import { markRunActive } from './runMark';
import { functionsToRun } from './functionsToRun';

/** Whether pressing Run may start the engine without asking. */
export function mayRunWithoutAsking(): boolean {
  const s = useStudio.getState();
  return s.trusted && !s.safeMode;
}

function perform(action: 'run' | 'step'): void {
  markRunActive(useStudio.getState().meta.name);
  if (action === 'run') void engine.run(); else void engine.step(1);
}

/** Run (or Step): straight away for a trusted document or a live run, else the consent dialog first. */
export function requestRun(action: 'run' | 'step' = 'run'): void {
  const st = useStudio.getState();
  // A live run was consented to already (it could not have started otherwise): continuing it needs no question.
  const live = st.sim.status === 'running' || st.sim.status === 'paused';
  if (live || mayRunWithoutAsking()) { perform(action); return; }
  // No function at all: only the registry's operators run, so pressing Run is all the consent there is to give.
  if (functionsToRun(st.currentGraph()).length === 0) { consentAndRun(action); return; }
  st.openDialog({ kind: 'consent', action });
}

/** The user confirmed the listed functions: the document is trusted from now on (saved with it), then it runs. */
export function consentAndRun(action: 'run' | 'step'): void {
  const st = useStudio.getState();
  st.setTrusted(true);
  st.setSafeMode(false);
  st.closeDialog();
  saveNow(false);
  perform(action);
}

/** The user declined: nothing runs, the graph stays as it is (still untrusted). */
export function declineConsent(): void {
  useStudio.getState().closeDialog();
}

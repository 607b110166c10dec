/** The consent dialog: every function the pipeline will run, with its node, before anything of it runs. */
import { useMemo } from 'react';
import { useStudio } from '../store/store';
import { useT } from '../i18n/useT';
import type { Studio } from '../store/types';
import { Modal } from './Modal';
import { consentAndRun, declineConsent } from './consent';
import { functionsToRun } from './functionsToRun';

const selectMeta = (s: Studio) => s.meta;
const selectNodes = (s: Studio) => s.nodes;
const selectEdges = (s: Studio) => s.edges;

export function ConsentDialog({ action }: { action: 'run' | 'step' }) {
  const t = useT();
  const meta = useStudio(selectMeta);
  const nodes = useStudio(selectNodes);
  const edges = useStudio(selectEdges);
  const fns = useMemo(() => functionsToRun(useStudio.getState().currentGraph()), [meta, nodes, edges]);
  return (
    <Modal title={t('consent.title')} onClose={declineConsent} wide testId="consent-dialog" footer={
      <>
        <button type="button" className="btn" onClick={declineConsent}>{t('consent.decline')}</button>
        <button type="button" className="btn btn--primary" data-testid="consent-accept" onClick={() => consentAndRun(action)}>{fns.length === 1 ? t('consent.acceptOne') : t('consent.accept', { n: fns.length })}</button>
      </>
    }>
      <p>{t('consent.text', { name: meta.name, n: fns.length })}</p>
      <ul className="code-list" aria-label={t('consent.list')}>
        {fns.map((f) => (
          <li key={`${f.nodeId}:${f.param}`} data-node={f.nodeId}>
            <div className="code-list__where">
              {f.label ? `${f.label} (${f.nodeId})` : f.nodeId} · {f.op}.{f.param}
              {f.isDefault && <span className="code-list__default"> · {t('consent.default')}</span>}
            </div>
            <pre className="code-list__src">{f.source}</pre>
          </li>
        ))}
      </ul>
    </Modal>
  );
}

/** File menu items: Save run… (graph + seed + event log) and Open run… (validated, then replayed). */
import { useRef } from 'react';
import { useT } from '../i18n/useT';
import { openRunFile, saveRun } from './runFiles';

export function RunMenuItems({ onDone }: { onDone: () => void }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="menu__item" onClick={() => { onDone(); saveRun(); }}>{t('sim.run.save')}</button>
      <button type="button" className="menu__item" onClick={() => { onDone(); input.current?.click(); }}>{t('sim.run.open')}</button>
      <input
        ref={input} type="file" accept=".json,application/json" hidden aria-label={t('sim.run.open')} data-testid="open-run-file"
        onChange={async (e) => { const f = e.currentTarget.files?.[0]; e.currentTarget.value = ''; if (f) await openRunFile(f); }}
      />
    </>
  );
}

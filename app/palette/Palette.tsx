import { useMemo, useState, type DragEvent } from 'react';
import { useStudio } from '../store/store';
import { allOps } from '../store/registryAdapter';
import { useLang, useT } from '../i18n/useT';
import { loc } from '../i18n/index';
import { canvasHandle, DND_MIME } from '../canvas/canvasRef';
import { groupOps } from './paletteModel';

let cascade = 0;

/** Add an op at the centre of the view (click or Enter), nudged so repeated adds do not stack. */
export function addAtCentre(op: string): void {
  const c = canvasHandle()?.centre() ?? { x: 0, y: 0 };
  const k = cascade++ % 6;
  useStudio.getState().addNode(op, { x: Math.round(c.x - 105 + k * 24), y: Math.round(c.y - 39 + k * 24) });
}

export function Palette() {
  const t = useT();
  const lang = useLang();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => groupOps(allOps(), query), [query]);
  const onDragStart = (e: DragEvent, op: string) => {
    e.dataTransfer.setData(DND_MIME, op);
    e.dataTransfer.setData('text/plain', op);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <aside className="palette" aria-label={t('palette.title')}>
      <div className="palette__search">
        <input
          type="search" value={query} placeholder={t('palette.search')} aria-label={t('palette.search')}
          onChange={(e) => setQuery(e.target.value)} onKeyDown={(e) => { if (e.key === 'Escape') setQuery(''); }}
        />
      </div>
      <div className="palette__groups">
        {groups.length === 0 && <p className="muted small palette__none">{t('palette.none')}</p>}
        {groups.map((g) => (
          <section key={g.id} className="palette__group" aria-labelledby={`pg-${g.id}`}>
            <h2 id={`pg-${g.id}`} className="palette__heading">{t(g.titleKey)}</h2>
            <ul>
              {g.ops.map((op) => (
                <li key={op.name}>
                  <button
                    type="button" draggable className={`palette__op cat-${op.category}`}
                    onDragStart={(e) => onDragStart(e, op.name)} onClick={() => addAtCentre(op.name)}
                    title={loc(op.description, lang)} aria-label={t('palette.add', { op: op.name })} data-op={op.name}
                  >
                    <span className="palette__swatch" aria-hidden="true" />
                    <span className="palette__name">{op.name}</span>
                    <span className="palette__label">{loc(op.label, lang).replace(op.name, '').trim()}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
      <p className="palette__hint small muted">{t('palette.hint')}</p>
    </aside>
  );
}

import { useMemo, useState, type DragEvent } from 'react';
import { useStudio } from '../store/store';
import { allOps, opSpec } from '../store/registryAdapter';
import { checkConnection } from '../store/connect';
import { useLang, useT } from '../i18n/useT';
import { loc } from '../i18n/index';
import { canvasHandle, DND_MIME } from '../canvas/canvasRef';
import { groupOps } from './paletteModel';
import { atCentre, freeSpot, rightOf } from './placement';

/**
 * Add an op from the palette (click or Enter). With one node selected that can feed it, the new node goes to the
 * right of that node and is connected from it, so clicking map, reduceByKey, print builds a chain; otherwise it goes
 * to the view centre. Either way it lands on free space, never on top of another node.
 */
export function addFromPalette(op: string): string | undefined {
  const s = useStudio.getState();
  const spec = opSpec(op);
  if (!spec) return undefined;
  const selected = s.nodes.filter((n) => n.selected);
  const from = selected.length === 1 ? selected[0] : undefined;
  const port = spec.inputs[0]?.port;
  const NEW = '\u0000new';
  const feeds = !!from && !!port && checkConnection(
    { source: from.id, target: NEW, targetHandle: port },
    [...s.nodes.map((n) => ({ id: n.id, op: n.data.op })), { id: NEW, op }],
    s.edges.map((e) => ({ source: e.source, target: e.target, targetHandle: e.targetHandle })),
    opSpec,
  ).ok;
  const placed = s.nodes.map((n) => ({ position: n.position, width: n.measured?.width, height: n.measured?.height }));
  const preferred = feeds && from
    ? rightOf({ position: from.position, width: from.measured?.width, height: from.measured?.height })
    : atCentre(canvasHandle()?.centre() ?? { x: 0, y: 0 });
  const position = freeSpot(placed, preferred);
  const id = s.addNode(op, position, {}, feeds && from && port ? { source: from.id, port } : undefined);
  canvasHandle()?.reveal?.(position);
  return id;
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
                    onDragStart={(e) => onDragStart(e, op.name)} onClick={() => addFromPalette(op.name)}
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

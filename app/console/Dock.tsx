import { Suspense, useRef, type ComponentType, type PointerEvent } from 'react';
import { useStudio } from '../store/store';
import { useT } from '../i18n/useT';
import { Console } from './Console';
import type { Studio } from '../store/types';
import { NetcatPanel } from '../netcat/NetcatPanel';
import { readsSocket } from '../../engine/graph/opFacts';

interface PanelDef { id: string; titleKey: string; Component: ComponentType }
const panelModules = import.meta.glob('../panels/index.ts', { eager: true }) as Record<string, { PANELS?: PanelDef[] }>;
export const PANELS: PanelDef[] = panelModules['../panels/index.ts']?.PANELS ?? [];
const ALL_PANELS = PANELS;

const selectDock = (s: Studio) => s.dockTab;
const selectHeight = (s: Studio) => s.dockHeight;
/** The Netcat tab (the studio's `nc -lk`) shows while the graph has a socket source (socketTextStream). */
const NETCAT_PANEL: PanelDef = { id: 'netcat', titleKey: 'netcat.tab', Component: NetcatPanel };
const selectHasSocket = (s: Studio) => s.nodes.some((n) => readsSocket(n.data.op));

/** The bottom dock: the panels' tabs on the left, the Console (always visible) on the right. */
export function Dock() {
  const t = useT();
  const tab = useStudio(selectDock);
  const height = useStudio(selectHeight);
  const PANELS = useStudio(selectHasSocket) ? [...ALL_PANELS, NETCAT_PANEL] : ALL_PANELS;   // shadows the module's list
  const start = useRef<{ y: number; h: number } | null>(null);
  const active = PANELS.find((p) => p.id === tab) ?? PANELS[0];

  const onDown = (e: PointerEvent<HTMLDivElement>) => { start.current = { y: e.clientY, h: height }; e.currentTarget.setPointerCapture(e.pointerId); };
  const onMove = (e: PointerEvent<HTMLDivElement>) => { if (start.current) useStudio.getState().setDockHeight(start.current.h - (e.clientY - start.current.y)); };
  const onUp = () => { start.current = null; };

  return (
    <div className="dock" style={{ height }}>
      <div
        className="dock__resize" role="separator" aria-orientation="horizontal" aria-label={t('dock.resize')} tabIndex={0}
        aria-valuenow={height} aria-valuemin={120} aria-valuemax={700}
        onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp}
        onKeyDown={(e) => { if (e.key === 'ArrowUp') useStudio.getState().setDockHeight(height + 24); if (e.key === 'ArrowDown') useStudio.getState().setDockHeight(height - 24); }}
      />
      <div className={`dock__inner${PANELS.length ? '' : ' dock__inner--console-only'}`}>
        {PANELS.length > 0 && active && (
          <div className="dock__panels">
            <div className="tabs" role="tablist" aria-label={t('dock.panels')}>
              {PANELS.map((p) => (
                <button
                  key={p.id} type="button" role="tab" id={`tab-${p.id}`} aria-selected={p.id === active.id} aria-controls={`tabpanel-${p.id}`}
                  tabIndex={p.id === active.id ? 0 : -1} className="tab" onClick={() => useStudio.getState().setDockTab(p.id)}
                  onKeyDown={(e) => {
                    const i = PANELS.findIndex((x) => x.id === p.id);
                    const next = e.key === 'ArrowRight' ? PANELS[(i + 1) % PANELS.length] : e.key === 'ArrowLeft' ? PANELS[(i - 1 + PANELS.length) % PANELS.length] : null;
                    if (next) { useStudio.getState().setDockTab(next.id); document.getElementById(`tab-${next.id}`)?.focus(); }
                  }}
                >{t(p.titleKey)}</button>
              ))}
            </div>
            <div className="tabpanel" role="tabpanel" id={`tabpanel-${active.id}`} aria-labelledby={`tab-${active.id}`}>
              <Suspense fallback={<p className="muted small">{t('common.loading')}</p>}>
                <active.Component />
              </Suspense>
            </div>
          </div>
        )}
        <Console />
      </div>
    </div>
  );
}

/**
 * Skip links, the first stops of the Tab order (visible only when focused): straight to the canvas's first node, the
 * inspector or the operator search, instead of tabbing through the header, the run bar and every palette entry.
 */
import type { MouseEvent } from 'react';
import { useT } from './i18n/useT';

const FOCUSABLE = 'input, select, textarea, button, [href], [tabindex]:not([tabindex="-1"])';

/** Focuses the first of `selectors` found (or the region itself, made focusable for the purpose). */
function focusRegion(region: string, selectors: string[]): void {
  const root = document.querySelector<HTMLElement>(region);
  if (!root) return;
  for (const sel of selectors) {
    const el = root.querySelector<HTMLElement>(sel);
    if (el) { el.focus(); return; }
  }
  root.tabIndex = -1;
  root.focus();
}

const targets = [
  { key: 'skip.canvas', href: '#canvas', go: () => focusRegion('.canvas', ['.react-flow__node']) },
  { key: 'skip.inspector', href: '#inspector', go: () => focusRegion('.inspector', [FOCUSABLE]) },
  { key: 'skip.palette', href: '#palette', go: () => focusRegion('.palette', ['input[type="search"]']) },
];

export function SkipLinks() {
  const t = useT();
  return (
    <nav className="skip-links" aria-label={t('skip.nav')}>
      {targets.map((x) => (
        <a key={x.key} className="skip-link" href={x.href} onClick={(e: MouseEvent) => { e.preventDefault(); x.go(); }}>{t(x.key)}</a>
      ))}
    </nav>
  );
}

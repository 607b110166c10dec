import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { useStudio } from './store/store';
import { Header } from './console/Header';
import { RunBar } from './console/RunBar';
import { Dock } from './console/Dock';
import { Notices } from './console/Notices';
import { LessonPanel } from './lessons/LessonPanel';
import { Palette } from './palette/Palette';
import { Canvas } from './canvas/Canvas';
import { Inspector } from './inspector/Inspector';
import { CodePane } from './code/CodePane';
import { Dialogs } from './files/Dialogs';
import { SkipLinks } from './SkipLinks';
import { SafeModeBanner } from './files/SafeModeBanner';
import { useShortcuts } from './canvas/shortcuts';
import { useClipboard } from './canvas/clipboard';
import type { Studio } from './store/types';

const selectTheme = (s: Studio) => s.theme;
const selectLang = (s: Studio) => s.lang;

export function App() {
  const theme = useStudio(selectTheme);
  const lang = useStudio(selectLang);
  useShortcuts();
  useClipboard();
  useEffect(() => { document.documentElement.lang = lang; document.documentElement.dataset.theme = theme; }, [lang, theme]);
  useEffect(() => {
    // Header menus (<details>) close on a click elsewhere or Escape.
    const close = (target: EventTarget | null) => {
      for (const d of document.querySelectorAll<HTMLDetailsElement>('details.menu[open]')) if (!(target instanceof Node) || !d.contains(target)) d.open = false;
    };
    const onDown = (e: PointerEvent) => close(e.target);
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') close(null); };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => { document.removeEventListener('pointerdown', onDown); document.removeEventListener('keydown', onKey); };
  }, []);
  return (
    <ReactFlowProvider>
      <div className="app" data-theme={theme}>
        <SkipLinks />
        <Header />
        <RunBar />
        <SafeModeBanner />
        <main className="workspace">
          <Palette />
          <Canvas />
          <CodePane />
          <Inspector />
        </main>
        <Dock />
        <Dialogs />
        <Notices />
        <LessonPanel />
      </div>
    </ReactFlowProvider>
  );
}

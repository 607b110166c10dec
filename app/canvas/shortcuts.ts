/** Studio-wide keyboard shortcuts (outside text fields and the code editor). */
import { useEffect } from 'react';
import { useStudio } from '../store/store';
import { requestRun } from '../files/consent';
import { saveNow } from '../files/autosaveSync';
import { canvasHandle } from './canvasRef';
import { isEditableTarget, shortcutFor } from './summary';
import { autoLayout } from './Canvas';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const sc = shortcutFor(e, isMac);
      if (!sc) return;
      const st = useStudio.getState();
      if (sc === 'save') { e.preventDefault(); saveNow(true); return; }
      if (sc === 'run') { e.preventDefault(); requestRun('run'); return; }
      if (isEditableTarget(e.target)) return;
      if (st.dialog) return;
      switch (sc) {
        case 'undo': e.preventDefault(); st.undo(); break;
        case 'redo': e.preventDefault(); st.redo(); break;
        case 'duplicate': e.preventDefault(); st.duplicateSelection(); break;
        case 'selectAll': e.preventDefault(); st.selectAll(); break;
        case 'delete': e.preventDefault(); st.deleteSelection(); break;
        case 'escape': st.selectOnly([]); break;
        case 'layout': e.preventDefault(); void autoLayout(); break;
        case 'fit': e.preventDefault(); canvasHandle()?.fitView(); break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

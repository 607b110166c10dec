/** Copy/cut/paste of graph fragments through the system clipboard (works across tabs). */
import { useEffect } from 'react';
import { useStudio } from '../store/store';
import { parseFragment } from '../store/graphModel';
import { isEditableTarget } from './summary';

export const FRAGMENT_MIME = 'application/x-dstream-fragment+json';

/** The text this tab last copied: pasting it back keeps the document's trust; anything else is untrusted code. */
let copiedHere: string | null = null;

export function useClipboard(): void {
  useEffect(() => {
    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (isEditableTarget(e.target) || !e.clipboardData) return;
      const frag = useStudio.getState().copySelection();
      if (!frag) return;
      const json = JSON.stringify(frag, null, 2);
      copiedHere = useStudio.getState().trusted ? json : null;   // code copied from an untrusted document stays untrusted
      e.clipboardData.setData('text/plain', json);
      try { e.clipboardData.setData(FRAGMENT_MIME, json); } catch { /* custom types unsupported */ }
      e.preventDefault();
      if (cut) useStudio.getState().deleteSelection();
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    const paste = (e: ClipboardEvent) => {
      if (isEditableTarget(e.target) || !e.clipboardData) return;
      const text = e.clipboardData.getData(FRAGMENT_MIME) || e.clipboardData.getData('text/plain');
      const frag = text ? parseFragment(text) : null;
      if (!frag) return;
      e.preventDefault();
      const st = useStudio.getState();
      st.pasteFragment(frag);
      if (text !== copiedHere && frag.nodes.length > 0) st.setTrusted(false);
    };
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', paste);
    return () => {
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', paste);
    };
  }, []);
}

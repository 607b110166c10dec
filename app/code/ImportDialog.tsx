/** The "Import TypeScript" dialog's mount: mounted once (from the File menu), rendered into <body> so a closed menu
 * cannot hide it, its body loaded on first use. */
import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { useCodePane } from './codeStore';

const ImportDialogBody = lazy(() => import('./ImportDialogBody'));

export function ImportDialog() {
  const open = useCodePane((s) => s.importOpen);
  if (!open || typeof document === 'undefined') return null;
  return createPortal(<Suspense fallback={null}><ImportDialogBody /></Suspense>, document.body);
}

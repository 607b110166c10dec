import { useEffect } from 'react';
import { useStudio } from '../store/store';
import { useT } from '../i18n/useT';
import { downloadJson } from '../files/fileActions';
import type { Notice } from '../store/uiSlice';
import type { Studio } from '../store/types';

const selectNotices = (s: Studio) => s.notices;
const ACTIONS: Record<string, () => void> = { exportJson: downloadJson };

function NoticeItem({ n }: { n: Notice }) {
  const t = useT();
  useEffect(() => {
    if (n.level !== 'info') return;
    const id = setTimeout(() => useStudio.getState().dismiss(n.id), 4000);
    return () => clearTimeout(id);
  }, [n]);
  return (
    <div className={`notice notice--${n.level}`} role={n.level === 'error' ? 'alert' : 'status'}>
      <span className="notice__text">{n.text}</span>
      {n.action && <button type="button" className="btn btn--small" onClick={() => ACTIONS[n.action!.run]?.()}>{t(n.action.labelKey)}</button>}
      <button type="button" className="btn btn--icon btn--ghost btn--small" aria-label={t('common.dismiss')} onClick={() => useStudio.getState().dismiss(n.id)}>✕</button>
    </div>
  );
}

export function Notices() {
  const notices = useStudio(selectNotices);
  return <div className="notices">{notices.map((n) => <NoticeItem key={n.id} n={n} />)}</div>;
}

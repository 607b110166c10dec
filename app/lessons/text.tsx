import { Fragment, type ReactNode } from 'react';
import type { Lang } from '../i18n/index';
import type { L10n } from './schema';

export const pick = (v: L10n, lang: Lang): string => v[lang] || v.en;

/** Lesson text with `code` spans (backticks) rendered as <code>. */
export function RichText({ text }: { text: string }): ReactNode {
  const parts = text.split(/(`[^`]+`)/g);
  return <>{parts.map((p, i) => (p.startsWith('`') && p.endsWith('`') && p.length > 1 ? <code key={i}>{p.slice(1, -1)}</code> : <Fragment key={i}>{p}</Fragment>))}</>;
}

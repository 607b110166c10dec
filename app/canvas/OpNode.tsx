import { memo, useLayoutEffect, useRef } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../store/store';
import { opSpec } from '../store/registryAdapter';
import { issuesOfNode, shortIssue } from '../store/selectors';
import { loc } from '../i18n/index';
import { useLang, useT } from '../i18n/useT';
import { paramSummary } from './summary';
import type { OpFlowNode } from '../store/graphModel';
import type { Studio } from '../store/types';
import { useStore } from 'zustand';
import { LIVE_VIEW_MS, throttledView } from '../store/throttle';

/** Live counts, repainted a few times a second (every node badge changes with every batch). */
let liveCounts: ReturnType<typeof throttledView<Record<string, number>>> | null = null;
function useLiveCount(id: string): number | undefined {
  liveCounts ??= throttledView((s: Studio) => s.liveCounts, LIVE_VIEW_MS);
  return useStore(liveCounts, (v) => v.value[id]);
}

const CATEGORY_ICON: Record<string, string> = { source: '⇥', transform: 'ƒ', pair: '⚷', window: '▭', state: '◎', output: '⇲', code: '{}' };

function OpNodeView({ id, data, selected }: NodeProps<OpFlowNode>) {
  const t = useT();
  const lang = useLang();
  const spec = opSpec(data.op);
  const count = useLiveCount(id);
  const running = useStudio((s: Studio) => s.sim.status === 'running' || s.sim.status === 'paused');
  const issues = useStudio(useShallow((s: Studio) => issuesOfNode(s.issues, id)));
  const failure = useStudio((s: Studio) => s.failingNodes[id]);
  const errors = issues.filter((i) => i.severity === 'error');
  const level = errors.length ? 'error' : issues.length ? 'warning' : '';
  const title = data.label || (spec ? loc(spec.label, lang) : data.op);
  const summary = paramSummary(spec, data.params);
  const inputs = spec?.inputs ?? [{ port: 'in', kind: 'any' as const }];
  const category = spec?.category ?? 'code';
  const tooltip = [...issues.map((i) => `${i.severity === 'error' ? '✖' : '⚠'} ${i.message}`), ...(failure ? [`✖ ${failure}`] : [])].join('\n');
  // The node's accessible name ("flatMap node") in the UI language: React Flow puts node.ariaLabel (set once, in
  // English, by graphModel) on its wrapper; that prop does not change, so React leaves this attribute alone.
  const root = useRef<HTMLDivElement>(null);
  const nodeLabel = t('node.label', { op: data.op });
  useLayoutEffect(() => { root.current?.closest('.react-flow__node')?.setAttribute('aria-label', nodeLabel); }, [nodeLabel]);

  return (
    <div ref={root} className={`op-node cat-${category}${level ? ` has-${level}` : ''}${selected ? ' is-selected' : ''}${failure ? ' is-failing' : ''}`} title={tooltip || undefined}>
      <div className="op-node__head">
        <span className="op-node__icon" aria-hidden="true">{CATEGORY_ICON[category] ?? '•'}</span>
        <span className="op-node__title">{title}</span>
        {running && count !== undefined && (
          <span className="op-node__count" aria-label={t('node.count', { n: count })} title={t('node.count', { n: count })}>{count}</span>
        )}
        {level && (
          <span className={`op-node__issue op-node__issue--${level}`} role="img" aria-label={t(level === 'error' ? 'node.errors' : 'node.warnings', { n: issues.length })}>
            {level === 'error' ? '!' : '⚠'}
          </span>
        )}
      </div>
      <div className="op-node__op">{data.op}</div>
      {summary && <div className="op-node__summary">{summary}</div>}
      {level && <div className={`op-node__message op-node__message--${level}`}>{shortIssue(issues[0])}</div>}
      {!level && failure && <div className="op-node__message op-node__message--error" role="status">{t('node.failing', { reason: failure })}</div>}
      {inputs.map((p, i) => {
        const top = `${((i + 1) / (inputs.length + 1)) * 100}%`;
        return (
          <Handle
            key={p.port}
            id={p.port}
            type="target"
            position={Position.Left}
            style={{ top }}
            className={`port port--${p.kind}`}
            aria-label={t('port.input', { port: p.port, op: data.op })}
            title={`${p.port}: ${p.kind === 'pair' ? t('kind.pair') : t('kind.any')}`}
          >
            <span className={`port__badge port__badge--in port__badge--${p.kind}`}>{inputs.length > 1 ? `${p.port} · ` : ''}{p.kind}</span>
          </Handle>
        );
      })}
      {spec?.output !== null && (
        <Handle
          id="out"
          type="source"
          position={Position.Right}
          className={`port port--${spec?.output ?? 'any'}`}
          aria-label={t('port.output', { op: data.op })}
          title={`${t('port.out')}: ${spec?.output === 'pair' ? t('kind.pair') : t('kind.any')}`}
        >
          <span className={`port__badge port__badge--out port__badge--${spec?.output ?? 'any'}`}>{spec?.output ?? 'any'}</span>
        </Handle>
      )}
    </div>
  );
}

export const OpNode = memo(OpNodeView);

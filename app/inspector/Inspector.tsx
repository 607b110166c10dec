import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../store/store';
import { opSpec } from '../store/registryAdapter';
import { graphLevelIssues, issuesOfNode, shortIssue } from '../store/selectors';
import { loc } from '../i18n/index';
import { useLang, useT } from '../i18n/useT';
import { ParamField } from './ParamField';
import { InputFromField } from './InputFromField';
import type { OpFlowNode } from '../store/graphModel';
import type { Studio } from '../store/types';

const selectSelection = (s: Studio) => s.nodes.filter((n) => n.selected);
const selectMetaIssues = (s: Studio) => graphLevelIssues(s.issues);

function LabelField({ node }: { node: OpFlowNode }) {
  const t = useT();
  const [draft, setDraft] = useState(node.data.label ?? '');
  useEffect(() => setDraft(node.data.label ?? ''), [node.data.label, node.id]);
  return (
    <div className="field">
      <label className="field__label" htmlFor={`label-${node.id}`}>{t('inspector.label')}</label>
      <input id={`label-${node.id}`} value={draft} placeholder={node.id} spellCheck={false}
        onChange={(e) => { setDraft(e.target.value); useStudio.getState().setLabel(node.id, e.target.value.trim()); }} />
      <p className="field__help">{t('inspector.labelHelp')}</p>
    </div>
  );
}

function NodeInspector({ node }: { node: OpFlowNode }) {
  const t = useT();
  const lang = useLang();
  const spec = opSpec(node.data.op);
  const issues = useStudio(useShallow((s: Studio) => issuesOfNode(s.issues, node.id)));
  if (!spec) {
    return (
      <div className="inspector__body">
        <h2 className="inspector__title">{node.data.op}</h2>
        <p className="error-text">{t('inspector.unknownOp', { op: node.data.op })}</p>
      </div>
    );
  }
  const paramIssue = (p: string) => issues.filter((i) => i.param === p).map((i) => i.message).join(' ');
  const nodeIssues = issues.filter((i) => !i.param);
  return (
    <div className="inspector__body">
      <div className={`inspector__kicker cat-${spec.category}`}>{t(`category.${spec.category}`)}</div>
      <h2 className="inspector__title">{loc(spec.label, lang)}</h2>
      <code className="inspector__op">{spec.name}{node.data.label ? ` · ${node.id}` : ''}</code>
      <p className="inspector__desc">{loc(spec.description, lang)}</p>
      <a className="doc-link" href={spec.docUrl} target="_blank" rel="noreferrer noopener">{t('inspector.sparkDocs')} ↗</a>
      {nodeIssues.length > 0 && (
        <ul className="issue-list">
          {nodeIssues.map((i, k) => <li key={k} className={`issue issue--${i.severity}`} lang="en">{i.severity === 'error' ? '✖' : '⚠'} {shortIssue(i)}</li>)}
        </ul>
      )}
      <div className="inspector__ports">
        {spec.inputs.map((p) => <span key={p.port} className={`kind-badge kind-badge--${p.kind}`} title={t('port.input', { port: p.port, op: spec.name })}>{p.port}: {p.kind}</span>)}
        {spec.output !== null && <span className={`kind-badge kind-badge--${spec.output}`}>→ {spec.output}</span>}
      </div>
      {spec.inputs.map((p) => <InputFromField key={`${node.id}:in:${p.port}`} nodeId={node.id} port={p.port} showPort={spec.inputs.length > 1} />)}
      <LabelField node={node} />
      {Object.entries(spec.params).map(([name, ps]) => (
        <ParamField
          key={`${node.id}:${name}`} name={name} spec={ps} value={node.data.params[name]} lang={lang} opName={spec.name}
          issue={paramIssue(name) || undefined}
          onChange={(v) => useStudio.getState().setParam(node.id, name, v)}
        />
      ))}
      {Object.keys(spec.params).length === 0 && <p className="muted small">{t('inspector.noParams')}</p>}
      <div className="inspector__actions">
        <button type="button" className="btn" onClick={() => useStudio.getState().duplicateSelection()}>{t('action.duplicate')}</button>
        <button type="button" className="btn btn--danger" onClick={() => useStudio.getState().deleteSelection()}>{t('action.delete')}</button>
      </div>
    </div>
  );
}

function PipelineInspector() {
  const t = useT();
  const meta = useStudio((s: Studio) => s.meta);
  const count = useStudio((s: Studio) => s.nodes.length);
  const issues = useStudio(useShallow(selectMetaIssues));
  const allIssues = useStudio((s: Studio) => s.issues);
  const errors = allIssues.filter((i) => i.severity === 'error').length;
  const warnings = allIssues.length - errors;
  return (
    <div className="inspector__body">
      <div className="inspector__kicker">{t('inspector.pipeline')}</div>
      <h2 className="inspector__title">{meta.name}</h2>
      <p className="muted small">{t('inspector.nodes', { n: count })} · {t('inspector.problems', { errors, warnings })}</p>
      {issues.length > 0 && (
        <ul className="issue-list">
          {issues.map((i, k) => <li key={k} className={`issue issue--${i.severity}`} lang="en">{i.severity === 'error' ? '✖' : '⚠'} {i.message}</li>)}
        </ul>
      )}
      <div className="field">
        <label className="field__label" htmlFor="meta-checkpoint">{t('inspector.checkpointDir')}</label>
        <input id="meta-checkpoint" value={meta.checkpointDir ?? ''} placeholder="checkpoint/" spellCheck={false}
          onChange={(e) => useStudio.getState().setMeta({ checkpointDir: e.target.value || undefined })} />
        <p className="field__help">{t('inspector.checkpointHelp')}</p>
      </div>
      <p className="inspector__tip muted small">{t('inspector.selectHint')}</p>
    </div>
  );
}

export function Inspector() {
  const t = useT();
  const selected = useStudio(useShallow(selectSelection));
  return (
    <aside className="inspector" aria-label={t('inspector.title')}>
      {selected.length === 1 ? <NodeInspector node={selected[0]} /> : selected.length > 1 ? (
        <div className="inspector__body">
          <h2 className="inspector__title">{t('inspector.multi', { n: selected.length })}</h2>
          <div className="inspector__actions">
            <button type="button" className="btn" onClick={() => useStudio.getState().duplicateSelection()}>{t('action.duplicate')}</button>
            <button type="button" className="btn btn--danger" onClick={() => useStudio.getState().deleteSelection()}>{t('action.delete')}</button>
          </div>
        </div>
      ) : <PipelineInspector />}
    </aside>
  );
}

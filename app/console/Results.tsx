import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../store/store';
import { opSpec } from '../store/registryAdapter';
import { useLang, useT } from '../i18n/useT';
import { loc } from '../i18n/index';
import { formatDuration } from '../canvas/summary';
import { dirsOf, topK, type DbRow } from './resultsModel';
import { WrittenFiles } from './WrittenFiles';
import { nodeOutputDirs } from '../../engine/graph/opFacts';
import type { Studio } from '../store/types';

/** Output operations and the node feeding each (the stream they write). */
const selectSinks = (s: Studio) => s.nodes
  .filter((n) => opSpec(n.data.op)?.category === 'output')
  .map((n) => ({ id: n.id, op: n.data.op, label: n.data.label, input: s.edges.find((e) => e.target === n.id)?.source }))
  .map((x) => `${x.id}\u0000${x.op}\u0000${x.label ?? ''}\u0000${x.input ?? ''}`);
const selectResults = (s: Studio) => s.results;

/**
 * The result view for output operations (print, saveAs…, foreachRDD): the records each one writes,
 * as the latest batch and as a key/value table upserted batch after batch (what a foreachRDD sink
 * writing to a database would hold), with a top-10 bar chart. Built from the engine's record samples
 * (the first 20 records of each batch).
 */
export function Results() {
  const t = useT();
  const lang = useLang();
  const sinkKeys = useStudio(useShallow(selectSinks));
  const results = useStudio(selectResults);
  const sinks = useMemo(() => sinkKeys.map((k) => { const [id, op, label, input] = k.split('\u0000'); return { id, op, label, input }; }), [sinkKeys]);
  const [chosen, setChosen] = useState<string | null>(null);
  const [mode, setMode] = useState<'db' | 'latest'>('db');
  const sink = sinks.find((s) => s.id === chosen) ?? sinks[0];
  const fileParams = useStudio(useShallow((s: Studio) => {
    // Sinks that write directories of part files are shown as files, not records.
    const n = sink ? s.nodes.find((x) => x.id === sink.id) : undefined;
    return (n && nodeOutputDirs({ id: n.id, op: n.data.op, params: n.data.params })) ?? null;
  }));

  if (!sink) return <p className="results__empty muted">{t('results.noSinks')}</p>;
  const latest = sink.input ? results.latest[sink.input] : undefined;
  const table = sink.input ? results.db[sink.input] : undefined;
  const rows: DbRow[] = table ? Object.values(table) : [];
  const top = topK(rows);
  const max = top.length ? Math.max(...top.map((r) => Math.abs(r.value))) || 1 : 1;

  return (
    <div className="results">
      <div className="results__bar">
        <label className="run-field results__sink">
          <span className="visually-hidden">{t('results.sink')}</span>
          <select value={sink.id} onChange={(e) => setChosen(e.target.value)} aria-label={t('results.sink')}>
            {sinks.map((s) => <option key={s.id} value={s.id}>{s.label || s.id} · {loc(opSpec(s.op)?.label ?? s.op, lang)}</option>)}
          </select>
        </label>
        {!fileParams && <div className="seg" role="group" aria-label={t('results.mode')}>
          <button type="button" className={`seg__btn${mode === 'db' ? ' is-on' : ''}`} aria-pressed={mode === 'db'} onClick={() => setMode('db')}>{t('results.db')}</button>
          <button type="button" className={`seg__btn${mode === 'latest' ? ' is-on' : ''}`} aria-pressed={mode === 'latest'} onClick={() => setMode('latest')}>{t('results.latest')}</button>
        </div>}
        {latest && <span className="muted small">{t('results.batch', { time: formatDuration(latest.batchTime), n: latest.count })}</span>}
      </div>
      {fileParams ? <WrittenFiles dirs={dirsOf(results.written, fileParams.prefix, fileParams.suffix)} /> : !latest ? <p className="results__empty muted">{t('results.waiting')}</p> : mode === 'latest' ? (
        <ol className="results__records">{latest.records.map((r, i) => <li key={i}><code>{r}</code></li>)}{latest.count > latest.records.length && <li className="muted">… {t('results.more', { n: latest.count - latest.records.length })}</li>}</ol>
      ) : rows.length === 0 ? <p className="results__empty muted">{t('results.notPairs')}</p> : (
        <div className="results__db">
          {top.length > 0 && (
            <figure className="topk" aria-label={t('results.top')}>
              <figcaption className="small muted">{t('results.top')}</figcaption>
              {top.map((r) => (
                <div key={r.key} className="topk__row">
                  <span className="topk__key" title={r.key}>{r.key}</span>
                  <span className="topk__bar"><span style={{ width: `${(Math.abs(r.value) / max) * 100}%` }} /></span>
                  <span className="topk__val">{r.value}</span>
                </div>
              ))}
            </figure>
          )}
          <table className="kv">
            <caption className="visually-hidden">{t('results.db')}</caption>
            <thead><tr><th scope="col">{t('results.key')}</th><th scope="col">{t('results.value')}</th><th scope="col">{t('results.updated')}</th></tr></thead>
            <tbody>
              {rows.slice().reverse().slice(0, 200).map((r) => (
                <tr key={r.key} className={latest && r.batchTime === latest.batchTime ? 'is-fresh' : ''}>
                  <td><code>{r.key}</code></td><td><code>{r.value}</code></td><td className="muted">{formatDuration(r.batchTime)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!fileParams && <p className="results__note small muted">{t('results.note')}</p>}
    </div>
  );
}

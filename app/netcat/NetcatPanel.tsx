/**
 * The Netcat panel: the studio's stand-in for `nc -lk 9999`. It lists the host:port of each socketTextStream in
 * the graph, sends the text box's lines to the driver's virtual socket (Ctrl/Cmd+Enter or Send) and keeps a
 * history of what was sent. Only engineBridge talks to the driver.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useStudio } from '../store/store';
import { engine } from '../store/engineBridge';
import { useT } from '../i18n/useT';
import type { Studio } from '../store/types';
import { clockText, endpointKey, isSendShortcut, linesOf, pickEndpoint, socketEndpoints } from './netcatModel';
import { useNetcat } from './netcatStore';
import './netcat.css';

/** The English accessible name of the panel's region (tests find it by this name). */
export const NETCAT_NAME = 'Netcat';

const selectNodes = (s: Studio) => s.nodes;
const selectStatus = (s: Studio) => s.sim.status;

export function NetcatPanel() {
  const t = useT();
  const nodes = useStudio(selectNodes);
  const status = useStudio(selectStatus);
  const { text, chosen, history, setText, choose, record, clear } = useNetcat();
  const [feedback, setFeedback] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [sending, setSending] = useState(false);
  const logRef = useRef<HTMLOListElement>(null);

  const endpoints = useMemo(
    () => socketEndpoints(nodes.map((n) => ({ id: n.id, op: n.data.op, params: n.data.params, label: n.data.label }))),
    [nodes],
  );
  const target = pickEndpoint(endpoints, chosen);
  const live = status === 'running' || status === 'paused';
  const lines = linesOf(text);

  useEffect(() => { logRef.current?.lastElementChild?.scrollIntoView({ block: 'nearest' }); }, [history.length]);

  const send = async () => {
    if (!target || !lines.length || sending) return;
    const where = endpointKey(target.host, target.port);
    if (!live) { setFeedback({ kind: 'error', text: t('netcat.notRunning') }); return; }
    setSending(true);
    try {
      const ok = await engine.sendNetcat(target.host, target.port, lines.join('\n'));
      if (!ok) { setFeedback({ kind: 'error', text: t('netcat.notRunning') }); return; }
      record({ at: Date.now(), host: target.host, port: target.port, lines });
      setText('');
      setFeedback({ kind: 'ok', text: t('netcat.sent', { n: lines.length, endpoint: where }) });
    } catch (e) {
      setFeedback({ kind: 'error', text: t('netcat.failed', { endpoint: where, error: e instanceof Error ? e.message : String(e) }) });
    } finally { setSending(false); }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!isSendShortcut(e)) return;
    // Ctrl/Cmd+Enter is also the studio's Run shortcut: here it sends.
    e.preventDefault();
    e.stopPropagation();
    void send();
  };

  if (!target) return <section className="netcat" aria-label={NETCAT_NAME}><p className="muted small netcat__empty">{t('netcat.noSocket')}</p></section>;

  return (
    <section className="netcat" aria-label={NETCAT_NAME}>
      <div className="netcat__compose">
        <div className="netcat__endpoints">
          {endpoints.length > 1 ? (
            <label className="netcat__field">
              <span className="netcat__label">{t('netcat.endpoint')}</span>
              <select value={endpointKey(target.host, target.port)} onChange={(e) => choose(e.target.value)}>
                {endpoints.map((ep) => {
                  const key = endpointKey(ep.host, ep.port);
                  return <option key={key} value={key}>{key} — {t('netcat.endpointNodes', { nodes: ep.nodes.map((n) => n.label).join(', ') })}</option>;
                })}
              </select>
            </label>
          ) : (
            <code className="netcat__prompt" title={t('netcat.listening', { endpoint: endpointKey(target.host, target.port) })}>
              <span aria-hidden="true">$ </span>nc -lk {target.port}
            </code>
          )}
          <span className="netcat__endpoint small">
            <span className={`netcat__dot${live ? ' netcat__dot--live' : ''}`} aria-hidden="true" />
            {t('netcat.listening', { endpoint: endpointKey(target.host, target.port) })}
            <span className="muted"> · {t('netcat.endpointNodes', { nodes: target.nodes.map((n) => n.label).join(', ') })}</span>
          </span>
        </div>
        <div className="netcat__row">
          <textarea
            className="netcat__text" aria-label={t('netcat.text')} rows={3} spellCheck={false}
            placeholder={t('netcat.placeholder')} value={text} title={t('netcat.intro', { port: target.port })}
            onChange={(e) => setText(e.target.value)} onKeyDown={onKeyDown}
          />
          <div className="netcat__actions">
            <button type="button" className="btn btn--primary" disabled={!lines.length || sending} onClick={() => void send()}>{t('netcat.send')}</button>
            <kbd>Ctrl/⌘ + Enter</kbd>
          </div>
        </div>
        <p
          className={`small netcat__feedback${feedback?.kind === 'error' || (!feedback && !live) ? ' netcat__feedback--warn' : ''}`}
          role="status" aria-live="polite"
        >{feedback?.text ?? (live ? t('netcat.sendHint') : t('netcat.notRunning'))}</p>
      </div>
      <div className="netcat__history">
        <div className="netcat__historyHead">
          <h3 className="dock-title">{t('netcat.history')}</h3>
          <button type="button" className="btn btn--ghost btn--small" disabled={!history.length} onClick={clear}>{t('netcat.clear')}</button>
        </div>
        {history.length === 0
          ? <p className="muted small">{t('netcat.historyEmpty')}</p>
          : (
            <ol className="netcat__log" ref={logRef} aria-label={t('netcat.history')}>
              {history.map((h) => (
                <li key={h.seq}>
                  <span className="netcat__meta">{clockText(h.at)} → {endpointKey(h.host, h.port)}</span>
                  {h.lines.map((l, i) => <span key={i} className="netcat__line">{l}</span>)}
                </li>
              ))}
            </ol>
          )}
      </div>
    </section>
  );
}

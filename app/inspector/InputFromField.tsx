/**
 * "Input from": the keyboard way to connect nodes. One select per input port of the selected node lists the nodes
 * that may feed it (the canvas's own connection rules) and sets, changes or clears that port's edge.
 */
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../store/store';
import { opSpec } from '../store/registryAdapter';
import { checkConnection, type ConnEdge, type ConnNode } from '../store/connect';
import { DEFAULT_PORT } from '../store/graphModel';
import { useT } from '../i18n/useT';
import type { Studio } from '../store/types';

interface Candidates { current: string | null; options: { id: string; text: string }[] }

/** The nodes that may feed `port` of `nodeId` (the current source included), in canvas order (pure). */
export function inputCandidates(nodeId: string, port: string, nodes: (ConnNode & { label?: string })[], edges: ConnEdge[]): Candidates {
  const current = edges.find((e) => e.target === nodeId && (e.targetHandle ?? DEFAULT_PORT) === port);
  const others = edges.filter((e) => e !== current);
  const options = nodes
    .filter((n) => n.id === current?.source || checkConnection({ source: n.id, target: nodeId, targetHandle: port }, nodes, others, opSpec).ok)
    .map((n) => ({ id: n.id, text: n.label ? `${n.label} (${n.op})` : n.id === n.op ? n.id : `${n.id} (${n.op})` }));
  return { current: current?.source ?? null, options };
}

const selectConn = (s: Studio) => ({ nodes: s.nodes, edges: s.edges });

export function InputFromField({ nodeId, port, showPort }: { nodeId: string; port: string; showPort: boolean }) {
  const t = useT();
  const id = useId();
  const { nodes, edges } = useStudio(useShallow(selectConn));
  const c = inputCandidates(nodeId, port,
    nodes.map((n) => ({ id: n.id, op: n.data.op, label: n.data.label })),
    edges.map((e) => ({ source: e.source, target: e.target, targetHandle: e.targetHandle })));
  return (
    <div className="field field--input-from">
      <div className="field__head">
        <label className="field__label" htmlFor={id}>{showPort ? t('inspector.inputFromPort', { port }) : t('inspector.inputFrom')}</label>
        <code className="field__name">{port}</code>
      </div>
      <select id={id} value={c.current ?? ''} onChange={(e) => useStudio.getState().setInput(nodeId, port, e.target.value || null)}>
        <option value="">{t('inspector.inputNone')}</option>
        {c.options.map((o) => <option key={o.id} value={o.id}>{o.text}</option>)}
      </select>
    </div>
  );
}

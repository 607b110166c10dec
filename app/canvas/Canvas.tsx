import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import {
  Background, BackgroundVariant, Controls, MiniMap, Panel, ReactFlow, useReactFlow,
  type Connection, type Edge, type IsValidConnection, type OnConnectEnd,
} from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useStudio } from '../store/store';
import { selectFlow, selectCanUndoRedo, graphLevelIssues } from '../store/selectors';
import { checkConnection } from '../store/connect';
import { opSpec } from '../store/registryAdapter';
import { fromFlowEdge, fromFlowNode, type OpFlowNode } from '../store/graphModel';
import { useT } from '../i18n/useT';
import { t } from '../i18n/index';
import { nodeTypes } from './nodeTypes';
import { DND_MIME, canvasHandle, registerCanvas } from './canvasRef';
import { fitZoom, layoutGraph, wrapChain } from './layout';
import type { Studio } from '../store/types';
import { IconRedo, IconUndo } from '../console/icons';
import { CodeToggle } from '../code/CodeToggle';
import { currentFitOptions } from './fitOptions';
import { explainKey } from '../console/consoleModel';

const NODE_W = 190, NODE_H = 78;

/**
 * Edges show records flowing (an animated dash) while a run is on, up to this many edges: every animated edge is
 * repainted every frame, and on a 200-node graph that alone took the page to 30 frames/s (bench/studio.bench.ts).
 * Larger graphs keep the static dash.
 */
export const FLOWING_EDGES_MAX = 60;
const defaultEdgeOptions = { type: 'smoothstep', animated: false } as const;
const selectTheme = (s: Studio) => s.theme;
const selectLoadSeq = (s: Studio) => s.loadSeq;
const selectRunning = (s: Studio) => s.sim.status === 'running';
const selectGraphIssues = (s: Studio) => graphLevelIssues(s.issues);
const selectCount = (s: Studio) => s.nodes.length;
/** Ids of the edges an error is about (strings into a pair input), as one string so the selector is stable. */
const selectErrorEdgeIds = (s: Studio) => s.issues.filter((i) => i.edgeId && i.severity === 'error').map((i) => i.edgeId).join('\n');

export const isValidConnection: IsValidConnection = (c) => {
  const s = useStudio.getState();
  return checkConnection(
    { source: c.source, target: c.target, targetHandle: c.targetHandle },
    s.nodes.map((n) => ({ id: n.id, op: n.data.op })),
    s.edges.map((e) => ({ source: e.source, target: e.target, targetHandle: e.targetHandle })),
    opSpec,
  ).ok;
};

/** Why a connection attempt was refused, told to the user (the handle under the pointer is known). */
const onConnectEnd: OnConnectEnd = (_e, c) => {
  if (c.isValid !== false || !c.fromHandle || !c.toHandle || c.fromHandle.type !== 'source') return;
  const s = useStudio.getState();
  const r = checkConnection(
    { source: c.fromHandle.nodeId, target: c.toHandle.nodeId, targetHandle: c.toHandle.id },
    s.nodes.map((n) => ({ id: n.id, op: n.data.op })),
    s.edges.map((e) => ({ source: e.source, target: e.target, targetHandle: e.targetHandle })),
    opSpec,
  );
  if (!r.ok) s.notify({ level: 'warning', text: t(r.reason) });
};

export async function autoLayout(): Promise<void> {
  const s = useStudio.getState();
  const sizes = Object.fromEntries(s.nodes.map((n) => [n.id, n.measured?.width ? { width: n.measured.width, height: n.measured.height ?? NODE_H } : undefined]));
  const view = canvasHandle()?.size();
  const positions = await layoutGraph(s.nodes.map(fromFlowNode), s.edges.map(fromFlowEdge), sizes, view && view.height > 0 ? view.width / view.height : undefined);
  useStudio.getState().setPositions(positions);
  requestAnimationFrame(() => canvasHandle()?.fitView());
}

/** The smallest zoom at which node text stays readable. */
export const READABLE_ZOOM = 0.75;

/** After opening an example: if it would only fit the window at an unreadable zoom, arrange it (one undoable step). */
export async function arrangeIfCramped(): Promise<void> {
  const view = canvasHandle()?.size();
  const { nodes } = useStudio.getState();
  if (!view || nodes.length < 2 || fitZoom(nodes, view) >= READABLE_ZOOM) return;
  const s = useStudio.getState();
  const chain = wrapChain(s.nodes.map(fromFlowNode), s.edges.map(fromFlowEdge), view);
  if (chain && fitZoom(Object.values(chain).map((position) => ({ position })), view) > fitZoom(nodes, view)) {
    s.setPositions(chain);
    requestAnimationFrame(() => canvasHandle()?.fitView());
    return;
  }
  await autoLayout();
}

const minimapColor = (n: OpFlowNode) => `var(--cat-${opSpec(n.data.op)?.category ?? 'code'})`;

export function Canvas() {
  const tr = useT();
  const { nodes, edges, onNodesChange, onEdgesChange, onConnect } = useStudio(useShallow(selectFlow));
  const theme = useStudio(selectTheme);
  const loadSeq = useStudio(selectLoadSeq);
  const running = useStudio(selectRunning);
  const graphIssues = useStudio(useShallow(selectGraphIssues));
  const count = useStudio(selectCount);
  const errorEdgeIds = useStudio(selectErrorEdgeIds);
  const shownEdges = useMemo(() => {
    if (!errorEdgeIds) return edges;
    const bad = new Set(errorEdgeIds.split('\n'));
    return edges.map((e) => (bad.has(e.id) ? { ...e, className: 'edge--error', ariaLabel: tr('edge.notPair') } : e));
  }, [edges, errorEdgeIds, tr]);
  const { canUndo, canRedo } = useStudio(useShallow(selectCanUndoRedo));
  const rf = useReactFlow<OpFlowNode, Edge>();
  const wrapper = useRef<HTMLDivElement>(null);
  // React Flow's own words (controls, minimap, edges, keyboard help) in the studio's language.
  const ariaLabels = useMemo(() => ({
    'node.a11yDescription.default': tr('canvas.a11yNode'),
    'node.a11yDescription.keyboardDisabled': tr('canvas.a11yNode'),
    'edge.a11yDescription.default': tr('canvas.a11yEdge'),
    'controls.ariaLabel': tr('canvas.controls'),
    'controls.zoomIn.ariaLabel': tr('canvas.zoomIn'),
    'controls.zoomOut.ariaLabel': tr('canvas.zoomOut'),
    'controls.fitView.ariaLabel': tr('action.fit'),
    'controls.interactive.ariaLabel': tr('canvas.interactive'),
    'minimap.ariaLabel': tr('canvas.minimap'),
    'handle.ariaLabel': tr('canvas.handle'),
  }), [tr]);
  const labelledEdges = useMemo(() => {
    const name = new Map(nodes.map((n) => [n.id, n.data.label || n.id]));
    return shownEdges.map((e) => (e.ariaLabel ? e : { ...e, ariaLabel: tr('canvas.edgeLabel', { from: name.get(e.source) ?? e.source, to: name.get(e.target) ?? e.target }) }));
  }, [shownEdges, nodes, tr]);

  useEffect(() => {
    registerCanvas({
      centre: () => {
        const r = wrapper.current?.getBoundingClientRect();
        if (!r) return { x: 0, y: 0 };
        return rf.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
      },
      fitView: (o) => { void rf.fitView(currentFitOptions(200, o?.coveredRight)); },
      size: () => { const r = wrapper.current?.getBoundingClientRect(); return { width: r?.width ?? 0, height: r?.height ?? 0 }; },
      reveal: (p) => {
        const r = wrapper.current?.getBoundingClientRect();
        if (!r) return;
        const a = rf.flowToScreenPosition(p), b = rf.flowToScreenPosition({ x: p.x + NODE_W, y: p.y + NODE_H });
        if (a.x >= r.left && a.y >= r.top && b.x <= r.right && b.y <= r.bottom) return;
        void rf.setCenter(p.x + NODE_W / 2, p.y + NODE_H / 2, { zoom: rf.getZoom(), duration: 200 });
      },
    });
    return () => registerCanvas(null);
  }, [rf]);

  useEffect(() => {
    if (loadSeq === 0) return;
    const id = requestAnimationFrame(() => {
      // An empty document starts at 100 % at the origin; otherwise fit it.
      if (useStudio.getState().nodes.length === 0) void rf.setViewport({ x: 0, y: 0, zoom: 1 });
      else void rf.fitView(currentFitOptions());
    });
    return () => cancelAnimationFrame(id);
  }, [loadSeq, rf]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(DND_MIME)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; }
  }, []);

  const onDrop = useCallback((e: DragEvent) => {
    const op = e.dataTransfer.getData(DND_MIME);
    if (!op || !opSpec(op)) return;
    e.preventDefault();
    const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    useStudio.getState().addNode(op, { x: Math.round(p.x - NODE_W / 2), y: Math.round(p.y - NODE_H / 2) });
  }, [rf]);

  const onConnectChecked = useCallback((c: Connection) => { if (isValidConnection(c)) onConnect(c); }, [onConnect]);

  return (
    <div className="canvas" ref={wrapper} onDragOver={onDragOver} onDrop={onDrop} role="region" aria-label={tr('canvas.label')}>
      <ReactFlow<OpFlowNode, Edge>
        nodes={nodes}
        edges={labelledEdges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnectChecked}
        isValidConnection={isValidConnection}
        onConnectEnd={onConnectEnd}
        defaultEdgeOptions={defaultEdgeOptions}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        colorMode={theme}
        fitView
        fitViewOptions={currentFitOptions()}
        minZoom={0.2}
        maxZoom={2}
        snapToGrid
        snapGrid={[10, 10]}
        ariaLabelConfig={ariaLabels}
        className={running ? (edges.length <= FLOWING_EDGES_MAX ? 'is-running is-flowing' : 'is-running') : undefined}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <MiniMap pannable zoomable ariaLabel={tr('canvas.minimap')} nodeStrokeWidth={3} style={{ width: 168, height: 104 }} nodeColor={minimapColor} />
        <Controls showInteractive={false} aria-label={tr('canvas.controls')} fitViewOptions={currentFitOptions(200)} />
        {/* One strip along the top (row-reverse: the toolbar at the right end): the graph's issues wrap in the room
            the toolbar leaves, or go below it on a narrow canvas, so they never cover it. */}
        <Panel position="top-left" className="canvas-top">
          <div className="canvas-toolbar" role="toolbar" aria-label={tr('canvas.toolbar')}>
            <button type="button" className="btn btn--icon" onClick={() => useStudio.getState().undo()} disabled={!canUndo} aria-label={tr('action.undo')} title={`${tr('action.undo')} (Ctrl/⌘+Z)`}><IconUndo /></button>
            <button type="button" className="btn btn--icon" onClick={() => useStudio.getState().redo()} disabled={!canRedo} aria-label={tr('action.redo')} title={`${tr('action.redo')} (Shift+Ctrl/⌘+Z)`}><IconRedo /></button>
            <span className="toolbar-sep" />
            <button type="button" className="btn" onClick={() => void autoLayout()} disabled={count === 0} title={`${tr('action.layout')} (Shift+L)`}>{tr('action.layout')}</button>
            <button type="button" className="btn" onClick={() => void rf.fitView(currentFitOptions(200))} title={`${tr('action.fit')} (Shift+F)`}>{tr('action.fit')}</button>
            <CodeToggle />
          </div>
          <div className="canvas-issues" aria-live="polite">
            {graphIssues.slice(0, 4).map((i, k) => (
              // Spark's words stay English (lang="en"), with the translated explanation when one is known.
              <div key={k} className={`issue issue--${i.severity}`}>
                {i.severity === 'error' ? '✖' : '⚠'} <span lang="en">{i.message}</span>
                {explainKey(i.code) && <span className="issue__explain">{tr(explainKey(i.code)!)}</span>}
              </div>
            ))}
          </div>
        </Panel>
        {count === 0 && (
          <Panel position="top-center" className="canvas-empty">
            <strong>{tr('canvas.emptyTitle')}</strong>
            <span>{tr('canvas.emptyHint')}</span>
          </Panel>
        )}
      </ReactFlow>
    </div>
  );
}

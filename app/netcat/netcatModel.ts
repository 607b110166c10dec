/**
 * The netcat panel's pure model: which host:port endpoints the graph's socketTextStream nodes connect to,
 * how a text box's content becomes lines, the Ctrl/Cmd+Enter shortcut and the capped history. No React.
 * Which nodes read a socket, and their host and port, is the operator registry's to say (engine/graph/opFacts.ts).
 */
import { nodeSocket } from '../../engine/graph/opFacts';

export const HISTORY_LIMIT = 200;

export interface NetcatEndpoint {
  host: string;
  port: number;
  /** The socketTextStream nodes (id and label) reading this endpoint. */
  nodes: { id: string; label: string }[];
}

interface NodeLike { id: string; op: string; params?: Record<string, unknown>; label?: string }

export const endpointKey = (host: string, port: number) => `${host}:${port}`;

/** A ws:// or wss:// host is a real WebSocket, not the studio's virtual socket. */
export const isWebSocketHost = (host: string) => /^wss?:\/\//i.test(host);

/** The virtual-socket endpoints of a graph's socket source nodes, one per host:port, in node order. */
export function socketEndpoints(nodes: readonly NodeLike[]): NetcatEndpoint[] {
  const out = new Map<string, NetcatEndpoint>();
  for (const n of nodes) {
    const socket = nodeSocket(n);
    if (!socket) continue;
    const { host, port } = socket;
    if (isWebSocketHost(host)) continue;
    const key = endpointKey(host, port);
    let e = out.get(key);
    if (!e) { e = { host, port, nodes: [] }; out.set(key, e); }
    e.nodes.push({ id: n.id, label: n.label || n.id });
  }
  return [...out.values()];
}

/** The lines the text box sends (CRLF normalized; blank lines dropped, as the receiver stores none). */
export function linesOf(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n').filter((l) => l.length > 0);
}

/** Ctrl+Enter (Cmd+Enter on a Mac) sends. */
export function isSendShortcut(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey?: boolean; altKey?: boolean }): boolean {
  return e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey;
}

export interface SentEntry { seq: number; at: number; host: string; port: number; lines: string[] }

/** Appends one send to the history, keeping the newest `limit` lines' entries. */
export function appendHistory(history: readonly SentEntry[], entry: Omit<SentEntry, 'seq'>, limit = HISTORY_LIMIT): SentEntry[] {
  const seq = (history.at(-1)?.seq ?? 0) + 1;
  const next = [...history, { ...entry, seq }];
  let total = next.reduce((a, e) => a + e.lines.length, 0);
  while (next.length > 1 && total > limit) total -= next.shift()!.lines.length;
  return next;
}

/** Picks the endpoint to send to: the chosen one while it exists, else the first. */
export function pickEndpoint(endpoints: readonly NetcatEndpoint[], chosen: string | null): NetcatEndpoint | undefined {
  return endpoints.find((e) => endpointKey(e.host, e.port) === chosen) ?? endpoints[0];
}

/** hh:mm:ss of a wall-clock time (the history's stamp). */
export function clockText(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

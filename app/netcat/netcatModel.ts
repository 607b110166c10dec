/**
 * The netcat panel's pure model: which host:port endpoints the graph's socketTextStream nodes connect to,
 * how a text box's content becomes lines, the Ctrl/Cmd+Enter shortcut and the capped history. No React.
 */

/** socketTextStream's parameter defaults (engine/graph/ops/sources.ts). */
export const DEFAULT_HOST = 'localhost';
export const DEFAULT_PORT = 9999;
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

function hostOf(p: Record<string, unknown> | undefined): string {
  const h = p?.host;
  return typeof h === 'string' && h.trim() ? h.trim() : DEFAULT_HOST;
}
function portOf(p: Record<string, unknown> | undefined): number {
  const v = p?.port;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : DEFAULT_PORT;
}

/** The virtual-socket endpoints of a graph's socketTextStream nodes, one per host:port, in node order. */
export function socketEndpoints(nodes: readonly NodeLike[]): NetcatEndpoint[] {
  const out = new Map<string, NetcatEndpoint>();
  for (const n of nodes) {
    if (n.op !== 'socketTextStream') continue;
    const host = hostOf(n.params);
    if (isWebSocketHost(host)) continue;
    const port = portOf(n.params);
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

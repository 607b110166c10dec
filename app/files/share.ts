/**
 * Share links: the graph JSON deflated with fflate into the URL hash (`#g=<base64url>`), and the
 * list of code a shared graph carries (shown for confirmation before anything runs). Pure.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import type { PipelineGraph } from '../../engine/graph/types';
import type { OpSpec } from '../../engine/graph/opSpec';

export const HASH_KEY = 'g';
/** A share link larger than this is refused rather than risking a browser truncating it. */
export const MAX_LINK_CHARS = 64_000;
/** Decompressed documents larger than this are refused (a zip bomb in a link). */
export const MAX_GRAPH_BYTES = 2_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function encodeShare(graph: PipelineGraph): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(graph)), { level: 9 }));
}

export function shareHash(graph: PipelineGraph): string { return `#${HASH_KEY}=${encodeShare(graph)}`; }

/** The JSON text inside a share hash, or an error. `null` when the hash carries no graph. */
export function decodeShareHash(hash: string): { ok: true; json: string } | { ok: false; error: string } | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const param = new URLSearchParams(h).get(HASH_KEY);
  if (param === null) return null;
  if (param.length > MAX_LINK_CHARS) return { ok: false, error: 'share link is too long' };
  try {
    const bytes = inflateLimited(fromBase64Url(param), MAX_GRAPH_BYTES);
    if (!bytes) return { ok: false, error: `share link is too large (over ${MAX_GRAPH_BYTES} bytes of graph): share a smaller pipeline or save it as a file` };
    return { ok: true, json: strFromU8(bytes) };
  } catch (e) {
    return { ok: false, error: `share link is damaged (${(e as Error).message || 'cannot decompress'})` };
  }
}

/** Inflates in chunks and gives up as soon as the output passes `limit` bytes (a decompression bomb stops early). */
function inflateLimited(input: Uint8Array, limit: number): Uint8Array | undefined {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let tooLarge = false;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) { tooLarge = true; return; }
    chunks.push(chunk);
    if (final) finished = true;
  });
  const STEP = 512;
  for (let i = 0; i < input.length && !tooLarge; i += STEP) inflater.push(input.subarray(i, i + STEP), i + STEP >= input.length);
  if (tooLarge) return undefined;
  if (!finished) throw new Error('unexpected end of data');
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

export interface CodeItem { nodeId: string; op: string; param: string; source: string }

/**
 * Every piece of code in a graph: function params, plus any string param of an op unknown to the
 * registry or of the code category (anything that might be compiled). Empty when the graph has none.
 */
export function listCode(graph: PipelineGraph, spec: (op: string) => OpSpec | undefined): CodeItem[] {
  const out: CodeItem[] = [];
  for (const n of graph.nodes) {
    const s = spec(n.op);
    for (const [param, value] of Object.entries(n.params ?? {})) {
      if (typeof value !== 'string' || value.trim() === '') continue;
      const ps = s?.params[param];
      const isCode = !s || !ps || ps.type === 'function' || s.category === 'code' || (ps.type === 'json' && /=>|function/.test(value));
      if (isCode) out.push({ nodeId: n.id, op: n.op, param, source: value });
    }
  }
  return out;
}

/**
 * The metadata an exported TypeScript program carries so that importing it gives back the same graph:
 * a `// node: <id>` tag before each node's statement, and trailing comment blocks with positions (and labels)
 * and edge ids. Shared by the exporter and the importer.
 */
import type { GraphPosition, PipelineGraph } from '../types';
import type { Lang } from '../emit';
import { UNSAFE_CHARS, hex4, nodeTagText, parseNodeTagText } from './quote/text';

/** SparkConf key carrying the graph's seed (the engine's seeded sources read it). */
export const SEED_CONF_KEY = 'spark.dstream.seed';
export const CLOCK_CONF_KEY = 'spark.streaming.clock';
export const NODE_TAG_RE = /^\s*node:\s*([^\s*]+)\s*$/;
export const POSITIONS_TAG = 'dstream-studio:positions';
export const EDGES_TAG = 'dstream-studio:edges';

/**
 * The `// node: <id>` (Python `# node: <id>`) line before a node's statement. Ids print as they are unless they
 * hold whitespace, `*`, backslashes or control characters, which are written %XX / %uXXXX (see nodeTagText).
 */
export function nodeTagComment(lang: Lang, id: string): string {
  return `${lang === 'python' ? '#' : '//'} node: ${nodeTagText(id)}`;
}

/** The node id of a tag's captured text (NODE_TAG_RE's group): %XX / %uXXXX decoded. */
export function nodeTagId(tagText: string): string {
  return parseNodeTagText(tagText);
}

export interface PositionEntry extends GraphPosition { label?: string }
/** edge id → [source, target] or [source, target, targetPort] */
export type EdgeEntry = [string, string] | [string, string, string];

export function positionsBlock(graph: PipelineGraph): string {
  const o: Record<string, PositionEntry> = {};
  for (const n of graph.nodes) {
    o[n.id] = { x: n.position?.x ?? 0, y: n.position?.y ?? 0, ...(n.label !== undefined ? { label: n.label } : {}) };
  }
  return `/* ${POSITIONS_TAG} ${safeJson(o)} */`;
}

export function edgesBlock(graph: PipelineGraph): string {
  const o: Record<string, EdgeEntry> = {};
  for (const e of graph.edges) o[e.id] = e.targetPort !== undefined ? [e.source, e.target, e.targetPort] : [e.source, e.target];
  return `/* ${EDGES_TAG} ${safeJson(o)} */`;
}

/**
 * JSON that cannot end the comment it sits in and shows no invisible characters (line separators, bidi controls,
 * lone surrogates are written as JSON `\\uXXXX` escapes, which read back as the same string).
 */
function safeJson(v: unknown): string {
  return JSON.stringify(v).replace(/\*\//g, '*\\u002f').replace(UNSAFE_CHARS, (c) => `\\u${hex4(c.charCodeAt(0)).toLowerCase()}`);
}

export interface MetaBlocks {
  positions?: Record<string, PositionEntry>;
  edges?: Record<string, EdgeEntry>;
  warnings: string[];
}

/** Reads the metadata blocks from the text of block comments. */
export function parseMetaComments(comments: string[]): MetaBlocks {
  const out: MetaBlocks = { warnings: [] };
  for (const c of comments) {
    const t = c.trim();
    for (const [tag, key] of [[POSITIONS_TAG, 'positions'], [EDGES_TAG, 'edges']] as const) {
      if (!t.startsWith(tag)) continue;
      try {
        const v = JSON.parse(t.slice(tag.length));
        if (v && typeof v === 'object' && !Array.isArray(v)) (out as unknown as Record<string, unknown>)[key] = v;
        else out.warnings.push(`the ${tag} comment is not a JSON object; ignored`);
      } catch {
        out.warnings.push(`the ${tag} comment is not valid JSON; ignored`);
      }
    }
  }
  return out;
}

/**
 * The code pane's pure logic: exporting the current graph, naming the downloaded file, and mapping lines of the
 * exported program to the nodes they came from (each exporter writes a `// node: <id>` comment — `# node: <id>`
 * in Python — before the node's statement). No React, no DOM, no store.
 */
import type { PipelineGraph } from '../../engine/graph/types';
import { exportGraph, exportExtension, type ExportLang, type RecordedInputs, type RecordingNote } from '../../engine/graph/codegen/index';
import { pascalCase, snakeCase } from '../../engine/graph/codegen/plan';

export type { ExportLang };
export const CODE_LANGS: readonly ExportLang[] = ['ts', 'scala', 'python'];
/** Tab and menu names (product names: the same in every UI language). */
export const LANG_NAMES: Record<ExportLang, string> = { ts: 'TypeScript', scala: 'Scala', python: 'PySpark' };
export const MIME_TYPES: Record<ExportLang, string> = { ts: 'text/typescript', scala: 'text/x-scala', python: 'text/x-python' };

/** "Export with this run's data": the run's recorded inputs and how they were bounded. */
export interface RunDataExport { recordedInputs?: RecordedInputs; recordingNote?: RecordingNote }

export type ExportOutcome = { ok: true; code: string } | { ok: false; error: string };

/** The graph as a program, or the exporter's error message (never throws). */
export function exportCode(graph: PipelineGraph, lang: ExportLang, opts: RunDataExport = {}): ExportOutcome {
  try {
    return { ok: true, code: exportGraph(graph, lang, opts) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The downloaded file's name, after the pipeline, in each language's convention: `network-word-count.ts`,
 * `NetworkWordCount.scala` (the file is named after its object), `network_word_count.py` (what the PySpark header's
 * spark-submit line names). A name with no Latin letters or digits falls back to `pipeline`.
 */
export function exportFileName(pipelineName: string, lang: ExportLang): string {
  const snake = snakeCase(pipelineName);
  const base = lang === 'scala' ? pascalCase(pipelineName) || 'Pipeline'
    : lang === 'python' ? snake || 'pipeline'
      : snake.replace(/_/g, '-') || 'pipeline';
  return `${/^[0-9]/.test(base) ? `${lang === 'scala' ? 'P' : 'p'}${base}` : base}${exportExtension(lang)}`;
}

/** A node's statement in the program: 1-based line numbers, the tag's line first. */
export interface NodeSpan { id: string; tagLine: number; from: number; to: number }

const TAG_RE = /^(\s*)(?:\/\/|#)\s*node:\s*(\S+)\s*$/;

/** Net bracket depth change of a line, ignoring brackets in string literals and line comments (a heuristic). */
function bracketDelta(line: string, lang: ExportLang): number {
  let d = 0;
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') { quote = c; continue; }
    if ((lang !== 'python' && c === '/' && line[i + 1] === '/') || (lang === 'python' && c === '#')) break;
    if (c === '(' || c === '[' || c === '{') d++;
    else if (c === ')' || c === ']' || c === '}') d--;
  }
  return d;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/**
 * The node statements of an exported program. A statement runs from its tag to the line before the next tag, and
 * ends earlier at a blank line or a less indented line (the end of `main`) once its brackets are balanced, so the
 * program's closing lines (`ssc.start()`, the metadata comments) belong to no node.
 */
export function nodeSpans(code: string, lang: ExportLang): NodeSpan[] {
  const lines = code.split('\n');
  const tags: { id: string; line: number; indent: number }[] = [];
  lines.forEach((l, i) => { const m = TAG_RE.exec(l); if (m) tags.push({ id: m[2], line: i + 1, indent: m[1].length }); });
  return tags.map((tag, k) => {
    const limit = k + 1 < tags.length ? tags[k + 1].line - 1 : lines.length;
    let to = tag.line;
    let depth = 0;
    for (let n = tag.line + 1; n <= limit; n++) {
      const text = lines[n - 1];
      const ends = depth <= 0 && (text.trim() === '' || indentOf(text) < tag.indent);
      if (ends) break;
      depth += bracketDelta(text, lang);
      to = n;
    }
    return { id: tag.id, tagLine: tag.line, from: tag.line, to };
  });
}

/** The node whose statement holds `line` (1-based), if any. */
export function nodeAtLine(spans: readonly NodeSpan[], line: number): string | null {
  for (const s of spans) if (line >= s.from && line <= s.to) return s.id;
  return null;
}

/** The statement of node `id`, if the program has one. */
export function spanOf(spans: readonly NodeSpan[], id: string): NodeSpan | undefined {
  return spans.find((s) => s.id === id);
}

/** Lines to mark for the selected nodes, as [from, to] ranges. */
export function selectedRanges(spans: readonly NodeSpan[], selected: readonly string[]): [number, number][] {
  const want = new Set(selected);
  return spans.filter((s) => want.has(s.id)).map((s) => [s.from, s.to]);
}

/**
 * Which node the pane should select after the cursor moved to `line`: the node there, unless it is already the only
 * selected one (no store update) or the line belongs to no node (the selection is kept).
 */
export function selectionForCursor(spans: readonly NodeSpan[], line: number, selected: readonly string[]): string | null {
  const id = nodeAtLine(spans, line);
  if (!id) return null;
  if (selected.length === 1 && selected[0] === id) return null;
  return id;
}

/**
 * Where the pane should scroll after the canvas selection changed: the tag line of the (first) selected node that
 * has a statement, unless the cursor is already inside one of the selected statements (the user put it there).
 */
export function scrollTargetForSelection(spans: readonly NodeSpan[], selected: readonly string[], cursorLine: number | null): number | null {
  const mine = selected.map((id) => spanOf(spans, id)).filter((s): s is NodeSpan => !!s);
  if (mine.length === 0) return null;
  if (cursorLine !== null && mine.some((s) => cursorLine >= s.from && cursorLine <= s.to)) return null;
  return mine[0].tagLine;
}

/**
 * What saveAsTextFiles wrote, for the Spark oracle: each case and language writes under its own directory (the graph's
 * prefixes are moved there), and the batch directories (`prefix-<ms>[.suffix]`) with their part files are compared —
 * Scala exactly (the same part files, the same lines in the same order), PySpark per batch directory as a multiset
 * of lines (its shuffles order records by Python's hashing). _SUCCESS, .crc and other hidden files are not compared.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PipelineGraph } from '../../engine/graph/types';

/** Batch directory (relative to the case's output directory) → part file name → its text. */
export type SavedFiles = Map<string, Map<string, string>>;

const WRITES_TEXT = new Set(['saveAsTextFiles']);

/** The graph with every saveAsTextFiles prefix moved under `dir` (absolute), so cases and languages never share one. */
export function withOutputDir(graph: PipelineGraph, dir: string): PipelineGraph {
  return {
    ...graph,
    nodes: graph.nodes.map((n) => (WRITES_TEXT.has(n.op) && typeof n.params.prefix === 'string'
      ? { ...n, params: { ...n.params, prefix: path.join(dir, n.params.prefix) } } : n)),
  };
}

export function writesTextFiles(graph: PipelineGraph): boolean {
  return graph.nodes.some((n) => WRITES_TEXT.has(n.op));
}

/** Every directory under `dir` holding part files, with their texts. */
export function readSaved(dir: string): SavedFiles {
  const out: SavedFiles = new Map();
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    const entries = fs.readdirSync(d, { withFileTypes: true });
    const parts = entries.filter((e) => e.isFile() && /^part-\d+$/.test(e.name)).map((e) => e.name).sort();
    if (parts.length || entries.some((e) => e.name === '_SUCCESS')) {
      out.set(path.relative(dir, d), new Map(parts.map((p) => [p, fs.readFileSync(path.join(d, p), 'utf8')])));
    }
    for (const e of entries) if (e.isDirectory()) walk(path.join(d, e.name));
  };
  walk(dir);
  return out;
}

/** Why two saved outputs differ, or undefined when they are the same (exactly: files, lines, order). */
export function savedDifference(engine: SavedFiles, spark: SavedFiles): string | undefined {
  const dirs = (s: SavedFiles) => [...s.keys()].sort();
  if (JSON.stringify(dirs(engine)) !== JSON.stringify(dirs(spark))) {
    return `saved batch directories differ: engine [${dirs(engine).join(', ')}], spark [${dirs(spark).join(', ')}]`;
  }
  for (const d of dirs(engine)) {
    const e = engine.get(d)!, s = spark.get(d)!;
    const names = (m: Map<string, string>) => [...m.keys()].join(', ');
    if (names(e) !== names(s)) return `${d}: part files differ: engine [${names(e)}], spark [${names(s)}]`;
    for (const [f, text] of e) if (s.get(f) !== text) return `${d}/${f} differs:\nengine:\n${text}spark:\n${s.get(f)}`;
  }
  return undefined;
}

/** Like savedDifference, but each batch directory's lines as a multiset, both sides normalised (normalize.ts). */
export function savedMultisetDifference(engine: SavedFiles, py: SavedFiles, engineLine: (l: string) => string, pyLine: (l: string) => string): string | undefined {
  const lines = (m: Map<string, string>, f: (l: string) => string) => [...m.values()].flatMap((t) => t.split('\n').filter((l) => l !== '')).map(f).sort();
  const dirs = (s: SavedFiles) => [...s.keys()].sort();
  if (JSON.stringify(dirs(engine)) !== JSON.stringify(dirs(py))) {
    return `saved batch directories differ: engine [${dirs(engine).join(', ')}], pyspark [${dirs(py).join(', ')}]`;
  }
  for (const d of dirs(engine)) {
    const e = lines(engine.get(d)!, engineLine), p = lines(py.get(d)!, pyLine);
    if (JSON.stringify(e) !== JSON.stringify(p)) return `${d}: saved lines differ as multisets:\nengine: ${e.join(' | ')}\npyspark: ${p.join(' | ')}`;
  }
  return undefined;
}

/** Loads public/lessons/index.json and the lesson files, validated; resolves a lesson's pipeline to a graph. */
import { parsePipeline } from '../../engine/graph/schema';
import type { PipelineGraph } from '../../engine/graph/types';
import { fetchExampleText } from '../files/examples';
import { validateIndex, validateLesson, type Lesson, type LessonIndex, type PipelineRef } from './schema';

export function lessonsBase(): string {
  const base = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
  return `${base.endsWith('/') ? base : `${base}/`}lessons/`;
}

export class LessonLoadError extends Error {
  constructor(readonly source: string, readonly issues: string[]) { super(`${source}: ${issues.join('; ')}`); this.name = 'LessonLoadError'; }
}

async function fetchJson(url: string, source: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new LessonLoadError(source, [`HTTP ${res.status}`]);
  try { return await res.json(); } catch (e) { throw new LessonLoadError(source, [`not JSON: ${(e as Error).message}`]); }
}

export async function fetchLessonIndex(): Promise<LessonIndex> {
  const v = validateIndex(await fetchJson(`${lessonsBase()}index.json`, 'lessons/index.json'));
  if (!v.ok) throw new LessonLoadError('lessons/index.json', v.issues);
  return { ...v.value, lessons: [...v.value.lessons].sort((a, b) => a.order - b.order) };
}

export async function fetchLesson(file: string): Promise<Lesson> {
  const v = validateLesson(await fetchJson(`${lessonsBase()}${file}`, `lessons/${file}`));
  if (!v.ok) throw new LessonLoadError(`lessons/${file}`, v.issues);
  return v.value;
}

/** Parses a pipeline reference's graph (inline) or text (example file) into a checked graph. */
export function parsePipelineRef(ref: PipelineRef, exampleText?: string): PipelineGraph {
  const text = 'graph' in ref ? JSON.stringify(ref.graph) : exampleText ?? '';
  const source = 'graph' in ref ? 'inline lesson graph' : `examples/${ref.example}`;
  const r = parsePipeline(text);
  if (!r.ok) throw new LessonLoadError(source, r.issues);
  return r.graph;
}

export async function resolvePipeline(ref: PipelineRef): Promise<PipelineGraph> {
  if ('graph' in ref) return parsePipelineRef(ref);
  return parsePipelineRef(ref, await fetchExampleText(ref.example));
}

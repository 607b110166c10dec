/** The examples gallery: public/examples/index.json, tolerant of the exact shape of its entries. */
import type { Localized } from '../../engine/graph/types';

export interface ExampleEntry { id: string; file: string; title: Localized | string; description?: Localized | string; tags?: string[] }

export const DEFAULT_EXAMPLE = 'hashtags.json';

export function examplesBase(): string {
  const base = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
  return `${base.endsWith('/') ? base : `${base}/`}examples/`;
}

/** Normalise index.json: an array of entries or `{ examples: [...] }`; entries name their file as file/path/url. */
export function parseExamplesIndex(v: unknown): ExampleEntry[] {
  const list = Array.isArray(v) ? v : v && typeof v === 'object' && Array.isArray((v as { examples?: unknown }).examples) ? (v as { examples: unknown[] }).examples : [];
  const out: ExampleEntry[] = [];
  for (const raw of list) {
    if (!raw || typeof raw !== 'object') continue;
    const e = raw as Record<string, unknown>;
    const file = [e.file, e.path, e.url, e.href].find((x): x is string => typeof x === 'string');
    const id = typeof e.id === 'string' ? e.id : file?.replace(/\.json$/, '');
    if (!file || !id) continue;
    const title = (e.title ?? e.name ?? e.label ?? id) as Localized | string;
    out.push({ id, file: file.replace(/^(\.\/|\/?examples\/)/, ''), title, ...(e.description ? { description: e.description as Localized | string } : {}), ...(Array.isArray(e.tags) ? { tags: e.tags.filter((x): x is string => typeof x === 'string') } : {}) });
  }
  return out;
}

export async function fetchExamplesIndex(): Promise<ExampleEntry[]> {
  const res = await fetch(`${examplesBase()}index.json`);
  if (!res.ok) throw new Error(`examples/index.json: HTTP ${res.status}`);
  return parseExamplesIndex(await res.json());
}

export async function fetchExampleText(file: string): Promise<string> {
  const res = await fetch(`${examplesBase()}${file}`);
  if (!res.ok) throw new Error(`examples/${file}: HTTP ${res.status}`);
  return res.text();
}

/**
 * Seeded benchmark data: lines of words drawn from a Zipf vocabulary (P(rank k) ∝ 1/k), the shape
 * of real text and of the studio's rateStream({ words: true }). Same seed ⇒ the same lines, so every
 * run of every benchmark counts the same words.
 */
import { Rng, ZipfSampler } from '../engine/core/rng';

export interface LineOptions {
  /** Distinct words (Zipf ranks). Default 10,000. */
  vocabulary?: number;
  /** Words per line. Default 10. */
  wordsPerLine?: number;
  /** Zipf exponent. Default 1.0. */
  exponent?: number;
  seed?: number;
}

/** The word of rank `r` (1-based): short pseudo-words, as a dictionary would have, all distinct. */
export function wordOf(rank: number): string {
  const letters = 'etaoinshrdlcumwfgypbvkjxqz';
  let s = '';
  let n = rank;
  do { s += letters[n % 26]; n = Math.floor(n / 26); } while (n > 0);
  return s;
}

const cache = new Map<string, string[]>();

/** `count` lines of `wordsPerLine` space-separated words, seeded; cached per (count, options). */
export function zipfLines(count: number, options: LineOptions = {}): string[] {
  const { vocabulary = 10_000, wordsPerLine = 10, exponent = 1.0, seed = 2024 } = options;
  const key = `${count}:${vocabulary}:${wordsPerLine}:${exponent}:${seed}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const words = Array.from({ length: vocabulary }, (_, i) => wordOf(i + 1));
  const zipf = new ZipfSampler(vocabulary, exponent);
  const rng = new Rng(seed);
  const lines = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    let line = words[zipf.sample(rng) - 1];
    for (let j = 1; j < wordsPerLine; j++) line += ' ' + words[zipf.sample(rng) - 1];
    lines[i] = line;
  }
  cache.set(key, lines);
  return lines;
}

/** `count` integer keys in [0, keys), seeded, uniform: the update stream of the state benchmarks. */
export function uniformKeys(count: number, keys: number, seed = 7): number[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => rng.nextInt(keys));
}

/** Drops cached data sets (between benchmark files, to keep heap measurements honest). */
export function clearDataCache(): void { cache.clear(); }

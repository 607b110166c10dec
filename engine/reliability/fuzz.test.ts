/**
 * The pipeline loader (parsePipeline) and the checkpoint reader fuzzed with seeded
 * fast-check runs: the gallery's graphs mutated (fields deleted, duplicated, given wrong types, huge strings, deep
 * nesting, prototype keys, values JSON cannot hold), their text damaged (truncated, random bytes, duplicate keys),
 * and random input with no base at all. Properties: never throws, never takes over 1 s for one input, every
 * rejection names the field or path at fault, an accepted graph passes validateGraph and survives a save/load round
 * trip, and nothing reaches Object.prototype. The lessons, recorded runs, share links and the open-file action are
 * fuzzed in app/files/documents.fuzz.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePipeline, serializePipeline } from '../graph/schema';
import { validateGraph } from '../graph/validate';
import { MemoryFileSystem } from '../core/fileSystem';
import { readCheckpoint } from '../streaming/checkpointReader';
import { applyPlan, asFileText, damageText, planArb, prototypeSnapshot, randomInputArb, textDamageArb, type Json } from './documentFuzz';

const SEED = 20_110_611;
const LIMIT_MS = 1_000;
const examplesDir = join(import.meta.dirname, '../../public/examples');
const gallery: Json[] = readdirSync(examplesDir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort()
  .map((f) => JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) as Json);

/** How many inputs each property saw (the total is checked at the end: ≥ 10,000 per run). */
const seen: Record<string, number> = {};
let slowest = 0;
const protoBefore = prototypeSnapshot();

/** `path: message`, where the path starts at a field of the document (or names the whole document). */
const GRAPH_ISSUE = /^(\(document\)|version|name|master|batchDuration|seed|checkpointDir|conf|nodes|edges)(?:[.[][^]*?)?: \S/;
const OVERFLOW = /^… and more problems/;

function timed<T>(f: () => T): T {
  const t0 = performance.now();
  const r = f();
  const ms = performance.now() - t0;
  slowest = Math.max(slowest, ms);
  if (ms > LIMIT_MS) throw new Error(`took ${ms.toFixed(0)} ms (limit ${LIMIT_MS} ms)`);
  return r;
}

/** The loader's contract for one input. Throws (failing the property) when it is broken. */
function checkLoad(input: unknown, label: string): void {
  seen[label] = (seen[label] ?? 0) + 1;
  const r = timed(() => parsePipeline(input));
  if (!r.ok) {
    if (!Array.isArray(r.issues) || r.issues.length === 0) throw new Error('rejected without naming a problem');
    for (const i of r.issues) {
      if (typeof i !== 'string' || !(GRAPH_ISSUE.test(i) || OVERFLOW.test(i))) throw new Error(`an issue that names no field or path: ${JSON.stringify(i)}`);
    }
    return;
  }
  seen[`${label} (accepted)`] = (seen[`${label} (accepted)`] ?? 0) + 1;
  const g = r.graph;
  // Accepted: a complete, normalised graph that the validator and a save/load round trip take as it is.
  const ids = new Set(g.nodes.map((n) => n.id));
  if (ids.size !== g.nodes.length) throw new Error('accepted duplicate node ids');
  for (const e of g.edges) if (!ids.has(e.source) || !ids.has(e.target)) throw new Error(`accepted a dangling edge ${e.id}`);
  const issues = timed(() => validateGraph(g));
  if (!Array.isArray(issues)) throw new Error('validateGraph returned no list');
  for (const i of issues) if (typeof i.message !== 'string' || i.message === '') throw new Error('a validation issue without a message');
  const again = parsePipeline(serializePipeline(g));
  if (!again.ok) throw new Error(`an accepted graph does not load again: ${again.issues[0]}`);
  expect(again.graph).toEqual(g);
}

describe('fuzz: pipeline documents (parsePipeline)', () => {
  it('loads every gallery example as it is (the bases of the mutations)', () => {
    expect(gallery.length).toBeGreaterThanOrEqual(5);
    for (const g of gallery) { const r = parsePipeline(g); expect(r.ok, JSON.stringify(!r.ok && r.issues)).toBe(true); }
  });

  it('survives mutated gallery graphs given as objects', () => {
    fc.assert(fc.property(planArb(gallery.length, { text: false }), (plan) => { checkLoad(applyPlan(gallery[plan.base], plan), 'graph objects'); }),
      { seed: SEED, numRuns: 3_000 });
  });

  it('survives mutated and damaged gallery graphs given as JSON text', () => {
    fc.assert(fc.property(planArb(gallery.length, { text: true }), (plan) => { checkLoad(applyPlan(gallery[plan.base], plan), 'graph text'); }),
      { seed: SEED + 1, numRuns: 3_500 });
  });

  it('survives damage to the untouched text of a valid graph (truncation at every kind of point)', () => {
    const texts = gallery.map((g) => JSON.stringify(g, null, 2));
    fc.assert(fc.property(fc.nat({ max: texts.length - 1 }), textDamageArb, (i, d) => { checkLoad(damageText(texts[i], d), 'damaged text'); }),
      { seed: SEED + 2, numRuns: 1_500 });
  });

  it('survives input with no base document: random text, bytes, JSON and values', () => {
    fc.assert(fc.property(randomInputArb, (v) => { checkLoad(v, 'random'); }), { seed: SEED + 3, numRuns: 2_000 });
  });

  it('names the problem for the hand-picked hostile cases', () => {
    const base = gallery[0] as Record<string, Json>;
    const cases: [unknown, RegExp][] = [
      ['', /^\(document\): empty/],
      ['{"version":1', /^\(document\): not valid JSON/],
      ['['.repeat(200_000) + ']'.repeat(200_000), /^\(document\)/],
      [JSON.parse(`{"__proto__":{"polluted":1},${JSON.stringify(base).slice(1)}`), /./],
      [{ ...base, nodes: [...(base.nodes as Json[]), ...(base.nodes as Json[])] }, /duplicate node id/],
      [{ ...base, version: 99 }, /^version: this file was made by a newer DStream Studio/],
      [{ ...base, name: 'x'.repeat(2_000_000) }, /^name: longer than/],
      ['x'.repeat(5_000_001), /^\(document\): larger than/],
    ];
    for (const [input, re] of cases) {
      const r = timed(() => parsePipeline(input));
      if (r.ok) { expect(re.source).toBe('.'); continue; }
      expect(r.issues.some((i) => re.test(i)), r.issues.join('\n')).toBe(true);
      seen.handpicked = (seen.handpicked ?? 0) + 1;
    }
    expect(prototypeSnapshot()).toBe(protoBefore);
  });
});

describe('fuzz: checkpoint files (readCheckpoint)', () => {
  // A metadata checkpoint as the writer makes it (shape of engine/streaming/checkpoint.ts MetadataCheckpoint).
  const checkpointAt = (t: number): Json => ({
    version: 2, checkpointTime: t, master: 'local[2]', appName: 'Fuzz', batchDurationMs: 1000, zeroTime: 0, startTime: 1000,
    conf: [['spark.master', 'local[2]']], pendingTimes: [t], generation: 0,
    graph: [{ id: 0, className: 'QueueInputDStream', opName: 'queueStream', slideMs: 1000, parents: [] }],
    dstreams: { 0: { className: 'QueueInputDStream' } }, receivedBlocks: { allocated: {}, unallocated: [] },
  });

  it('uses the newest intact checkpoint and skips every damaged one, naming why', async () => {
    const runs = 700;
    let done = 0, fellBack = 0;
    await fc.assert(fc.asyncProperty(planArb(1), fc.integer({ min: 1, max: 5 }), async (plan, older) => {
      seen.checkpoints = (seen.checkpoints ?? 0) + 1;
      const fs = new MemoryFileSystem();
      for (let i = 1; i <= older; i++) await fs.writeFile(`/cp/checkpoint-${i * 1000}`, JSON.stringify(checkpointAt(i * 1000)));
      const newest = (older + 1) * 1000;
      const damaged = applyPlan(checkpointAt(newest), { ...plan, asText: true });
      await fs.writeFile(`/cp/checkpoint-${newest}`, asFileText(damaged));
      const t0 = performance.now();
      const read = await readCheckpoint(fs, '/cp');
      expect(performance.now() - t0).toBeLessThan(LIMIT_MS);
      expect(read).toBeDefined();
      const t = read!.checkpoint.checkpointTime;
      // Either the damage left a checkpoint the reader accepts for its own time, or it fell back to the previous one.
      expect([newest, older * 1000]).toContain(t);
      if (t !== newest) {
        fellBack++;
        expect(read!.skipped).toHaveLength(1);
        expect(read!.skipped[0].reason).toMatch(/checkpoint-\d+ is not (a complete|a valid|a) checkpoint/);
      }
      done++;
    }), { seed: SEED + 4, numRuns: runs });
    expect(done).toBe(runs);
    expect(fellBack).toBeGreaterThan(runs / 4);
  });
});

afterAll(() => {
  const total = Object.entries(seen).filter(([k]) => !k.endsWith('(accepted)')).reduce((a, [, b]) => a + b, 0);
  // Figures for RELIABILITY.md.
  console.log(`fuzz (engine): ${total} inputs ${JSON.stringify(seen)}; slowest single parse ${slowest.toFixed(1)} ms`);
  expect(prototypeSnapshot()).toBe(protoBefore);
  if (seen.random === 2_000) {
    expect(total).toBeGreaterThanOrEqual(10_000);
    // Both branches of the contract were exercised: some mutants are still valid graphs (validateGraph ran on them).
    expect(seen['graph objects (accepted)']).toBeGreaterThan(100);
  }
});

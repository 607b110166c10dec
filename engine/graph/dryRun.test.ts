/** The dry-run kind check: one sampled batch on the manual clock. */
import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chain } from './testGraphs';

const engineReady = existsSync(join(__dirname, '../index.ts')) && existsSync(join(__dirname, '../streaming/StreamingContext.ts'));
const Q = ['queueStream', { batches: [['hello world', 'hello spark']] }] as [string, Record<string, unknown>];

/** [case, graph, expected messages]. */
const CASES: [string, ReturnType<typeof chain>, string[]][] = [
  ['text fed to reduceByKey', chain([Q, ['reduceByKey', {}, 'r'], 'print']),
    ['reduceByKey needs (key, value) pairs, but n1 produces strings like "hello world". Add a map like w => [w, 1] before it.']],
  ['words fed to groupByKey', chain([Q, ['flatMap', { f: "l => l.split(' ')" }, 'words'], ['groupByKey'], 'print']),
    ['groupByKey needs (key, value) pairs, but words produces strings like "hello". Add a map like w => [w, 1] before it.']],
  ['triples fed to join', chain([Q, ['map', { f: "l => [l, 1, 2]" }], ['reduceByKey'], 'print']),
    ['reduceByKey needs (key, value) pairs, but n2 produces arrays of 3 like']],
  ['pairs are fine', chain([Q, ['map', { f: 'w => [w, 1]' }], ['reduceByKey'], 'print']), []],
];

describe.skipIf(!engineReady)('dryRunKinds', () => {
  test.each(CASES)('%s', async (_name, graph, expected) => {
    const { dryRunKinds } = await import('./dryRun');
    const r = await dryRunKinds(graph);
    expect(r.issues.length).toBe(expected.length);
    expected.forEach((m, i) => expect(r.issues[i].message).toContain(m));
  });
});

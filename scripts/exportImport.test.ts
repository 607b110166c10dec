import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExport } from './export';
import { runImport } from './import';

const dir = mkdtempSync(join(tmpdir(), 'cli-'));
const file = (name: string, text: string) => { const f = join(dir, name); writeFileSync(f, text); return f; };
const WORDCOUNT = 'public/examples/wordcount.json';

const exportCases: { argv: string[]; code: number; out?: RegExp; err?: RegExp }[] = [
  { argv: [WORDCOUNT, '--to', 'ts'], code: 0, out: /^\/\*\*[^]*const ssc = new StreamingContext\(conf, Milliseconds\(1000\)\);[^]*\/\* dstream-studio:positions /m },
  { argv: [WORDCOUNT, '--to=scala'], code: 0, out: /^\/\/ NetworkWordCount[^]*object NetworkWordCount \{/ },
  { argv: [WORDCOUNT, '--to', 'python'], code: 0, out: /from pyspark\.streaming import StreamingContext/ },
  { argv: [WORDCOUNT, '--to', 'ts', '--engine', 'dstream-studio'], code: 0, out: /from 'dstream-studio';/ },
  { argv: [WORDCOUNT, '--to', 'java'], code: 2, err: /^--to must be ts, scala or python, got "java"/ },
  { argv: [WORDCOUNT, '--to'], code: 2, err: /^--to needs a value/ },
  { argv: [], code: 2, err: /^Missing the graph file/ },
  { argv: ['nope.json', '--to', 'ts'], code: 2, err: /^Cannot read nope\.json: no such file$/ },
  { argv: [file('bad.json', '{"version": 1, "nodes": 3}'), '--to', 'ts'], code: 1, err: /is not a valid pipeline graph: / },
  { argv: [file('notjson.json', 'hello'), '--to', 'ts'], code: 1, err: /is not a valid pipeline graph: / },
  { argv: [WORDCOUNT, '--bogus'], code: 2, err: /^Unknown option --bogus/ },
];

describe('npm run export', () => {
  for (const c of exportCases) {
    it(c.argv.join(' ') || '(no arguments)', () => {
      const r = runExport(c.argv);
      expect(r.code).toBe(c.code);
      if (c.out) expect(r.out).toMatch(c.out);
      if (c.err) { expect(r.err).toMatch(c.err); expect(r.err).not.toContain('\n'); expect(r.out).toBe(''); }
    });
  }
});

describe('npm run import', () => {
  it('prints the graph JSON of an exported program (round trip through the CLI pair)', async () => {
    const ts = file('wc.ts', runExport([WORDCOUNT, '--to', 'ts']).out);
    const r = await runImport([ts]);
    expect(r.code).toBe(0);
    const g = JSON.parse(r.out);
    expect(g.nodes.map((n: { id: string }) => n.id)).toEqual(['lines', 'words', 'pairs', 'counts', 'print']);
  });
  const bad: { argv: () => string[]; code: number; err: RegExp }[] = [
    { argv: () => [], code: 2, err: /^Missing the program file/ },
    { argv: () => ['missing.ts'], code: 2, err: /^Cannot read missing\.ts: no such file$/ },
    { argv: () => [file('syntax.ts', 'const a = 1;\nconst = 2;\n')], code: 1, err: /syntax\.ts: Syntax error at line 2, column 7: / },
    { argv: () => [file('net.ts', "import net from 'node:net';\nnet.connect(80);\n")], code: 1, err: /Import stopped: the program uses the module "node:net"/ },
    { argv: () => [file('x.ts', ''), '--x'], code: 2, err: /^Unknown option --x/ },
  ];
  for (const c of bad) {
    it(`bad input → ${c.err.source}`, async () => {
      const r = await runImport(c.argv());
      expect(r.code).toBe(c.code);
      expect(r.err).toMatch(c.err);
      expect(r.out).toBe('');
    });
  }
  it('runs as a command: one line on stderr and a non-zero exit code', () => {
    let err = '';
    let status = 0;
    try {
      execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/export.ts', 'nope.json', '--to', 'ts'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      err = String((e as { stderr: string }).stderr);
      status = (e as { status: number }).status;
    }
    expect(status).toBe(2);
    expect(err).toBe('Cannot read nope.json: no such file\n');
  }, 30000);
});

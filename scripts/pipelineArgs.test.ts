import { describe, expect, it } from 'vitest';
import { parsePipelineArgs, pipelineEnv, pipelineKind, UsageError } from './pipelineArgs';

function usageError(argv: string[]): string {
  try {
    parsePipelineArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    const msg = (e as Error).message;
    expect(msg.split('\n')).toHaveLength(1);
    return msg;
  }
  throw new Error(`expected a usage error for ${JSON.stringify(argv)}`);
}

describe('parsePipelineArgs', () => {
  it('takes a program with no flags', () => {
    expect(parsePipelineArgs(['examples/wordcount-batch.ts'])).toEqual({ file: 'examples/wordcount-batch.ts', kind: 'program' });
    expect(parsePipelineArgs(['--', 'x.mjs'])).toEqual({ file: 'x.mjs', kind: 'program' });
  });

  it('takes a graph with every flag, in either form and any order', () => {
    expect(parsePipelineArgs(['--batches', '3', 'public/examples/wordcount.json', '--master=local[2]', '--seed', '42'])).toEqual({
      file: 'public/examples/wordcount.json', kind: 'graph', batches: 3, master: 'local[2]', seed: 42,
    });
    expect(parsePipelineArgs(['g.JSON', '--batches=10', '--master', 'local-cluster[2, 2, 1024]', '--seed=0'])).toEqual({
      file: 'g.JSON', kind: 'graph', batches: 10, master: 'local-cluster[2,2,1024]', seed: 0,
    });
  });

  it('accepts every master URL form', () => {
    for (const m of ['local', 'local[1]', 'local[*]', 'local[16]', 'local-cluster[2,1,256]']) {
      expect(parsePipelineArgs(['p.ts', '--master', m]).master).toBe(m);
    }
  });

  it('rejects bad command lines with one clear line', () => {
    expect(usageError([])).toMatch(/^No pipeline file given/);
    expect(usageError(['notes.txt'])).toMatch(/Cannot run "notes.txt": expected a \.ts\/\.js program or a \.json pipeline graph/);
    expect(usageError(['types.d.ts'])).toMatch(/Cannot run/);
    expect(usageError(['p.ts', '--batches'])).toMatch(/^--batches needs a value/);
    expect(usageError(['p.ts', '--batches', '--seed', '1'])).toMatch(/^--batches needs a value/);
    expect(usageError(['p.ts', '--batches', 'three'])).toMatch(/^--batches needs a whole number, got "three"/);
    expect(usageError(['p.ts', '--batches', '0'])).toMatch(/^--batches must be a whole number ≥ 1/);
    expect(usageError(['p.ts', '--batches', '1.5'])).toMatch(/whole number/);
    expect(usageError(['p.ts', '--seed', '-1'])).toMatch(/^--seed must be a whole number ≥ 0/);
    expect(usageError(['p.ts', '--batches=', '2'])).toMatch(/^--batches needs a value/);
    expect(usageError(['p.ts', '--master', 'yarn'])).toMatch(/--master "yarn" is not a master URL/);
    expect(usageError(['p.ts', '--master', 'local[x]'])).toMatch(/is not a master URL/);
    expect(usageError(['p.ts', '--verbose'])).toMatch(/^Unknown option --verbose/);
    expect(usageError(['p.ts', '--seed', '1', '--seed', '2'])).toMatch(/^--seed was given twice/);
    expect(usageError(['a.ts', 'b.ts'])).toMatch(/^Only one pipeline file/);
  });

  it('recognises --help', () => {
    expect(parsePipelineArgs(['--help']).help).toBe(true);
    expect(parsePipelineArgs(['p.ts', '-h']).help).toBe(true);
  });
});

describe('pipelineKind and pipelineEnv', () => {
  it('classifies files by extension', () => {
    expect(pipelineKind('a.ts')).toBe('program');
    expect(pipelineKind('a.js')).toBe('program');
    expect(pipelineKind('a.mts')).toBe('program');
    expect(pipelineKind('a.json')).toBe('graph');
    expect(pipelineKind('a.tsx')).toBeUndefined();
    expect(pipelineKind('a')).toBeUndefined();
  });

  it('turns the flags into DSTREAM_* overrides', () => {
    expect(pipelineEnv({ file: 'p.ts', kind: 'program' })).toEqual({ DSTREAM_TASK_TIMEOUT: '10000' });
    expect(pipelineEnv({ file: 'p.ts', kind: 'program', batches: 5, master: 'local[2]', seed: 7, taskTimeoutMs: 0 })).toEqual({
      DSTREAM_BATCHES: '5', DSTREAM_MASTER: 'local[2]', DSTREAM_SEED: '7', DSTREAM_TASK_TIMEOUT: '0',
    });
  });

  it('reads --task-timeout in milliseconds (0 turns it off)', () => {
    expect(parsePipelineArgs(['g.json', '--task-timeout', '2500'])).toEqual({ file: 'g.json', kind: 'graph', taskTimeoutMs: 2500 });
    expect(parsePipelineArgs(['g.json', '--task-timeout=0'])).toEqual({ file: 'g.json', kind: 'graph', taskTimeoutMs: 0 });
    expect(() => parsePipelineArgs(['g.json', '--task-timeout', '2s'])).toThrow(/^--task-timeout needs a whole number, got "2s"/);
  });
});

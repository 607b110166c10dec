/** What a graph is allowed to touch when the command line runs it (pure: no child process here). */
import { describe, expect, it } from 'vitest';
import { graphAccess, outsideWorkingDir } from './graphSandbox';

const CWD = '/work/run';
const graph = (nodes: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ version: 1, nodes, edges: [], ...extra });

describe('graphAccess', () => {
  it('collects the checkpoint directory, output prefixes, input directories and socket sources, resolved against the working directory', () => {
    const access = graphAccess(graph([
      { id: 'a', op: 'socketTextStream', params: { host: 'localhost', port: 9999 } },
      { id: 'b', op: 'textFileStream', params: { directory: 'in/' } },
      { id: 'c', op: 'saveAsTextFiles', params: { prefix: 'out/counts' } },
      { id: 'd', op: 'map', params: { f: 'x => x' } },
    ], { checkpointDir: 'checkpoints/wc' }), CWD);
    expect(access).toEqual({
      read: ['/work/run/checkpoints/wc', '/work/run/in', '/work/run/out/counts*'],
      write: ['/work/run/checkpoints/wc', '/work/run/out/counts*'],
      sockets: ['localhost:9999'],
    });
  });

  it('uses the operators\' defaults for parameters a node leaves out', () => {
    expect(graphAccess(graph([{ id: 'a', op: 'socketTextStream', params: {} }]), CWD).sockets).toEqual(['localhost:9999']);
  });

  it('grants nothing for text that is not a graph (the child reports why)', () => {
    expect(graphAccess('{ not json', CWD)).toEqual({ read: [], write: [], sockets: [] });
    expect(graphAccess('null', CWD)).toEqual({ read: [], write: [], sockets: [] });
  });
});

describe('outsideWorkingDir', () => {
  const cases: { name: string; write: string[]; outside: string | undefined }[] = [
    { name: 'outputs below the working directory', write: ['/work/run/out*', '/work/run/cp'], outside: undefined },
    { name: 'the working directory itself', write: ['/work/run'], outside: '/work/run' },
    { name: 'a sibling reached through ..', write: ['/work/other*'], outside: '/work/other' },
    { name: 'the root', write: ['/'], outside: '/' },
  ];
  for (const c of cases) it(c.name, () => expect(outsideWorkingDir({ read: [], write: c.write, sockets: [] }, CWD)).toBe(c.outside));
});

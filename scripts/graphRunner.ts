/**
 * The child process that runs a `.json` graph for `npm run pipeline` (started by graphSandbox.ts, bundled to
 * plain JavaScript first). It runs under Node's permission model (no child processes, files read only from the
 * bundle, the graph and its input/output/checkpoint directories, written only to its output and checkpoint
 * directories) with --disallow-code-generation-from-strings; before the engine sees the graph it:
 *   - compiles every user function with vm.compileFunction (host names hidden, no `import()`),
 *   - makes `then` read-only on the common prototypes (no thenable hijack of the engine's promises),
 *   - lets TCP connect only to the graph's declared socket sources,
 * and tells its parent every 200 ms that its thread is alive (a loop in a function running on the driver's
 * thread stops the beat, and the parent ends the run).
 *
 * argv: <graph file> <options as JSON: { batches?, master?, seed?, taskTimeoutMs? }>
 */
import { setCodeCompiler } from '../engine/core/closure';
import { guardThenables } from '../engine/core/thenGuard';
import { nodeCodeCompiler, readSandboxEnv, restrictSockets } from '../engine/cluster/node/hardening';
import { describeIssue, isValidationError } from './graphIssues';

setCodeCompiler(nodeCodeCompiler());
guardThenables();
restrictSockets(readSandboxEnv(process.env)?.sockets ?? []);

const beat = setInterval(() => { process.send?.({ t: 'alive' }); }, 200);
const [file, rawOptions] = process.argv.slice(2);
const options = JSON.parse(rawOptions ?? '{}') as { batches?: number; master?: string; seed?: number; taskTimeoutMs?: number };
const fileName = file.split('/').pop() ?? file;

async function main(): Promise<number> {
  const { runGraphFile } = await import('../engine/graph/headless');
  try {
    return await runGraphFile(file, { ...options, stdout: (s) => { process.stdout.write(s); } });
  } catch (err) {
    if (isValidationError(err)) {
      const lines = err.issues.length ? err.issues.map(describeIssue) : [err.message];
      process.stderr.write(`${fileName} is not a valid pipeline:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
      return 1;
    }
    process.stderr.write(`Pipeline failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

const code = await main();
clearInterval(beat);
process.exitCode = code;
process.disconnect?.();

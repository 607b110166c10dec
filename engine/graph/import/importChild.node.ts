/**
 * The child process that records a program for `npm run import` (started by importTs.node.ts, bundled to one
 * JavaScript file first). It runs under Node's permission model with no file, child-process or worker access,
 * --disallow-code-generation-from-strings and a 256 MiB heap; here it also compiles the program with
 * vm.compileFunction (no `import()`, no host names), guards `then`, refuses every TCP connection and counts
 * array buffers against 256 MiB. The parent kills it after IMPORT_TIMEOUT_MS.
 *
 * stdin: an ImportRequest as JSON; stdout: the RecordResult as JSON.
 */
import { setCodeCompiler } from '../../core/closure';
import { guardThenables } from '../../core/thenGuard';
import { nodeCodeCompiler, restrictSockets } from '../../cluster/node/hardening';
import { ArrayBufferMeter } from '../../executor/arrayBufferMeter';
import { handleImportRequest, type ImportRequest } from './worker';

/** Array buffers an imported program may hold while it builds its pipeline. */
const IMPORT_ARRAY_BUFFER_LIMIT_BYTES = 256 * 1024 * 1024;

setCodeCompiler(nodeCodeCompiler());
guardThenables();
restrictSockets([]);
new ArrayBufferMeter(() => process.memoryUsage().arrayBuffers).install().limitBytes = IMPORT_ARRAY_BUFFER_LIMIT_BYTES;

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const result = await handleImportRequest(JSON.parse(input) as ImportRequest);
process.stdout.write(JSON.stringify(result));

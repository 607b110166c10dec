/** Node-only helper of the conformance runner (a fixture, so engine/ stays Node-free): a fresh checkpoint directory under the OS temp directory. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempCheckpointDir(prefix = 'dstream-conformance-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Runs every ported Spark suite case through the one runner. A failing case prints the batch,
 * expected and actual side by side. DSTREAM_TEST_MASTER reruns everything on another master
 * (e.g. `local-cluster[2,2,1024]`).
 */
import { describe, it } from 'vitest';
import { assertCase, type StreamCase } from './runner';
import { basicOperationsCases } from './basicOperations.cases';
import { windowOperationsCases } from './windowOperations.cases';
import { mapWithStateCases } from './mapWithState.cases';

const suites: [string, StreamCase[]][] = [
  ['BasicOperationsSuite', basicOperationsCases],
  ['WindowOperationsSuite', windowOperationsCases],
  ['MapWithStateSuite', mapWithStateCases],
];

for (const [suite, cases] of suites) {
  describe(suite, () => {
    for (const c of cases) {
      if (c.skip) {
        it.skip(`${c.name} (not ported: ${c.skip})`, () => {});
      } else if (c.knownBug) {
        // Kept visible: vitest reports it as an expected failure until the engine is fixed.
        it.fails(`${c.name} (known engine bug: ${c.knownBug})`, async () => { await assertCase(c); }, 30000);
      } else {
        it(c.name, async () => { await assertCase(c); }, 30000);
      }
    }
  });
}

import { test, expect } from './fixtures';

test.describe('smoke', () => {
  test('the studio opens cross-origin isolated, runs the example and prints a batch', async ({ studio }) => {
    await studio.open();
    expect(await studio.isCrossOriginIsolated(), 'COOP/COEP headers must make the page cross-origin isolated').toBe(true);

    await studio.run();

    // print() writes a header per batch, also for empty batches: 43 dashes, "Time: <ms> ms", 43 dashes.
    await studio.expectConsole(/Time: \d+ ms/);
    await expect(studio.console).toContainText(/-{43}\s*Time: \d+ ms\s*-{43}/);
  });
});

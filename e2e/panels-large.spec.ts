import { test, expect, TIMEOUTS } from './fixtures';
import type { Page } from '@playwright/test';
import { studioGraph } from '../bench/studioGraph';
import { shareHash } from '../app/files/share';
import { openPanel } from './panels.helpers';

/**
 * A large graph (the studio benchmark's 200 nodes) in the Lineage panel: the DStream-over-time grid draws the first
 * 40 DStreams (Show all draws every one) and, of those, only the rows scrolled into view; the text alternative
 * still lists every row it covers.
 */
const batches = (page: Page) => page.evaluate(() =>
  (window as unknown as { __studio: { store: { getState(): { sim: { batchesCompleted: number } } } } }).__studio.store.getState().sim.batchesCompleted);

test('a 200-node graph: the Lineage grid draws the first 40 DStreams, and only the rows in view', async ({ studio, page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await studio.open('/' + shareHash(studioGraph({ nodes: 200, chains: 20, seed: 42, master: 'local[2]', batchDuration: 1000 })));
  await expect(page.locator('.react-flow__node')).toHaveCount(200, { timeout: TIMEOUTS.appReady });
  const r = await openPanel(page, 'Lineage');
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 1; i <= 2; i++) {
    await expect(step).toBeEnabled({ timeout: TIMEOUTS.appReady });
    await step.click();
    await studio.confirmConsentIfAsked();   // a share link is untrusted: the first Step asks
    await expect.poll(() => batches(page), { timeout: TIMEOUTS.firstBatch }).toBe(i);
  }
  await expect(r.getByText(/Showing the first 40 of \d+ DStreams/)).toBeVisible({ timeout: TIMEOUTS.firstBatch });
  const table = r.getByRole('table', { name: 'DStream graph over time' });
  await expect(table.locator('tbody tr')).toHaveCount(40);

  const cells = r.locator('svg.dsp-lineage-time g.lot-cell');
  const drawn = () => cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-cell') ?? ''));
  await expect.poll(async () => (await drawn()).length, { timeout: TIMEOUTS.appReady }).toBeGreaterThan(0);
  const top = await drawn();
  // Two batches of 40 rows would be 80 cells: only the rows in view (and a few around them) are drawn.
  expect(top.length).toBeLessThan(40);
  // Scrolled down to the grid's 30th row, other rows are drawn.
  await r.locator('.dsp-body').evaluate((b) => {
    const grid = b.querySelector('svg.dsp-lineage-time')!;
    b.scrollTop += grid.getBoundingClientRect().top - b.getBoundingClientRect().top + 30 * 44;
  });
  await expect.poll(async () => (await drawn()).filter((id) => !top.includes(id)).length, { timeout: TIMEOUTS.appReady }).toBeGreaterThan(0);

  // Show all: every DStream has a row (the table says how many).
  const total = Number(/of (\d+) DStreams/.exec(await r.getByText(/Showing the first 40 of/).innerText())![1]);
  expect(total).toBeGreaterThan(40);
  await r.getByRole('button', { name: `Show all ${total}` }).click();
  await expect(table.locator('tbody tr')).toHaveCount(total);
  await expect(r.getByText(/Showing the first 40 of/)).toHaveCount(0);
  await r.getByRole('button', { name: 'Show the first 40' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(40);
});

import { test, expect, TIMEOUTS } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { openPanel, shootPanel } from './panels.helpers';

/**
 * The Lineage panel's DStream graph over time against the real engine (local-cluster[2,2,1024]):
 * step the hashtags example, kill an executor, see its RDDs turn lost and the next batch's
 * recomputation path; the text alternative (a table) says the same. Screenshots go to
 * E2E_SHOTS (default /tmp/pw-lin-shots): look at them.
 */
const SHOTS = process.env.E2E_SHOTS ?? '/tmp/pw-lin-shots';

async function completed(page: Page): Promise<number> {
  return page.evaluate(() => {
    const s = (window as unknown as { __studio: { store: { getState(): Record<string, unknown> } } }).__studio.store.getState();
    const run = s.run as { stats: { times: number[]; batches: Record<number, { status: string }> } };
    return run.stats.times.filter((t) => run.stats.batches[t].status === 'completed').length;
  });
}

async function stepTo(page: Page, studio: { expectConsole(t: RegExp): Promise<void> }, from: number, to: number) {
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = from; i <= to; i++) {
    await expect(step).toBeEnabled({ timeout: TIMEOUTS.appReady });
    await step.click();
    await studio.expectConsole(new RegExp(`Time: ${i}000 ms`));
  }
  await expect.poll(() => completed(page), { timeout: TIMEOUTS.firstBatch }).toBe(to);
}


test.describe('lineage over time', () => {
  test.beforeEach(async ({ page }) => { await page.setViewportSize({ width: 1440, height: 900 }); });

  test('DStream grid, executor killed: lost RDDs, recomputation path, table alternative', async ({ studio, page }) => {
    test.setTimeout(240_000);
    await studio.open();
    await stepTo(page, studio, 1, 2);
    let r = await openPanel(page, 'Lineage');
    const grid = r.locator('svg.dsp-lineage-time');
    await expect(grid).toBeVisible();
    // Rows = the pipeline's DStreams, columns = batches; counts in the cells.
    await expect(grid.locator('g.lot-cell[data-cell="tweets@2000"]')).toContainText(/\d+/);
    await expect(grid.locator('g.lot-cell[data-cell="window@2000"] g.cached')).toHaveCount(1);
    await expect(grid.locator('path.lot-edge.back')).not.toHaveCount(0);
    await shootPanel(page, r, `${SHOTS}/lineage-time-clean.png`, 400);

    r = await openPanel(page, 'Cluster');
    await r.getByRole('button', { name: 'Kill executor 1' }).click();
    await expect(r.locator('svg g.exec.dead')).toHaveCount(1);
    r = await openPanel(page, 'Lineage');
    await expect(grid.locator('g.lot-cell[data-status="lost"]')).not.toHaveCount(0);
    await expect(grid.locator('g.lot-cell[data-cell="window@2000"]')).toHaveAttribute('data-status', 'lost');
    await shootPanel(page, r, `${SHOTS}/lineage-time-lost.png`, 400);

    await stepTo(page, studio, 3, 3);
    await expect(r).toContainText(/Batch 3000 ms recomputed \d+ RDDs from lineage/);
    await expect(grid.locator('g.lot-cell[data-on-path="true"]')).not.toHaveCount(0);
    await expect(grid.locator('g.lot-cell[data-cell="window@1000"]')).toHaveAttribute('data-status', 'recomputed');
    await expect(grid.locator('path.recompute-path')).not.toHaveCount(0);
    // Animated (motion allowed): the dashes move.
    const anim = await grid.locator('path.recompute-path').first().evaluate((el) => getComputedStyle(el).animationName);
    expect(anim).toBe('dsp-dash');
    await page.waitForTimeout(250);
    await shootPanel(page, r, `${SHOTS}/lineage-time-recompute.png`, 400);

    // Text alternative.
    await r.getByRole('button', { name: 'Table' }).click();
    const table = r.getByRole('table', { name: 'DStream graph over time' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('rowheader', { name: 'tagCounts' })).toBeVisible();
    await expect(table.locator('td[data-cell="window@1000"]')).toContainText('recomputed in batch 3000 ms');
    await r.getByRole('button', { name: 'Chart' }).click();

    // Reduced motion: a static highlight.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect(grid).toHaveClass(/dsp-reduced-motion/);
    const still = await grid.locator('path.recompute-path').first().evaluate((el) => getComputedStyle(el).animationName);
    expect(still).toBe('none');
    await shootPanel(page, r, `${SHOTS}/lineage-time-reduced.png`, 400);
  });
});

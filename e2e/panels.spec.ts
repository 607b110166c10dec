import { test, expect, TIMEOUTS } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The D3 panels: run the default (hashtags) example, step 5 batches, and check every panel's
 * region against the output (batch count, record counts). Screenshots of each panel go to
 * e2e/__screenshots__/panels/ (look at them: legible and polished).
 */

const PANELS = [
  { id: 'cluster', name: 'Cluster' },
  { id: 'stats', name: 'Streaming statistics' },
  { id: 'timeline', name: 'Batch timeline' },
  { id: 'lineage', name: 'Lineage' },
  { id: 'tasks', name: 'Tasks' },
  { id: 'windows', name: 'Windows' },
  { id: 'state', name: 'State' },
  { id: 'preview', name: 'Data preview' },
  { id: 'backpressure', name: 'Back-pressure' },
] as const;

/** The run model as the panels see it, read through the test hook (store state only, no engine objects). */
async function runModel(page: Page) {
  return page.evaluate(() => {
    const s = (window as unknown as { __studio: { store: { getState(): Record<string, unknown> } } }).__studio.store.getState();
    const run = s.run as { stats: { times: number[]; batches: Record<number, { status: string; numRecords: number }> } };
    const done = run.stats.times.filter((t) => run.stats.batches[t].status === 'completed');
    return { completed: done, records: done.map((t) => run.stats.batches[t].numRecords) };
  });
}

async function openPanel(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  const region = page.getByRole('region', { name, exact: true });
  await expect(region).toBeVisible();
  return region;
}

test.describe('panels', () => {
  test('step 5 batches of the hashtags example: every panel agrees with the output', async ({ studio, page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await studio.open();
    const step = page.getByRole('button', { name: 'Step', exact: true });
    for (let i = 1; i <= 5; i++) {
      await expect(step).toBeEnabled({ timeout: TIMEOUTS.appReady });
      await step.click();
      await studio.expectConsole(new RegExp(`Time: ${i}000 ms`));
    }
    const headers = (await studio.consoleLines()).filter((l) => /^Time: \d+ ms$/.test(l.trim()));
    expect(headers).toHaveLength(5);
    await expect.poll(async () => (await runModel(page)).completed.length, { timeout: TIMEOUTS.firstBatch }).toBe(5);
    const { completed, records } = await runModel(page);
    const total = records.reduce((a, b) => a + b, 0);
    const last = completed[completed.length - 1];

    // Cluster: the 5 start-up steps done, executors with slots, fault buttons.
    let r = await openPanel(page, 'Cluster');
    await expect(r).toContainText('Step 5 of 5');
    await expect(r.locator('svg g.exec')).not.toHaveCount(0);
    await expect(r.getByRole('button', { name: /^Kill executor / }).first()).toBeVisible();
    await r.screenshot({ path: 'e2e/__screenshots__/panels/cluster.png' });

    // Streaming statistics: 5 completed batches, their records.
    r = await openPanel(page, 'Streaming statistics');
    await expect(r).toContainText(`5 completed batches · ${total} records`);
    await expect(r.getByTestId('completed-batches').locator('tbody tr')).toHaveCount(5);
    for (let i = 0; i < 5; i++) await expect(r.getByTestId('completed-batches')).toContainText(`${completed[i]} ms`);
    await r.screenshot({ path: 'e2e/__screenshots__/panels/stats.png' });

    // Batch timeline: the latest batch's records.
    r = await openPanel(page, 'Batch timeline');
    await expect(r).toContainText(`Batch ${last} ms: ${records[records.length - 1]} records`);
    await r.screenshot({ path: 'e2e/__screenshots__/panels/timeline.png' });

    // Lineage: the latest batch with stages and done partitions.
    r = await openPanel(page, 'Lineage');
    await expect(r).toContainText(`Batch ${last} ms:`);
    await expect(r.locator('svg g.stage')).not.toHaveCount(0);
    await r.screenshot({ path: 'e2e/__screenshots__/panels/lineage.png' });

    // Tasks: bars in the Gantt.
    r = await openPanel(page, 'Tasks');
    await expect(r.locator('svg g.task, canvas')).not.toHaveCount(0);
    await r.screenshot({ path: 'e2e/__screenshots__/panels/tasks.png' });

    // Windows: the example's reduceByKeyAndWindow (10 s window, 1 s slide, with an inverse).
    r = await openPanel(page, 'Windows');
    await expect(r).toContainText(/window 10 s, slide 1 s/);
    await r.screenshot({ path: 'e2e/__screenshots__/panels/windows.png' });

    // State: the example has no stateful op; the panel says so.
    r = await openPanel(page, 'State');
    await expect(r).not.toBeEmpty();
    await r.screenshot({ path: 'e2e/__screenshots__/panels/state.png' });

    // Data preview: sampled records of the latest batch, searchable.
    r = await openPanel(page, 'Data preview');
    await expect(r).toContainText(`at ${last} ms:`);
    await expect(r.locator('.dsp-records li').first()).toBeVisible();
    await r.getByRole('searchbox').fill('#');
    await expect(r.locator('.dsp-records li').first()).toContainText('#');
    await r.screenshot({ path: 'e2e/__screenshots__/panels/preview.png' });

    // Back-pressure: a chart or the explanation that it is off.
    r = await openPanel(page, 'Back-pressure');
    await expect(r).not.toBeEmpty();
    await r.screenshot({ path: 'e2e/__screenshots__/panels/backpressure.png' });

    // Time travel: scrub back to batch 2; the panels show batch 2.
    r = await openPanel(page, 'Lineage');
    const slider = r.getByRole('slider', { name: 'Batch' });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(r).toContainText(`Batch ${completed[1]} ms:`);
    r = await openPanel(page, 'Batch timeline');
    await expect(r).toContainText(`Batch ${completed[1]} ms: ${records[1]} records`);

    // Each panel has a text alternative and a full-screen mode.
    r = await openPanel(page, 'Streaming statistics');
    await r.getByRole('button', { name: 'Full screen' }).click();
    await expect(r).toHaveClass(/dsp-fullscreen/);
    await r.getByRole('button', { name: 'Exit full screen' }).click();
    await r.getByRole('button', { name: 'Table' }).click();
    await expect(r.locator('.dsp-alt table')).toBeVisible();
  });

  test('killing an executor greys it and keeps the output', async ({ studio, page }) => {
    test.setTimeout(180_000);
    await studio.open();
    const step = page.getByRole('button', { name: 'Step', exact: true });
    await step.click();
    await studio.expectConsole(/Time: 1000 ms/);
    const r = await openPanel(page, 'Cluster');
    const kill = r.getByRole('button', { name: /^Kill executor / }).first();
    const label = (await kill.textContent()) ?? '';
    const id = label.replace(/^Kill executor /, '').trim();
    await kill.click();
    await expect(r.locator('svg g.exec.dead')).not.toHaveCount(0, { timeout: TIMEOUTS.firstBatch });
    await r.getByRole('button', { name: 'Table' }).click();
    await expect(r.locator('.dsp-alt tr.dsp-dead')).toContainText(id);
    await step.click();
    await studio.expectConsole(/Time: 2000 ms/);
    await expect.poll(async () => (await runModel(page)).completed.length, { timeout: TIMEOUTS.firstBatch }).toBeGreaterThanOrEqual(2);
  });
});

import { test, expect, TIMEOUTS } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { openPanel, shootPanel } from './panels.helpers';

/**
 * The D3 panels against the real engine (driver worker + Web Worker executors, local-cluster[2,2,1024]):
 * run the default (hashtags) example, step 5 batches, and check every panel's region against the
 * printed output and the engine's batch records; kill an executor from the Cluster panel; scrub back
 * to batch 2. Full-screen screenshots of each panel go to e2e/__screenshots__/panels/ (look at them).
 */

const SHOTS = 'e2e/__screenshots__/panels';

interface RunView { completed: number[]; records: number[]; executors: { id: string; status: string; replacementOf?: string }[] }

/** The run model as the panels see it, through the test hook (store state only, no engine objects). */
async function runModel(page: Page): Promise<RunView> {
  return page.evaluate(() => {
    const s = (window as unknown as { __studio: { store: { getState(): Record<string, unknown> } } }).__studio.store.getState();
    const run = s.run as {
      stats: { times: number[]; batches: Record<number, { status: string; numRecords: number }> };
      cluster: { executorOrder: string[]; executors: Record<string, { id: string; status: string; replacementOf?: string }> };
    };
    const done = run.stats.times.filter((t) => run.stats.batches[t].status === 'completed');
    return {
      completed: done, records: done.map((t) => run.stats.batches[t].numRecords),
      executors: run.cluster.executorOrder.map((id) => { const x = run.cluster.executors[id]; return { id: x.id, status: x.status, replacementOf: x.replacementOf }; }),
    };
  });
}


async function stepTo(page: Page, studio: { expectConsole(t: RegExp): Promise<void> }, from: number, to: number) {
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = from; i <= to; i++) {
    await expect(step).toBeEnabled({ timeout: TIMEOUTS.appReady });
    await step.click();
    await studio.expectConsole(new RegExp(`Time: ${i}000 ms`));
  }
  await expect.poll(async () => (await runModel(page)).completed.length, { timeout: TIMEOUTS.firstBatch }).toBe(to);
}

/** The printed records of one batch in the console text. */
function printedBatch(lines: string[], t: number): string[] {
  const i = lines.findIndex((l) => l.trim() === `Time: ${t} ms`);
  const out: string[] = [];
  for (let j = i + 2; j < lines.length && !/^-{43}$/.test(lines[j].trim()); j++) if (lines[j].trim()) out.push(lines[j].trim());
  return out;
}

test.describe('panels', () => {
  test.beforeEach(async ({ page }) => { await page.setViewportSize({ width: 1440, height: 900 }); });

  test('step 5 batches of the hashtags example: every panel agrees with the output', async ({ studio, page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await studio.open();
    await stepTo(page, studio, 1, 5);
    const lines = await studio.consoleLines();
    expect(lines.filter((l) => /^Time: \d+ ms$/.test(l.trim()))).toHaveLength(5);
    const { completed, records, executors } = await runModel(page);
    expect(completed).toEqual([1000, 2000, 3000, 4000, 5000]);
    const total = records.reduce((a, b) => a + b, 0);
    const last = completed[completed.length - 1];

    // Cluster: the 5 start-up steps done, 2 executors with 2 slots each, the receiver pinned, fault buttons.
    let r = await openPanel(page, 'Cluster');
    await expect(r).toContainText('Step 5 of 5 · 2 live executors');
    await expect(r).toContainText('1 receiver');
    expect(executors.map((e) => [e.id, e.status])).toEqual([['0', 'alive'], ['1', 'alive']]);
    await expect(r.locator('svg g.exec')).toHaveCount(2);
    await expect(r.locator('svg g.slot')).toHaveCount(4);
    await expect(r.getByRole('button', { name: /^Kill executor / })).toHaveCount(2);
    await shootPanel(page, r, `${SHOTS}/cluster.png`);

    // Streaming statistics: 5 completed batches and their records, as the engine reported them.
    r = await openPanel(page, 'Streaming statistics');
    await expect(r).toContainText(`5 completed batches · ${total} records`);
    const rows = r.getByTestId('completed-batches').locator('tbody tr');
    await expect(rows).toHaveCount(5);
    for (let i = 0; i < 5; i++) {
      const row = rows.nth(4 - i); // newest first
      await expect(row).toContainText(`${completed[i]} ms`);
      await expect(row.locator('td').nth(2)).toHaveText(String(records[i]));
    }
    await shootPanel(page, r, `${SHOTS}/stats.png`);

    // Batch timeline: the latest batch's records in its blocks.
    r = await openPanel(page, 'Batch timeline');
    await expect(r).toContainText(`Batch ${last} ms: ${records[records.length - 1]} records in 5 blocks`);
    await expect(r.locator('svg g.band')).toHaveCount(5);
    await shootPanel(page, r, `${SHOTS}/timeline.png`);

    // Lineage: the latest batch with its jobs, stages and partitions, nothing lost.
    r = await openPanel(page, 'Lineage');
    await expect(r).toContainText(new RegExp(`Batch ${last} ms: \\d+ jobs, \\d+ stages, \\d+ partitions done, 0 lost, 0 recomputed`));
    await expect(r.locator('svg g.stage')).not.toHaveCount(0);
    await shootPanel(page, r, `${SHOTS}/lineage.png`);

    // Tasks: a bar per task of the latest batch, laid out per executor slot.
    r = await openPanel(page, 'Tasks');
    await expect(r.locator('svg g.task')).not.toHaveCount(0);
    await expect(r).toContainText(/\d+ tasks on \d+ slots · 0 failed/);
    await expect(r).toContainText('measured task time');
    await shootPanel(page, r, `${SHOTS}/tasks.png`);

    // Windows: the example's reduceByKeyAndWindow (10 s window, 1 s slide, with an inverse): 5 batches in the window.
    r = await openPanel(page, 'Windows');
    await expect(r).toContainText(/window 10 s, slide 1 s/);
    await expect(r).toContainText(`at ${last} ms the window holds 1000 ms, 2000 ms, 3000 ms, 4000 ms, 5000 ms`);
    await shootPanel(page, r, `${SHOTS}/windows.png`);

    // State: the example has no stateful op; the panel says so.
    r = await openPanel(page, 'State');
    await expect(r).toContainText(/updateStateByKey|mapWithState/);
    await shootPanel(page, r, `${SHOTS}/state.png`);

    // Data preview: the input node's records of the latest batch (the batch's record count), searchable.
    r = await openPanel(page, 'Data preview');
    await expect(r).toContainText(`at ${last} ms: ${records[records.length - 1]} records`);
    await expect(r.locator('.dsp-records li').first()).toBeVisible();
    await r.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'topTags (top)' });
    const top = printedBatch(lines, last);
    await expect(r.locator('.dsp-records li').first()).toHaveText(top[0]);
    await r.getByRole('searchbox').fill('#spark');
    await expect(r.locator('.dsp-records li')).toHaveCount(1);
    await r.getByRole('searchbox').fill('');
    await shootPanel(page, r, `${SHOTS}/preview.png`);

    // Back-pressure: off in this example; the panel explains it.
    r = await openPanel(page, 'Back-pressure');
    await expect(r).toContainText('spark.streaming.backpressure.enabled');
    await shootPanel(page, r, `${SHOTS}/backpressure.png`);

    // Time travel: scrub back to batch 2; lineage, data preview, timeline and the console show batch 2.
    r = await openPanel(page, 'Lineage');
    const slider = r.getByRole('slider', { name: 'Batch' });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(r).toContainText(`Batch ${completed[1]} ms:`);
    await expect(r.locator('.dsp-batch-time')).toHaveText(`${completed[1]} ms`);
    await shootPanel(page, r, `${SHOTS}/lineage-batch2.png`);
    r = await openPanel(page, 'Data preview');
    await expect(r).toContainText(`topTags (top) at ${completed[1]} ms:`); // the node picked before is kept
    await expect(r.locator('.dsp-records li').first()).toHaveText(printedBatch(lines, completed[1])[0]);
    await r.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'tweets (tweets)' });
    await expect(r).toContainText(`at ${completed[1]} ms: ${records[1]} records`);
    r = await openPanel(page, 'Batch timeline');
    await expect(r).toContainText(`Batch ${completed[1]} ms: ${records[1]} records`);
    await expect(studio.console).toContainText(`Time: ${completed[1]} ms`);
    await expect(studio.console).not.toContainText(`Time: ${last} ms`);
    await r.getByRole('button', { name: 'Live' }).click();
    await expect(r).toContainText(`Batch ${last} ms:`);

    // Each panel has a text alternative.
    r = await openPanel(page, 'Streaming statistics');
    await r.getByRole('button', { name: 'Table' }).click();
    await expect(r.locator('.dsp-alt table')).toBeVisible();
  });

  test('killing an executor from the Cluster panel: greyed, replaced, lineage recomputes, output unchanged', async ({ studio, page }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await studio.open();
    // A clean run for reference (same seed: the same records and output).
    await stepTo(page, studio, 1, 4);
    const clean = await studio.consoleLines();
    await studio.stopButton.click();

    // A fresh run; kill executor 1 after batch 2.
    await stepTo(page, studio, 1, 2);
    let r = await openPanel(page, 'Cluster');
    await r.getByRole('button', { name: 'Kill executor 1' }).click();
    await expect(r.locator('svg g.exec.dead')).toHaveCount(1);
    // The cluster manager launches a replacement, which registers with the driver.
    await expect.poll(async () => (await runModel(page)).executors, { timeout: TIMEOUTS.firstBatch })
      .toEqual([{ id: '0', status: 'alive' }, { id: '1', status: 'dead' }, { id: '2', status: 'alive', replacementOf: '1' }]);
    await expect(r.locator('svg g.exec.replacement')).toHaveCount(1);
    await expect(r.locator('svg g.exec.replacement')).toContainText('replaces 1');
    await expect(r.getByRole('button', { name: /^Kill executor /, disabled: false })).toHaveCount(2);
    await shootPanel(page, r, `${SHOTS}/cluster-killed.png`);
    await r.getByRole('button', { name: 'Table' }).click();
    await expect(r.locator('.dsp-alt tr.dsp-dead')).toContainText('1');
    await r.getByRole('button', { name: 'Chart' }).click();

    // The shown batch lost the map outputs executor 1 held.
    r = await openPanel(page, 'Lineage');
    await expect(r).toContainText(/Batch 2000 ms: .*, [1-9]\d* lost/);
    await expect(r.locator('svg rect.dsp-cell.lost')).not.toHaveCount(0);
    await shootPanel(page, r, `${SHOTS}/lineage-lost.png`);

    // The next batch resubmits the lost stages: recomputed partitions; the printed output is unchanged.
    await stepTo(page, studio, 3, 4);
    await expect(r).toContainText(/Batch 4000 ms:/);
    const slider = r.getByRole('slider', { name: 'Batch' });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(r).toContainText(/Batch 3000 ms: .*, [1-9]\d* recomputed/);
    await expect(r.locator('svg g.stage.recomputing')).not.toHaveCount(0);
    await shootPanel(page, r, `${SHOTS}/lineage-recomputed.png`);
    r = await openPanel(page, 'Tasks');
    await expect(r).toContainText(/[1-9]\d* retries/);
    await shootPanel(page, r, `${SHOTS}/tasks-recomputed.png`);
    await r.getByRole('button', { name: 'Live' }).click();
    const after = await studio.consoleLines();
    for (const t of [1000, 2000, 3000, 4000]) expect(printedBatch(after, t), `batch ${t}`).toEqual(printedBatch(clean, t));
  });
});

import { readFileSync } from 'node:fs';
import { test, expect, TIMEOUTS } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * Simulation controls against the real engine (driver worker, Web Worker executors): play / pause / step /
 * speed, a batch breakpoint, saving a recorded run and replaying it after a reload, the guided fault
 * narration while an executor is killed, and restarting the driver from its checkpoint.
 * Screenshots go to $SIM_SHOTS (default /tmp/sim-shots; look at them).
 */

const SHOTS = process.env.SIM_SHOTS ?? '/tmp/sim-shots';
type StoreWindow = { __studio: { store: { getState(): Record<string, unknown> } } };

async function openExample(page: Page, file: string) {
  const doc = readFileSync(`public/examples/${file}.json`, 'utf8');
  await page.getByTestId('open-file').setInputFiles({ name: `${file}.json`, mimeType: 'application/json', buffer: Buffer.from(doc) });
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
}

const sim = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as StoreWindow).__studio.store.getState();
  const st = s.sim as { status: string; batchesCompleted: number; lastBatchTime?: number; replay?: { name: string } };
  return { ...st, consoleLines: s.consoleLines as string[] };
});

const status = (page: Page) => page.getByRole('toolbar', { name: 'Run controls' }).getByRole('status').first();
const headers = (lines: string[]) => lines.filter((l) => /^Time: \d+ ms$/.test(l.trim())).map((l) => l.trim());

async function step(page: Page, studio: { expectConsole(t: RegExp): Promise<void> }, n: number) {
  const button = page.getByRole('button', { name: 'Step', exact: true });
  await expect(button).toBeEnabled({ timeout: TIMEOUTS.appReady });
  await button.click();
  await studio.expectConsole(new RegExp(`Time: ${n}000 ms`));
}

test.describe('simulation', () => {
  test.beforeEach(async ({ page }) => { await page.setViewportSize({ width: 1440, height: 900 }); });

  test('play, pause, step and speed drive the simulated clock', async ({ studio, page }) => {
    test.setTimeout(150_000);
    await studio.open();
    await openExample(page, 'wordcount');
    await step(page, studio, 1);
    await expect(status(page)).toContainText('Paused');
    expect((await sim(page)).batchesCompleted).toBe(1);
    // Speed: the slider sets 10× (its right end).
    const speed = page.getByRole('slider', { name: 'Speed' });
    await speed.fill('100');
    await expect(speed).toHaveAttribute('aria-valuetext', '10×');
    await studio.run();
    await expect(status(page)).toContainText('Running');
    await expect.poll(async () => (await sim(page)).batchesCompleted, { timeout: TIMEOUTS.firstBatch }).toBeGreaterThanOrEqual(4);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(status(page)).toContainText('Paused');
    const paused = (await sim(page)).batchesCompleted;
    await page.waitForTimeout(1500);
    expect((await sim(page)).batchesCompleted).toBe(paused);
    // Step after pause: exactly one more batch.
    await step(page, studio, paused + 1);
    await expect.poll(async () => (await sim(page)).batchesCompleted).toBe(paused + 1);
    await studio.stopButton.click();
  });

  test('a batch breakpoint pauses the running clock at that batch', async ({ studio, page }) => {
    test.setTimeout(150_000);
    await studio.open();
    await openExample(page, 'wordcount');
    await page.getByRole('slider', { name: 'Speed' }).fill('85');
    await page.getByTestId('breakpoints-menu').click();
    const editor = page.getByRole('group', { name: 'Breakpoints' });
    await editor.getByRole('spinbutton', { name: 'Pause after batch' }).fill('3000');
    await editor.getByRole('button', { name: 'Add' }).first().click();
    await expect(editor.getByText('batch 3000 ms')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/breakpoints.png` });
    await page.keyboard.press('Escape');
    await studio.run();
    await expect(page.getByText('Paused at breakpoint: batch 3000 ms completed.')).toBeVisible({ timeout: TIMEOUTS.firstBatch });
    await expect(status(page)).toContainText('Paused');
    const s = await sim(page);
    expect(s.lastBatchTime).toBe(3000);
    expect(headers(s.consoleLines).at(-1)).toBe('Time: 3000 ms');
    await page.waitForTimeout(1200);
    expect((await sim(page)).batchesCompleted).toBe(3);
    await studio.stopButton.click();
  });

  test('a record breakpoint (a JS expression, evaluated in the worker) pauses when its node sees a match', async ({ studio, page }) => {
    test.setTimeout(150_000);
    await studio.open();
    await openExample(page, 'wordcount');
    await page.getByTestId('breakpoints-menu').click();
    const editor = page.getByRole('group', { name: 'Breakpoints' });
    await editor.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'wordCounts' });
    await editor.getByRole('combobox', { name: 'Match' }).selectOption('expression');
    // A broken expression is refused with the reason, in the console.
    await editor.getByRole('textbox', { name: 'Pattern' }).fill('r.includes(');
    await editor.getByRole('button', { name: 'Add' }).last().click();
    await editor.getByRole('button', { name: /Remove breakpoint/ }).click();
    await editor.getByRole('textbox', { name: 'Pattern' }).fill('r.includes("dstream")');
    await editor.getByRole('button', { name: 'Add' }).last().click();
    await expect(editor.getByText('wordCounts: JS expression r.includes("dstream")')).toBeVisible();
    await page.keyboard.press('Escape');
    await studio.run();
    await expect(page.getByText('Paused at breakpoint: node wordCounts saw (dstream,1) in batch 2000 ms.')).toBeVisible({ timeout: TIMEOUTS.firstBatch });
    await expect(status(page)).toContainText('Paused');
    await page.waitForTimeout(1200);
    const s = await sim(page);
    expect(s.batchesCompleted).toBe(2);
    await studio.stopButton.click();
  });

  test('fault-tolerance toggles in the cluster settings write the graph conf (applied on the next Run)', async ({ studio, page }) => {
    await studio.open();
    await openExample(page, 'wordcount');
    await page.locator('summary.cluster-summary').click();
    const ft = page.getByRole('group', { name: 'Fault tolerance (applied on the next Run)' });
    await ft.getByRole('checkbox', { name: 'Write-ahead log' }).check();
    await ft.getByRole('combobox', { name: 'Receiver replication' }).selectOption({ label: '1 copy (MEMORY_AND_DISK_SER)' });
    await ft.getByRole('checkbox', { name: 'Speculation' }).check();
    await page.screenshot({ path: `${SHOTS}/fault-tolerance.png` });
    const g = await page.evaluate(() => (window as unknown as { __studio: { store: { getState(): { currentGraph(): { conf?: Record<string, string>; checkpointDir?: string } } } } }).__studio.store.getState().currentGraph());
    expect(g.conf).toEqual({ 'spark.streaming.receiver.writeAheadLog.enable': 'true', 'spark.studio.receiver.storageLevel': 'MEMORY_AND_DISK_SER', 'spark.speculation': 'true' });
    expect(g.checkpointDir).toBeTruthy();
    await ft.getByRole('checkbox', { name: 'Speculation' }).uncheck();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __studio: { store: { getState(): { currentGraph(): { conf?: Record<string, string> } } } } }).__studio.store.getState().currentGraph().conf?.['spark.speculation'])).toBeUndefined();
  });

  test('save a run, reload, open it: the panels and the console show the same run', async ({ studio, page }) => {
    test.setTimeout(150_000);
    await studio.open();
    await openExample(page, 'stateful-wordcount');
    for (let i = 1; i <= 3; i++) await step(page, studio, i);
    await studio.stopButton.click();
    const before = await sim(page);
    const runModel = () => page.evaluate(() => {
      const s = (window as unknown as StoreWindow).__studio.store.getState();
      return JSON.stringify({ run: s.run, results: s.results });
    });
    const modelBefore = await runModel();

    await page.locator('summary', { hasText: 'File' }).first().click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save run…' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('statefulnetworkwordcount.run.json');
    const text = readFileSync(await file.path(), 'utf8');

    await page.reload();
    await expect(studio.shell).toBeVisible({ timeout: TIMEOUTS.appReady });
    expect((await sim(page)).batchesCompleted).toBe(0);
    // A broken file shows its problems and keeps the current state.
    await page.getByTestId('open-run-file').setInputFiles({ name: 'broken.run.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"events":[{"time":1}]}') });
    const problems = page.getByRole('dialog');
    await expect(problems).toContainText('Could not open the run broken.run.json');
    await expect(problems).toContainText('events[0] has no "type"');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('replay-badge')).toHaveCount(0);

    await page.getByTestId('open-run-file').setInputFiles({ name: 'saved.run.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('replay-badge')).toBeVisible();
    const after = await sim(page);
    expect(after.batchesCompleted).toBe(3);
    expect(after.consoleLines).toEqual(before.consoleLines);
    expect(headers(after.consoleLines)).toEqual(['Time: 1000 ms', 'Time: 2000 ms', 'Time: 3000 ms']);
    await expect(studio.console).toContainText('Time: 3000 ms');
    expect(JSON.parse(await runModel())).toEqual(JSON.parse(modelBefore));
    await page.getByRole('tab', { name: 'Streaming statistics', exact: true }).click().catch(() => {});
    await page.screenshot({ path: `${SHOTS}/replay.png` });
    // Run starts a live run again: the badge goes.
    await studio.run();
    await expect(page.getByTestId('replay-badge')).toHaveCount(0);
    await studio.stopButton.click();
  });

  test('guided fault mode narrates an executor kill step by step', async ({ studio, page }) => {
    test.setTimeout(180_000);
    await studio.open();
    await openExample(page, 'fault-tolerance-demo');
    await page.getByRole('button', { name: 'Guided faults' }).click();
    await expect(page.getByRole('button', { name: 'Guided faults' })).toHaveAttribute('aria-pressed', 'true');
    for (let i = 1; i <= 2; i++) await step(page, studio, i);
    await page.getByRole('tab', { name: 'Cluster', exact: true }).click();
    const cluster = page.getByRole('region', { name: 'Cluster', exact: true });
    await cluster.getByRole('button', { name: /Kill executor 1/ }).click();
    const box = page.getByRole('region', { name: 'Guided fault' });
    await expect(box).toBeVisible();
    await expect(box.getByRole('heading')).toHaveText('Executor 1 killed');
    await expect(box.locator('[data-step="killed"]')).toHaveAttribute('data-state', 'done');
    await expect(box.locator('[data-step="removed"]')).toHaveAttribute('data-state', 'done');
    await page.screenshot({ path: `${SHOTS}/guided-1.png` });
    await step(page, studio, 3);
    await step(page, studio, 4);
    await expect(box.locator('[data-step="replacement"]')).toHaveAttribute('data-state', 'done', { timeout: TIMEOUTS.firstBatch });
    await expect(box.locator('[data-step="batchDone"]')).toHaveAttribute('data-state', 'done');
    await expect(box).toContainText('Recovered.');
    await page.screenshot({ path: `${SHOTS}/guided-done.png` });
    // The same narration in Chinese.
    await page.evaluate(() => (window as unknown as { __studio: { store: { getState(): { setLang(l: string): void } } } }).__studio.store.getState().setLang('zh-CN'));
    await expect(page.getByRole('region', { name: '故障引导' }).getByRole('heading')).toHaveText('Executor 1 被终止');
    await page.screenshot({ path: `${SHOTS}/guided-zh.png` });
    await page.evaluate(() => (window as unknown as { __studio: { store: { getState(): { setLang(l: string): void } } } }).__studio.store.getState().setLang('en'));
    await studio.stopButton.click();
  });

  test('restart the driver from its checkpoint: the output continues', async ({ studio, page }) => {
    test.setTimeout(180_000);
    await studio.open();
    await openExample(page, 'fault-tolerance-demo');
    await page.getByRole('button', { name: 'Guided faults' }).click();
    for (let i = 1; i <= 3; i++) await step(page, studio, i);
    await page.getByRole('tab', { name: 'Cluster', exact: true }).click();
    await page.getByRole('region', { name: 'Cluster', exact: true }).getByRole('button', { name: 'Restart driver' }).click();
    const box = page.getByRole('region', { name: 'Guided fault' });
    await expect(box.getByRole('heading')).toHaveText('The driver crashed');
    await expect(box.locator('[data-step="recovered"]')).toHaveAttribute('data-state', 'done', { timeout: TIMEOUTS.firstBatch });
    await expect(page.getByText(/A new driver recovered from checkpoint-3000/)).toBeVisible();
    // The recovered driver re-runs batch 3000 and continues with 4000, 5000.
    await step(page, studio, 4);
    await step(page, studio, 5);
    await expect(box).toContainText('Recovered.');
    const lines = (await sim(page)).consoleLines;
    const h = headers(lines);
    expect(h.slice(0, 3)).toEqual(['Time: 1000 ms', 'Time: 2000 ms', 'Time: 3000 ms']);
    expect(h).toContain('Time: 4000 ms');
    expect(h).toContain('Time: 5000 ms');
    expect(h.filter((x) => x === 'Time: 3000 ms').length).toBe(2);
    await page.screenshot({ path: `${SHOTS}/driver-restart.png` });
    await studio.stopButton.click();
  });
});

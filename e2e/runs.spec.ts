import { readFileSync } from 'node:fs';
import { test, expect, TIMEOUTS } from './fixtures';
import type { Page } from '@playwright/test';
import { openPanel, shootPanel } from './panels.helpers';

/**
 * Runs and faults as a new user meets them, against the real engine (driver worker, Web Worker executors):
 * a driver restart after executor and receiver faults shows exactly the live cluster; a new document starts with
 * clean panels; the toolbar counts batches as Spark does; a task that never ends names its cause and its node;
 * the start-up steps can be watched; the statistics have time axes and open a batch; saveAsTextFiles lists what it
 * wrote. Screenshots go to $RUNS_SHOTS (default /tmp/runs-shots; look at them).
 */

const SHOTS = process.env.RUNS_SHOTS ?? '/tmp/runs-shots';
type StoreWindow = { __studio: { store: { getState(): Record<string, unknown> } } };

async function openDoc(page: Page, name: string, doc: string) {
  await page.getByTestId('open-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(doc) });
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
}
const openExample = (page: Page, file: string) => openDoc(page, `${file}.json`, readFileSync(`public/examples/${file}.json`, 'utf8'));

const status = (page: Page) => page.getByRole('toolbar', { name: 'Run controls' }).getByRole('status').first();
const stepButton = (page: Page) => page.getByRole('button', { name: 'Step', exact: true });

async function step(page: Page, studio: { expectConsole(t: RegExp): Promise<void> }, n: number) {
  await expect(stepButton(page)).toBeEnabled({ timeout: TIMEOUTS.appReady });
  await stepButton(page).click();
  await studio.expectConsole(new RegExp(`Time: ${n}000 ms`));
}

/** Steps one batch interval and waits until batch n (at n s) has completed, printed or failed. */
async function stepBatch(page: Page, n: number) {
  await expect(stepButton(page)).toBeEnabled({ timeout: TIMEOUTS.appReady });
  await stepButton(page).click();
  await expect.poll(async () => {
    // An opened file is untrusted: its first Step asks for consent before any of its code runs.
    const consent = page.getByTestId('consent-accept');
    if (await consent.isVisible()) await consent.click({ timeout: 2000 }).catch(() => { /* the page's consent handler confirmed it first */ });
    return page.evaluate((t) => {
    const s = (window as unknown as StoreWindow).__studio.store.getState();
      return (s.run as { stats: { batches: Record<number, { status: string }> } }).stats.batches[t]?.status;
    }, n * 1000);
  }, { timeout: TIMEOUTS.firstBatch }).toBe('completed');
}

/** The cluster as the run model holds it (store state only). */
const liveExecutors = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as StoreWindow).__studio.store.getState();
  const c = (s.run as { cluster: { executorOrder: string[]; executors: Record<string, { alive: boolean }> } }).cluster;
  return c.executorOrder.filter((id) => c.executors[id].alive);
});

test.describe('runs and faults', () => {
  test.beforeEach(async ({ page }) => { await page.setViewportSize({ width: 1280, height: 720 }); });

  test('restart driver after executor and receiver faults: the panels show exactly the live cluster', async ({ studio, page }) => {
    test.setTimeout(240_000);
    await studio.open();
    await step(page, studio, 1);
    await step(page, studio, 2);
    const cluster = await openPanel(page, 'Cluster');
    await cluster.getByRole('button', { name: 'Kill executor 1', exact: true }).click();
    await step(page, studio, 3);
    await expect(cluster.getByRole('button', { name: 'Kill executor 2', exact: true })).toBeVisible({ timeout: TIMEOUTS.firstBatch });
    await cluster.getByRole('button', { name: 'Kill executor 0', exact: true }).click();
    // Both copies of some received blocks were on the killed executors: batches may fail now (as in Spark).
    await stepBatch(page, 4);
    await expect(cluster.getByRole('button', { name: 'Kill executor 3', exact: true })).toBeVisible({ timeout: TIMEOUTS.firstBatch });
    await cluster.getByRole('button', { name: 'Crash receiver 0', exact: true }).click();
    await stepBatch(page, 5);
    await cluster.getByRole('button', { name: 'Restart driver', exact: true }).click();
    await expect(page.getByText(/A new driver recovered from checkpoint-/)).toBeVisible({ timeout: TIMEOUTS.firstBatch });
    await stepBatch(page, 6);
    // local-cluster[2,2,1024]: the new driver's two executors, four slots, and a kill button for each of them only.
    await expect.poll(() => liveExecutors(page)).toEqual(['0', '1']);
    await expect(cluster).toContainText(/Step 5 of 5 · 2 live executors · \d\/4 slots busy/);
    await expect(cluster.getByRole('button', { name: /^Kill executor / })).toHaveCount(2);
    await expect(cluster.getByRole('button', { name: 'Kill executor 2', exact: true })).toHaveCount(0);
    await expect(cluster.locator('svg g.exec')).toHaveCount(2);
    await page.screenshot({ path: `${SHOTS}/restart-driver.png` });
    await studio.stopButton.click();
  });

  test('a new document starts with clean panels: console, cluster, toolbar counts and node badges', async ({ studio, page }) => {
    test.setTimeout(180_000);
    await studio.open();
    await step(page, studio, 1);
    await step(page, studio, 2);
    await expect(status(page)).toContainText('2 batches');
    const cluster = await openPanel(page, 'Cluster');
    await expect(cluster).toContainText('Step 5 of 5');
    await expect(page.locator('.op-node__count').first()).toBeVisible();
    await openExample(page, 'wordcount');
    await expect(studio.console).not.toContainText('Time: 1000 ms');
    await expect(status(page)).not.toContainText(/batch|clock/);
    await expect(cluster).not.toContainText('Step 5 of 5');
    await expect.poll(() => page.evaluate(() => {
      const s = (window as unknown as StoreWindow).__studio.store.getState();
      const live = ['running', 'paused', 'loading'].includes((s.sim as { status: string }).status);
      return { counts: Object.keys(s.liveCounts as object).length, events: (s.run as { eventCount: number }).eventCount, live };
    })).toEqual({ counts: 0, events: 0, live: false });
    await expect(page.locator('.op-node__count')).toHaveCount(0);
    // The new document runs from batch 1.
    await step(page, studio, 1);
    await expect(status(page)).toContainText('1 batch');
    await studio.stopButton.click();
  });

  test('opening a saved pipeline or importing a program also starts with clean panels', async ({ studio, page }) => {
    test.setTimeout(180_000);
    await studio.open();
    const first = await page.getByRole('textbox', { name: 'Pipeline name' }).inputValue();
    await openExample(page, 'wordcount');
    await step(page, studio, 1);
    await expect(status(page)).toContainText('1 batch');
    const clean = () => page.evaluate(() => {
      const s = (window as unknown as StoreWindow).__studio.store.getState();
      return { events: (s.run as { eventCount: number }).eventCount, status: (s.sim as { status: string }).status };
    });
    // My pipelines → the one opened first.
    await page.getByText('File', { exact: true }).click();
    await page.getByRole('button', { name: 'My pipelines…' }).click();
    await page.getByRole('dialog', { name: 'My pipelines' }).getByRole('button', { name: new RegExp(`^${first}`) }).click();
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue(first);
    await expect(studio.console).not.toContainText('Time: 1000 ms');
    await expect.poll(clean).toEqual({ events: 0, status: 'idle' });

    await step(page, studio, 1);
    await page.getByText('File', { exact: true }).click();
    await page.getByRole('button', { name: 'Import TypeScript…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a TypeScript program' });
    await dialog.getByRole('textbox', { name: 'Or paste the program' }).fill([
      "import { SparkConf, StreamingContext, Seconds } from '../engine/index';",
      "const ssc = new StreamingContext(new SparkConf().setMaster('local[2]').setAppName('Imported'), Seconds(1));",
      "ssc.queueStream([ssc.sparkContext.parallelize(['a b'])]).flatMap((l) => l.split(' ')).print();",
    ].join('\n'));
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await expect(studio.console).not.toContainText('Time: 1000 ms');
    await expect.poll(clean).toEqual({ events: 0, status: 'idle' });
  });

  test('the toolbar counts batches as Spark does, and every Step changes it (2 s slide on 1 s batches)', async ({ studio, page }) => {
    test.setTimeout(120_000);
    await studio.open();
    const doc = JSON.parse(readFileSync('public/examples/hashtags.json', 'utf8')) as { nodes: { op: string; params: Record<string, unknown> }[] };
    doc.nodes.find((n) => n.op === 'reduceByKeyAndWindow')!.params.slide = 2000;
    await openDoc(page, 'slide2.json', JSON.stringify(doc));
    const batches = status(page).locator('.status__batches');
    const clock = status(page).locator('.status__clock');
    const seen: string[] = [];
    for (const [count, time] of [[null, 'clock 1 s'], ['1 batch', 'clock 2 s'], ['1 batch', 'clock 3 s']] as const) {
      await expect(stepButton(page)).toBeEnabled({ timeout: TIMEOUTS.appReady });
      await stepButton(page).click();
      await expect(clock).toContainText(time, { timeout: TIMEOUTS.firstBatch });
      if (count === null) await expect(batches).toHaveCount(0); else await expect(batches).toHaveText(count);
      seen.push(time);
    }
    // Spark posts no batch for an interval without jobs: the Streaming statistics list the one batch.
    const stats = await openPanel(page, 'Streaming statistics');
    await expect(stats.getByTestId('completed-batches').locator('tbody tr')).toHaveCount(1);
    await expect(clock).toHaveAttribute('title', /3000 ms: no jobs added/);
    expect(seen).toHaveLength(3);
    await studio.stopButton.click();
  });

  test('the start-up can be watched: at 1× each of its five steps is on screen on its own; paused, Step shows them one by one', async ({ studio, page }) => {
    test.setTimeout(120_000);
    await studio.open();
    // What the Cluster panel's summary says, sampled every frame with the real time it first said it.
    await page.evaluate(() => {
      const seen: { step: number; at: number }[] = [];
      (window as unknown as { __startup: typeof seen }).__startup = seen;
      const look = () => {
        const m = /Step (\d) of 5/.exec(document.querySelector('.dsp-summary')?.textContent ?? '');
        if (m && seen.at(-1)?.step !== Number(m[1])) seen.push({ step: Number(m[1]), at: performance.now() });
        requestAnimationFrame(look);
      };
      look();
    });
    await studio.run();
    await studio.expectConsole();
    const seen = (await page.evaluate(() => (window as unknown as { __startup: { step: number; at: number }[] }).__startup)).filter((s) => s.step > 0);
    expect(seen.map((s) => s.step)).toEqual([1, 2, 3, 4, 5]);
    // At 1× a step stays 400 ms of simulated time: at least a few frames each, whatever the machine's speed.
    for (let i = 1; i < 4; i++) expect(seen[i + 1].at - seen[i].at).toBeGreaterThan(250);
    await studio.stopButton.click();

    // Run, pause at once: the start-up holds; each Step shows its next step, then the first batch runs.
    const summary = page.locator('.dsp-summary').first();
    await studio.run();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const shown = async () => Number(/Step (\d) of 5/.exec(await summary.textContent() ?? '')?.[1] ?? 0);
    const at = await shown();
    expect(at).toBeLessThan(4);
    for (let k = at + 1; k <= 4; k++) {
      await stepButton(page).click();
      await expect(summary).toContainText(`Step ${k} of 5`);
      await expect(studio.console).not.toContainText('Time: 1000 ms');
    }
    await stepButton(page).click();
    await studio.expectConsole(/Time: 1000 ms/);
    await expect(summary).toContainText('Step 5 of 5');
    await studio.stopButton.click();
  });

  test('a function that never returns: the console states the cause first, names the node, and the node is marked failing', async ({ studio, page }) => {
    test.setTimeout(150_000);
    await studio.open();
    const doc = JSON.parse(readFileSync('public/examples/hashtags.json', 'utf8')) as { conf?: Record<string, string>; nodes: { id: string; op: string; params: Record<string, unknown> }[] };
    doc.nodes.find((n) => n.id === 'pairs')!.params.f = 'w => { while (true) {} return [w, 1]; }';
    doc.conf = { ...doc.conf, 'spark.studio.task.timeout': '2s' };
    await openDoc(page, 'loop.json', JSON.stringify(doc));
    await studio.run();
    const errors = studio.console.getByRole('list', { name: 'Errors' });
    // The job's error starts with its cause (the first task failure), naming the node, before Spark's "most recent
    // failure"; the same failure in every later batch is one banner with a count, so the cause stays on screen.
    const cause = errors.locator('li.console-error--error .console-error__msg').filter({ hasText: /tagPairs \(map\).*TaskTimeout: task exceeded 2000 ms/ });
    await expect(cause.first()).toBeVisible({ timeout: TIMEOUTS.firstBatch });
    await expect(errors.locator('> li')).toHaveCount(3);
    await expect(errors).not.toContainText(/\.js:\d+:\d+/);
    await expect(page.locator('.react-flow__node[data-id="pairs"] .op-node')).toHaveClass(/is-failing/);
    await expect(page.locator('.react-flow__node[data-id="print"] .op-node')).not.toHaveClass(/is-failing/);
    await page.screenshot({ path: `${SHOTS}/loop-cause.png` });
    await studio.stopButton.click();
  });

  test('saveAsTextFiles: the Results view lists the batch directories and their part files, and opens them', async ({ studio, page }) => {
    test.setTimeout(120_000);
    await studio.open();
    const doc = JSON.parse(readFileSync('public/examples/hashtags.json', 'utf8')) as { nodes: { id: string; op: string; params: Record<string, unknown>; label?: string }[] };
    const sink = doc.nodes.find((n) => n.op === 'print')!;
    sink.op = 'saveAsTextFiles';
    sink.params = { prefix: 'out/tags', suffix: 'txt' };
    await openDoc(page, 'save.json', JSON.stringify(doc));
    await stepBatch(page, 1);
    await stepBatch(page, 2);
    await studio.console.getByRole('button', { name: 'Results', exact: true }).click();
    const dirs = studio.console.getByRole('list', { name: 'Directories written' });
    await expect(dirs).toContainText('out/tags-2000.txt/');
    await expect(dirs).toContainText('out/tags-1000.txt/');
    await expect(dirs.locator('> li').first()).toContainText('out/tags-2000.txt/');   // newest first
    await expect(dirs.locator('> li').first().getByRole('button', { name: '_SUCCESS' })).toBeVisible();
    await dirs.locator('> li').first().getByRole('button', { name: 'part-00000' }).click();
    const file = studio.console.getByLabel('out/tags-2000.txt/part-00000');
    await expect(file).toContainText(/\(#\w+,\d+\)/);
    await page.screenshot({ path: `${SHOTS}/saved-files.png` });
    await studio.stopButton.click();
  });

  test('streaming statistics as in the Spark UI: time axes, total = scheduling + processing, a point opens its batch', async ({ studio, page }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await studio.open();
    for (let i = 1; i <= 4; i++) await stepBatch(page, i);
    const r = await openPanel(page, 'Streaming statistics');
    // Every timeline has a time axis (batch times on the simulated clock) and no value above its top tick.
    const charts = r.locator('.dsp-metric svg[role="group"]');
    await expect(charts.first()).toBeVisible();
    const axes = await charts.evaluateAll((svgs) => svgs.map((svg) => {
      const x = [...svg.querySelectorAll('g.xaxis text')].map((n) => n.textContent);
      const tickYs = [...svg.querySelectorAll('g.axis text')].map((n) => Number(n.getAttribute('y')));
      const dotYs = [...svg.querySelectorAll('g.dots circle')].map((n) => Number(n.getAttribute('cy')));
      return { x, topTick: Math.min(...tickYs), highestDot: Math.min(...dotYs) };
    }));
    expect(axes.length).toBeGreaterThanOrEqual(4);
    for (const a of axes) {
      expect(a.x.length).toBeGreaterThanOrEqual(2);
      expect(a.x.every((l) => /^\d+(\.\d)? s$/.test(l ?? ''))).toBe(true);
      expect(a.highestDot).toBeGreaterThanOrEqual(a.topTick);
    }
    // Spark's delays are on one clock: total delay = scheduling delay + processing time, labelled as simulated.
    await expect(r.locator('[data-metric="totalDelay"]')).toContainText('Total delay (simulated clock)');
    const rows = await r.getByTestId('completed-batches').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const ms = (s: string) => { const m = /([\d.]+) (ms|s)/.exec(s); return m ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : NaN; };
    for (const row of rows) expect(ms(row[5])).toBeCloseTo(ms(row[3]) + ms(row[4]), 0);
    // Clicking a point of a timeline opens that batch, with Spark's BatchPage table.
    await r.locator('[data-metric="processingTime"] ~ svg .dsp-point[data-batch="2000"]').first().click();
    const detail = r.getByTestId('batch-detail');
    await expect(detail.getByRole('heading')).toHaveText('Batch 2000 ms');
    const jobs = detail.getByTestId('batch-jobs');
    await expect(jobs.locator('thead')).toContainText('Stages: Succeeded/Total');
    await expect(jobs.locator('thead')).toContainText('Tasks (for all stages): Succeeded/Total');
    await expect(jobs.locator('tbody tr').first()).toContainText(/print at print.*Succeeded/);
    await expect(jobs.locator('tbody tr').first()).toContainText(/\d+\/\d+/);
    await page.screenshot({ path: `${SHOTS}/stats-1920.png` });
    await shootPanel(page, r, `${SHOTS}/batch-page.png`);
    await page.evaluate(() => (window as unknown as { __studio: { store: { getState(): { setLang(l: string): void } } } }).__studio.store.getState().setLang('zh-CN'));
    await page.screenshot({ path: `${SHOTS}/stats-zh.png` });
    await page.evaluate(() => (window as unknown as { __studio: { store: { getState(): { setLang(l: string): void } } } }).__studio.store.getState().setLang('en'));
    await studio.stopButton.click();
  });
});

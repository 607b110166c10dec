/**
 * Teaching mode in the real browser: lessons 2 (architecture, the local[1] pitfall) and 6 (fault tolerance) completed
 * as a learner would; every lesson step read in Chinese with no English UI text outside code and Spark's names;
 * presenter mode driven from the keyboard. Screenshots go to e2e/__screenshots__/lessons/.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, TIMEOUTS } from './fixtures';

const SHOTS = 'e2e/__screenshots__/lessons';
const lessonPanel = (page: Page) => page.getByRole('complementary', { name: /^(Lesson|课程)$/ });

async function openLesson(page: Page, title: RegExp) {
  await page.getByRole('button', { name: /^(Lessons|课程)$/ }).click();
  const panel = lessonPanel(page);
  await panel.getByRole('button', { name: title }).click();
  await expect(panel.locator('.lesson-step')).toBeVisible({ timeout: TIMEOUTS.appReady });
  return panel;
}

/** The current step is done (its ✓ badge shows). */
async function expectStepDone(panel: Locator, timeout: number = TIMEOUTS.firstBatch) {
  await expect(panel.locator('.lesson-step .lesson-badge--done')).toBeVisible({ timeout });
}
async function expectStep(panel: Locator, id: string) {
  await expect(panel.locator(`.lesson-step[data-step="${id}"]`)).toBeVisible({ timeout: TIMEOUTS.appReady });
}
const next = (panel: Locator) => panel.getByRole('button', { name: /^Next →$/ }).click();
const choose = (panel: Locator, option: RegExp) => panel.getByRole('radio', { name: option }).click();
async function predictNumber(panel: Locator, n: number) {
  await panel.getByLabel('Your prediction').fill(String(n));
  await panel.getByRole('button', { name: 'Lock in' }).click();
}
const stepButton = (page: Page) => page.getByRole('button', { name: 'Step', exact: true });
async function step(page: Page, times = 1) {
  for (let i = 0; i < times; i++) {
    const before = await page.locator('.status__batches').textContent().catch(() => null);
    await expect(stepButton(page)).toBeEnabled({ timeout: TIMEOUTS.appReady });
    await stepButton(page).click();
    // One batch later (the status shows the batch count), or at least the run is loaded and paused.
    await expect.poll(async () => (await page.locator('.status__batches').textContent().catch(() => null)) !== before
      || (await page.locator('.status').textContent())?.includes('Paused'), { timeout: TIMEOUTS.firstBatch }).toBe(true);
  }
}
async function stop(page: Page) {
  const b = page.getByRole('button', { name: 'Stop', exact: true });
  if (await b.isEnabled()) await b.click();
  await expect(page.locator('.status')).toContainText(/Stopped|Ready|Failed/, { timeout: TIMEOUTS.appReady });
}
const masterUrl = (page: Page) => page.locator('.cluster-summary code');
/** Opens the run bar's Cluster menu, sets the master mode and cores, closes the menu. */
async function setMaster(page: Page, mode: 'local' | 'cluster' | null, cores: number) {
  await page.locator('.cluster-summary').click();
  const settings = page.locator('fieldset.cluster');
  await expect(settings).toBeEnabled();
  if (mode) await settings.getByRole('combobox', { name: 'Master' }).selectOption(mode);
  await settings.getByRole('spinbutton', { name: 'Cores' }).fill(String(cores));
  await page.locator('.cluster-summary').click();
}

test.describe('lessons', () => {
  test('lesson 2, architecture: start-up, slots and the local[1] pitfall', async ({ page, studio }) => {
    await studio.open();
    const panel = await openLesson(page, /Architecture/);
    await expect(page.getByRole('textbox', { name: /Pipeline name/i }).or(page.locator('.pipeline-name'))).toHaveValue(/architecture/);
    await page.screenshot({ path: `${SHOTS}/architecture-start.png` });
    await next(panel);

    await expectStep(panel, 'startup');
    await choose(panel, /driver creates the StreamingContext/);
    await step(page);
    await expectStepDone(panel);
    await expect(panel.locator('.lesson-reveal.is-right')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Cluster', exact: true })).toBeVisible();
    await next(panel);

    await expectStep(panel, 'slots');
    await predictNumber(panel, 1);
    await step(page, 2);
    await expectStepDone(panel);
    await next(panel);

    await expectStep(panel, 'local1');
    await choose(panel, /Wait forever/);
    await stop(page);
    await setMaster(page, 'local', 1);
    await expect(masterUrl(page)).toHaveText('local[1]');
    await expectStepDone(panel, 5_000);
    await next(panel);

    await expectStep(panel, 'local1-run');
    await stepButton(page).click();
    await expectStepDone(panel);
    await expect(studio.console).toContainText('every task slot is held by a receiver');
    await page.screenshot({ path: `${SHOTS}/architecture-local1.png` });
    await next(panel);

    await expectStep(panel, 'fix');
    await stop(page);
    await setMaster(page, null, 2);
    await expect(masterUrl(page)).toHaveText('local[2]');
    await step(page);
    await expectStepDone(panel);
    await expect(panel.getByText('Lesson complete')).toBeVisible();
    await expect(panel.locator('.lesson-dot.is-done')).toHaveCount(6);
    await page.screenshot({ path: `${SHOTS}/architecture-complete.png` });
  });

  test('lesson 6, fault tolerance: task, receiver, driver, exactly-once, executor', async ({ page, studio }) => {
    test.setTimeout(240_000);
    await studio.open();
    const panel = await openLesson(page, /Fault tolerance/);
    await next(panel);

    await expectStep(panel, 'warmup');
    await choose(panel, /After it is written to the log/);
    await step(page, 2);
    await expectStepDone(panel);
    await next(panel);

    await expectStep(panel, 'task');
    await choose(panel, /retried/);
    await page.getByRole('tab', { name: 'Cluster', exact: true }).click();
    const cluster = page.getByRole('region', { name: 'Cluster', exact: true });
    await cluster.getByRole('button', { name: 'Fail next task' }).click();
    await step(page);
    await expectStepDone(panel);
    await next(panel);

    await expectStep(panel, 'receiver');
    await predictNumber(panel, 0);
    await cluster.getByRole('button', { name: /^Crash receiver / }).first().click();
    for (let i = 0; i < 5 && !(await panel.locator('.lesson-step .lesson-badge--done').isVisible()); i++) await step(page);
    await expectStepDone(panel);
    await expect(panel.locator('.lesson-reveal.is-right')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/fault-receiver.png` });
    await next(panel);

    await expectStep(panel, 'driver');
    await choose(panel, /configuration, the DStream graph/);
    await cluster.getByRole('button', { name: 'Restart driver' }).click();
    await expectStepDone(panel);
    await next(panel);

    await expectStep(panel, 'exactly-once');
    await expect(page.locator('.pipeline-name')).toHaveValue(/Kafka|ExactlyOnce/i);
    await choose(panel, /Replayable offsets/);
    await step(page, 2);
    await expectStepDone(panel);
    await next(panel);

    await expectStep(panel, 'executor');
    await expect(masterUrl(page)).toHaveText(/local-cluster/);
    await choose(panel, /the output is identical/);
    await step(page, 2);
    await page.getByRole('tab', { name: 'Cluster', exact: true }).click();
    await cluster.getByRole('button', { name: /^Kill executor / }).first().click();
    await step(page, 2);
    await expectStepDone(panel);
    await expect(panel.getByText('Lesson complete')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/fault-complete.png` });
  });

  test('zh-CN: every step of every lesson has no English UI text outside code and Spark names', async ({ page, studio }) => {
    test.setTimeout(180_000);
    await studio.open();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('button', { name: '课程', exact: true }).click();
    const panel = lessonPanel(page);
    const titles = panel.locator('.lesson-list__item');
    await expect(titles).toHaveCount(7);
    // Spark's and the studio's proper names, and words that are code; everything else must be Chinese.
    const allowed = new Set(['A', 'B', 'C', 'Spark', 'Streaming', 'StreamingContext', 'SparkContext', 'Driver', 'Executor', 'DStream', 'DAG', 'RDD', 'Receiver', 'master',
      'local', 'cluster', 'Kafka', 'WAL', 'PID', 'Lineage', 'Twitter', 'TypeScript', 'Scala', 'PySpark', 'Java', 'Python', 'ms', 'upsert', 'Top',
      'exactly', 'once', 'least', 'at', 'minRate', 'Esc', 'S', 'id', 'Master', 'getTags', 'countByValue', 'flatMap', 'map', 'print', 'foreachRDD',
      'updateStateByKey', 'mapWithState', 'reduceByKeyAndWindow', 'countByValueAndWindow', 'saveAsTextFiles', 'glom', 'queueStream', 'NetworkWordCount',
      'hello', 'world', 'spark', 'streaming', 'Time', 'No', 'output', 'operations', 'registered', 'so', 'nothing', 'to', 'execute', 'txt', 'out', 'words', 'part']);
    const englishIn = async () => {
      const text = await panel.evaluate((el) => {
        const out: string[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('code, pre')) out.push(n.textContent ?? '');
        // Accessible names and tooltips are UI text too.
        el.querySelectorAll('[aria-label], [title]').forEach((x) => out.push(x.getAttribute('aria-label') ?? '', x.getAttribute('title') ?? ''));
        return out.join(' ');
      });
      return (text.match(/[A-Za-z][A-Za-z-]*/g) ?? []).filter((w) => !allowed.has(w));
    };
    const n = await titles.count();
    for (let i = 0; i < n; i++) {
      await titles.nth(i).click();
      await expect(panel.locator('.lesson-step')).toBeVisible({ timeout: TIMEOUTS.appReady });
      const dots = panel.locator('.lesson-dot');
      const steps = await dots.count();
      for (let s = 0; s < steps; s++) {
        await dots.nth(s).click();
        await expect(dots.nth(s)).toHaveAttribute('aria-current', 'step');
        const id = await panel.locator('.lesson-step').getAttribute('data-step');
        expect(await englishIn(), `lesson ${i + 1}, step ${id}`).toEqual([]);
      }
      if (i === 1) await page.screenshot({ path: `${SHOTS}/architecture-zh.png` });
      await panel.getByRole('button', { name: /全部课程/ }).click();
    }
  });

  test('presenter mode: clean canvas, captions and the keyboard flow', async ({ page, studio }) => {
    await studio.open();
    await expect(page.getByRole('complementary', { name: 'Operators' }).or(page.locator('.palette'))).toBeVisible();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect(page.locator('.palette')).toBeHidden();
    await expect(page.locator('.inspector')).toBeHidden();
    const panel = lessonPanel(page);
    await panel.getByRole('button', { name: /Design idea/ }).click();
    await expectStep(panel, 'idea');
    await expect(panel).toHaveCSS('font-size', '19px');

    await page.keyboard.press('ArrowRight');
    await expectStep(panel, 'first-batch');
    await predictNumber(panel, 5);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });   // focus out of the input
    await page.keyboard.press('s');
    await expectStepDone(panel);
    await expect(panel.locator('.lesson-reveal.is-right')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/presenter.png` });

    await page.keyboard.press('PageDown');
    await expectStep(panel, 'same-dag');
    await page.keyboard.press(' ');
    await expect(page.locator('.status')).toContainText('Running', { timeout: TIMEOUTS.firstBatch });
    await page.keyboard.press(' ');
    await expect(page.locator('.status')).toContainText('Paused', { timeout: TIMEOUTS.firstBatch });
    await page.keyboard.press('ArrowLeft');
    await expectStep(panel, 'first-batch');
    await page.keyboard.press('PageUp');
    await expectStep(panel, 'idea');

    await page.keyboard.press('Escape');
    await expect(page.locator('.palette')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Present', exact: true })).toHaveAttribute('aria-pressed', 'false');
    // The lesson stays open beside the editor.
    await expectStep(panel, 'idea');
  });
});

import { readFileSync } from 'node:fs';
import { test, expect, TIMEOUTS } from './fixtures';
import type { Download, Page } from '@playwright/test';

/**
 * File → "Export with this run's data": disabled (and saying why) until a run completed a batch; then it downloads
 * the program with the simulated source replaced by a queueStream of what the run's source delivered.
 */

const SHOTS = 'e2e/__screenshots__/runData';

async function downloadText(page: Page, trigger: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), trigger()]) as [Download, void];
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
}

async function openExample(page: Page, title: string) {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /examples/i });
  await dialog.getByRole('button', { name: new RegExp(title) }).click();
  await expect(dialog).toBeHidden();
}

const fileMenu = (page: Page) => page.getByText('File', { exact: true }).click();

test('Export with this run\'s data: waits for a batch, then downloads the program replaying the run\'s tweets', async ({ studio, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await studio.open();
  await page.evaluate(() => localStorage.clear());
  await studio.open();
  await openExample(page, 'Windowed hashtag top-10');

  // Before any run: the entries are there, disabled, and say what to do.
  await fileMenu(page);
  const tsEntry = page.getByRole('button', { name: "Export with this run's data → TypeScript" });
  await expect(tsEntry).toBeDisabled();
  // the plain export entries keep their own names (other specs find them by name)
  await expect(page.getByRole('button', { name: 'Export → Scala' })).toHaveCount(1);
  await expect(page.getByTestId('run-data-needs-run')).toContainText('Run or Step the pipeline first');
  await page.screenshot({ path: `${SHOTS}/file-menu-no-run.png` });
  await page.keyboard.press('Escape');

  // One batch.
  await studio.run();
  await studio.expectConsole(/Time: 1000 ms/, TIMEOUTS.firstBatch);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();

  await fileMenu(page);
  await expect(tsEntry).toBeEnabled();
  await expect(page.getByTestId('run-data-needs-run')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/file-menu-run.png` });
  const ts = await downloadText(page, () => tsEntry.click());
  expect(ts.name).toMatch(/\.ts$/);
  expect(ts.text).not.toContain('ssc.twitterStream(');
  expect(ts.text).toMatch(/const \w+ = ssc\.queueStream\(\[\n {2}ssc\.sparkContext\.parallelize\(\[\[\{ id: 0, user: '@/);
  expect(ts.text).toMatch(/the records this run's sources delivered in its first \d+ batch/);
  expect(ts.text).toContain("hashtags: ['#");

  await fileMenu(page);
  const scala = await downloadText(page, () => page.getByRole('button', { name: "Export with this run's data → Scala" }).click());
  expect(scala.text).not.toContain('TwitterUtils');
  expect(scala.text).toContain('case class RecordedStatus');
  expect(scala.text).toMatch(/RecordedStatus\(0L, "@\w+", /);

  // Still there after Stop (taken from the driver before its realm goes).
  await studio.stopButton.click();
  await fileMenu(page);
  const py = await downloadText(page, () => page.getByRole('button', { name: "Export with this run's data → PySpark" }).click());
  expect(py.text).toMatch(/= ssc\.queueStream\(\[\n\s+ssc\.sparkContext\.parallelize\(\[\[\{'id': 0, 'user': '@/);
  expect(py.text).not.toContain('TwitterUtils');
});

test('zh-CN: the menu entries and their note are in Chinese', async ({ studio, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await studio.open();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByText('文件', { exact: true }).click();
  await expect(page.getByRole('button', { name: '连同本次运行的数据导出 → TypeScript' })).toBeDisabled();
  await expect(page.getByTestId('run-data-needs-run')).toContainText('请先运行或单步执行流水线');
  await page.screenshot({ path: `${SHOTS}/file-menu-zh.png` });
});

import { test, expect, TIMEOUTS } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { ALLOWED_LATIN, lessonIndex, tr } from './lessons.helpers';
import { operators } from '../engine/graph/registry';
import { lessonProgress } from '../app/i18n/lessonProgress';

/**
 * The whole studio in Chinese after a run: every dock panel (chart and table), every dialog of the File menu and the
 * gallery, every lesson's first step, the run bar and the Cluster menu. Each screen's interface words must be Chinese.
 * Allowed in English: code (<code>, <pre>, editors, the console's printed output), text marked lang="en" (Spark's own
 * error messages, each shown beside a translated explanation), Spark's and the studio's identifiers (operator and
 * parameter names, configuration keys, class names), units and the names in ALLOWED_LATIN.
 */

/** Spark's identifiers, units and proper names that stay English in Chinese text. */
const ALLOWED = new Set([
  ...ALLOWED_LATIN,
  ...operators.flatMap((o) => [o.name, ...Object.keys(o.params ?? {})]),
  'MiB', 'KiB', 'GiB', 'ms', 's', 'min', 'x', 'ID', 'JSON', 'URL', 'UI', 'API', 'CPU', 'Ctrl', 'Shift', 'Alt', 'Enter', 'Delete', 'Backspace', 'Esc',
  'Studio', 'DStreams', 'RDDs', 'Scala', 'Python', 'PySpark', 'TypeScript', 'JavaScript', 'Web', 'Worker', 'Workers', 'worker', 'Node', 'npm',
  'Spark', 'StreamingContext', 'SparkConf', 'SparkContext', 'ReceiverTracker', 'JobGenerator', 'JobScheduler', 'DAGScheduler', 'TaskScheduler',
  'BlockManager', 'ExceptionFailure', 'checkpoint', 'WAL', 'PID', 'Kafka', 'Twitter', 'netcat', 'nc', 'lk', 'localhost', 'tcp', 'GitHub',
  'spark', 'streaming', 'backpressure', 'enabled', 'receiver', 'maxRate', 'initialRate', 'blockInterval', 'task', 'maxFailures', 'speculation',
  'local', 'cluster', 'Local', 'driver', 'Driver', 'Executor', 'executor', 'MEMORY_ONLY', 'MEMORY_AND_DISK', 'MEMORY_AND_DISK_SER_2', 'MEMORY_ONLY_SER',
  'TwitterPopularTags', 'NetworkWordCount', 'id', 'MEMORY_ONLY_SER', 'MEMORY_AND_DISK_SER', 'JobSucceeded', 'JobFailed', 'Shuffle', 'shuffle',
  // Identifiers inside translated help text (operator descriptions quote Spark's and the record's names).
  'TCP', 'Zipf', 'user', 'text', 'hashtags', 'createdAt', 'lang', 'exactly-once', 'true', 'false', 'sortBy', 'CompactBuffer', 'Option', 'None',
  'stream', 'ssc', 'TODO', 'StateSpec', 'numPartitions', 'timeout', 'function', 'rdd', 'ts',
  'Hadoop', 'TextOutputFormat', 'HDFS',
]);
/** Single letters (keyboard shortcuts, K and V of a pair, slot marks) are not words. */
const isWord = (w: string) => w.length > 1 && !ALLOWED.has(w);

/**
 * The Latin words of `root`'s interface text (shown text nodes, SVG text, aria-labels, titles, placeholders), outside
 * code, user data (node names on the canvas) and lang="en", each with the text it came from.
 */
async function englishWords(root: Locator): Promise<Map<string, string>> {
  // The user's own names (nodes' labels and ids, on the canvas and in the panels) are data, not interface words.
  for (const n of (await root.page().evaluate(() => {
    const s = (window as unknown as { __studio: { store: { getState(): { nodes: { id: string; data: { label?: string } }[] } } } }).__studio.store.getState();
    return s.nodes.flatMap((n) => [n.id, n.data.label ?? '']);
  })).flatMap((n) => n.match(/[A-Za-z][A-Za-z'-]*/g) ?? [])) userNames.add(n);
  const chunks = await root.evaluate((el) => {
    const skip = [
      'code', 'pre', 'kbd', '.cm-editor', '.console__out', '[lang="en"]', 'textarea', 'input',
      '.react-flow__node', '.react-flow__attribution', '.palette__name', '.field__name',
    ].join(', ');
    const out: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement;
      if (!p || p.closest(skip) || !p.checkVisibility({ checkVisibilityCSS: true })) continue;
      if (p.closest('.dsp-visually-hidden, .dsp-hidden-visual')) continue;
      out.push(n.textContent ?? '');
    }
    el.querySelectorAll('[aria-label], [title], [placeholder]').forEach((x) => {
      // Regions keep English accessible names (the panels' and the console's: the tests and assistive tech find them by it).
      if (x.closest(skip) || x.matches('section[role="region"], [role="region"][aria-label="Console"]') || !x.checkVisibility()) return;
      out.push(x.getAttribute('aria-label') ?? '', x.getAttribute('title') ?? '', x.getAttribute('placeholder') ?? '');
    });
    return out.filter((t) => /[A-Za-z]/.test(t));
  });
  const words = new Map<string, string>();
  for (const chunk of chunks) {
    // Identifiers (spark.streaming.x, local[2], a.b(), MEMORY_ONLY, max(…), block ids such as input-0-200) and hashtags are code.
    const cleaned = chunk.replace(/\b[a-z]+(?:-\d+)+\b|\b[A-Z]+(?:_[A-Z0-9]+)+\b|\b\w+\([^)]*\)|[\w-]+(?:\.[\w-]+)+(?:\([^)]*\))?|[\w-]+\[[^\]]*\]|#\w+|\b\w+\(\)/g, ' ');
    for (const w of cleaned.match(/[A-Za-z][A-Za-z'-]*/g) ?? []) {
      const word = w.replace(/['-]+$/, '');
      if (isWord(word) && !userNames.has(word) && !words.has(word)) words.set(word, chunk.trim().slice(0, 90));
    }
  }
  return words;
}

/** Every node name seen so far (a panel may still show the previous pipeline's run). */
const userNames = new Set<string>();

const zh = (key: string, vars?: Record<string, string | number>) => tr('zh-CN', key, vars);

async function expectChinese(root: Locator, where: string, found: Map<string, string[]>): Promise<void> {
  const words = await englishWords(root);
  if (words.size) found.set(where, [...words].map(([w, from]) => `${w} («${from}»)`));
}

async function stepBatches(page: Page, n: number): Promise<void> {
  const step = page.getByRole('button', { name: zh('run.step'), exact: true });
  const consoleRegion = page.getByRole('region', { name: 'Console' });
  for (let i = 1; i <= n; i++) {
    await expect(step).toBeEnabled({ timeout: TIMEOUTS.appReady });
    await step.click();
    await expect(consoleRegion).toContainText(`Time: ${i}000 ms`, { timeout: TIMEOUTS.firstBatch });
  }
}

test.describe('i18n', () => {
  test('zh-CN: every panel, dialog and lesson after a run shows Chinese interface words', async ({ studio, page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await studio.open();
    await page.evaluate(() => localStorage.clear());
    await studio.open();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await stepBatches(page, 3);
    const found = new Map<string, string[]>();
    const app = page.locator('.app');

    // The studio with each dock panel, as a chart and as its table.
    for (const tab of await page.getByRole('tablist').first().getByRole('tab').all()) {
      const name = (await tab.textContent()) ?? '';
      await tab.click();
      await page.waitForTimeout(250);
      await expectChinese(app, `studio, panel ${name}`, found);
      const panel = page.getByRole('tabpanel');
      const table = panel.getByRole('button', { name: zh('panels.showTable'), exact: true });
      if (await table.count()) {
        await table.click();
        await expectChinese(panel, `panel ${name} (table)`, found);
        await panel.getByRole('button', { name: zh('panels.showChart'), exact: true }).click();
      }
    }
    // The run bar's Cluster menu.
    await page.locator('.cluster-menu summary').click();
    await expectChinese(page.locator('.cluster-menu'), 'Cluster menu', found);
    await page.keyboard.press('Escape');

    // Dialogs: the gallery, saved pipelines, share, shortcuts, the TypeScript import.
    await page.getByRole('button', { name: zh('examples.button'), exact: true }).click();
    await expectChinese(page.getByRole('dialog'), 'dialog: examples', found);
    await page.keyboard.press('Escape');
    for (const item of [zh('pipelines.title'), zh('share.title'), zh('shortcut.title'), zh('code.menu.import')]) {
      await page.locator('details.menu > summary', { hasText: zh('files.menu') }).click();
      await page.getByRole('button', { name: new RegExp(`^${item}`) }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectChinese(page.getByRole('dialog'), `dialog: ${item}`, found);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    }

    // Every lesson's first step (its own pipeline loads on the canvas).
    const lessonsButton = page.getByRole('button', { name: zh('lessons.button'), exact: true });
    await lessonsButton.click();
    const panel = page.getByRole('complementary', { name: zh('lessons.panel') });
    await expectChinese(panel, 'lesson list', found);
    for (const entry of lessonIndex.lessons) {
      const title = (entry.title['zh-CN'] || entry.title.en).replace(/`/g, '');
      const back = panel.getByRole('button', { name: zh('lessons.all') });
      if (await back.count()) await back.first().click();
      await panel.getByRole('button', { name: title }).click();
      // The run above is still going: opening the first lesson asks before it replaces that pipeline.
      const replace = panel.getByRole('button', { name: lessonProgress['zh-CN']['lessons.replaceYes'] });
      if (await replace.isVisible().catch(() => false)) await replace.click();
      await expect(panel.locator('.lesson-step')).toBeVisible({ timeout: TIMEOUTS.appReady });
      await expectChinese(app, `lesson ${entry.id}`, found);
    }

    const report = [...found].map(([where, words]) => `${where}: ${words.join(', ')}`);
    expect(report, 'English interface words in zh-CN').toEqual([]);
  });
});

import { test, expect, TIMEOUTS, type Studio } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { openPanel } from './panels.helpers';

/**
 * The studio's layout on the small screens people bring (1280×720, 1366×768) and a large one (1920×1080), in both
 * languages. Every check compares boxes (what covers what, what is cut), never pixels, so it holds with any font
 * set: run it with other fonts through FONTCONFIG_FILE (README, Testing).
 */

type Box = { x: number; y: number; width: number; height: number };
const SMALL_SCREENS = [{ width: 1280, height: 720 }, { width: 1366, height: 768 }] as const;
const LANGS = ['en', 'zh-CN'] as const;

/** Two boxes share area (touching edges do not count). */
function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
}
/** `inner` lies inside `outer` (a pixel of slack for sub-pixel layout). */
function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
}
async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error(`${l} is not on screen`);
  return b;
}
async function boxes(l: Locator): Promise<Box[]> {
  return l.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }));
}

/** A fresh studio (the hashtag example) in `lang`, at `size`. */
async function freshStudio(studio: Studio, size: { width: number; height: number }, lang: (typeof LANGS)[number]) {
  const page = studio.page;
  await page.setViewportSize(size);
  await studio.open();
  await page.evaluate(() => localStorage.clear());
  await studio.open();
  await expect(page.locator('.react-flow__node')).toHaveCount(6, { timeout: TIMEOUTS.appReady });
  if (lang !== 'en') {
    await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
    await expect(page.getByRole('button', { name: '运行', exact: true })).toBeVisible();
  }
}

const toolbar = (page: Page) => page.locator('.canvas-toolbar');

/** Step batches `from`..`to` of the running example (Step, then wait for its header in the console). */
async function stepBatches(page: Page, studio: Studio, from: number, to: number) {
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = from; i <= to; i++) {
    await expect(step).toBeEnabled({ timeout: TIMEOUTS.appReady });
    await step.click();
    await studio.expectConsole(new RegExp(`Time: ${i}000 ms`));
  }
}

test.describe('looks', () => {
  test('canvas: the toolbar covers no node and the issue banner never covers the toolbar (1280×720, 1366×768, en and zh-CN)', async ({ studio, page }) => {
    test.setTimeout(150_000);
    for (const size of SMALL_SCREENS) for (const lang of LANGS) {
      const where = `${size.width}×${size.height} ${lang}`;
      await freshStudio(studio, size, lang);
      const tb = await box(toolbar(page));
      const nodes = await boxes(page.locator('.react-flow__node'));
      for (const n of nodes) expect(overlaps(n, tb), `${where}: the toolbar covers a node`).toBe(false);
      // Without an output operation the graph-level error shows (Spark's "No output operations registered…").
      await page.getByLabel(lang === 'en' ? 'print node' : 'print 节点', { exact: true }).click();
      await page.keyboard.press('Delete');
      const issues = page.locator('.canvas-issues .issue');
      await expect(issues.first()).toBeVisible();
      const canvas = await box(page.getByRole('region', { name: lang === 'en' ? 'Pipeline canvas' : '流水线画布' }));
      for (const b of await boxes(issues)) {
        expect(overlaps(b, tb), `${where}: an issue banner covers the toolbar`).toBe(false);
        expect(inside(b, canvas), `${where}: an issue banner leaves the canvas`).toBe(true);
      }
      // The toolbar stays clickable: Undo brings print back.
      await page.getByRole('toolbar').getByRole('button', { name: lang === 'en' ? 'Undo' : '撤销' }).click();
      await expect(page.locator('.react-flow__node')).toHaveCount(6);
    }
  });

  test('dock: every panel tab is fully visible, none cut (1280×720, 1366×768, en and zh-CN)', async ({ studio, page }) => {
    for (const size of SMALL_SCREENS) for (const lang of LANGS) {
      await freshStudio(studio, size, lang);
      const list = page.getByRole('tablist').first();
      const lb = await box(list);
      const tabs = await boxes(list.getByRole('tab'));
      expect(tabs.length).toBeGreaterThanOrEqual(9);
      for (const [i, t] of tabs.entries()) expect(inside(t, lb), `${size.width}×${size.height} ${lang}: tab ${i + 1} is cut`).toBe(true);
      expect(await list.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'the tab strip scrolls sideways').toBe(true);
    }
  });

  test('Cluster diagram: step labels stay in their columns (en and zh-CN); full screen fills the screen; docked at 1920×1080 it shows whole', async ({ studio, page }) => {
    test.setTimeout(150_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await freshStudio(studio, { width: 1280, height: 720 }, 'en');
    await stepBatches(page, studio, 1, 2);
    for (const lang of LANGS) {
      if (lang !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
      const r = await openPanel(page, 'Cluster').catch(async () => {
        await page.getByRole('tab', { name: '集群', exact: true }).click();
        return page.getByRole('region', { name: 'Cluster', exact: true });
      });
      await r.getByRole('button', { name: lang === 'en' ? 'Full screen' : '全屏' }).click();
      await expect(r).toHaveClass(/dsp-fullscreen/);
      const svg = r.locator('svg.dsp-svg');
      await expect(svg.locator('g.step text.l tspan').first()).toBeVisible();
      await page.waitForTimeout(300);
      const sb = await box(svg);
      const labels = await boxes(svg.locator('g.step text.l'));
      expect(labels).toHaveLength(5);
      for (const [i, l] of labels.entries()) {
        expect(inside(l, sb), `${lang}: step ${i + 1}'s label leaves the drawing`).toBe(true);
        if (i > 0) expect(overlaps(l, labels[i - 1]), `${lang}: step labels ${i} and ${i + 1} overlap`).toBe(false);
      }
      // Full screen: the drawing takes most of the room under the panel's header, not a strip at the top.
      const head = await box(r.locator('.dsp-head'));
      const faults = await box(r.locator('.dsp-faults'));
      expect(sb.height, `${lang}: full screen leaves the screen empty`).toBeGreaterThan(0.55 * (faults.y - (head.y + head.height)));
      expect(overlaps(sb, faults), `${lang}: the drawing runs under the fault buttons`).toBe(false);
      await r.getByRole('button', { name: lang === 'en' ? 'Exit full screen' : '退出全屏' }).click();
    }
    // Docked on a large screen, the whole diagram (down to the cluster manager) is in view without scrolling.
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate(() => (window as unknown as { __studio: { store: { getState(): { setDockHeight(px: number): void } } } }).__studio.store.getState().setDockHeight(Math.round(1080 * 0.3)));
    const r = await openPanel(page, 'Cluster');
    await page.waitForTimeout(300);
    const fill = await box(r.locator('.dsp-cluster-fill'));
    for (const node of await boxes(r.locator('svg g.node rect, svg g.worker > rect'))) expect(inside(node, fill), 'the driver, cluster manager or a worker is cut off in the dock').toBe(true);
  });

  test('panels: no PID bound while back-pressure is off; fault buttons keep their place after a kill; plural forms', async ({ studio, page }) => {
    test.setTimeout(150_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await freshStudio(studio, { width: 1366, height: 768 }, 'en');
    await stepBatches(page, studio, 1, 1);
    // Plurals: one batch is "1 batch" (the run bar), never "1 batches".
    await expect(page.getByText(/\b1 batch\b/).first()).toBeVisible();
    await expect(page.locator('body')).not.toContainText(/\b1 (batches|cores|functions|window operations|receivers|lines)\b/);
    await stepBatches(page, studio, 2, 2);

    const bp = await openPanel(page, 'Back-pressure');
    await expect(bp.locator('svg')).toBeVisible();
    await expect(bp).not.toContainText('PID rate bound');
    await expect(bp).not.toContainText(/bound –/);
    await expect(bp.locator('.dsp-summary')).toContainText('actual');

    const cluster = await openPanel(page, 'Cluster');
    const kill1 = cluster.getByRole('button', { name: 'Kill executor 1', exact: true });
    await kill1.scrollIntoViewIfNeeded();
    const before = await box(kill1);
    await kill1.click();
    await expect(cluster.locator('svg g.exec.dead')).toHaveCount(1);
    // The button under the pointer is still "Kill executor 1" (now disabled), not the next executor's.
    await expect(kill1).toBeDisabled();
    const after = await box(kill1);
    expect(Math.abs(after.x - before.x) + Math.abs(after.y - before.y)).toBeLessThan(2);
    const under = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.textContent ?? '', { x: before.x + before.width / 2, y: before.y + before.height / 2 });
    expect(under).toBe('Kill executor 1');
  });

  test('console: repeated warnings fold into one banner, banners are dismissable and leave the output its room', async ({ studio, page }) => {
    await freshStudio(studio, { width: 1280, height: 720 }, 'en');
    await page.evaluate(() => {
      const store = (window as unknown as { __studio: { store: { setState(p: Record<string, unknown>): void } } }).__studio.store;
      const warn = (id: number, message: string) => ({ id, level: 'warning', message });
      store.setState({ consoleErrors: [
        ...Array.from({ length: 6 }, (_, i) => warn(i + 1, 'Spark is running with a single slot left for processing')),
        // Five different warnings (messages that differ only in their numbers fold into one banner).
        ...['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map((w, i) => warn(10 + i, `warning about ${w}`)),
      ] });
    });
    const console = studio.console;
    const banners = console.locator('.console-error');
    await expect(banners).toHaveCount(3);
    await expect(console.getByRole('button', { name: 'Show 3 more' })).toBeVisible();
    const out = await box(console.locator('.console__out'));
    const whole = await box(console);
    expect(out.height, 'the banners push the output away').toBeGreaterThan(0.45 * whole.height);
    // Folded: the repeated warning is one banner with its count.
    await console.getByRole('button', { name: 'Show 3 more' }).click();
    await expect(banners).toHaveCount(6);
    await expect(banners.filter({ hasText: 'single slot' })).toContainText('×6');
    await banners.filter({ hasText: 'single slot' }).getByRole('button', { name: 'Dismiss' }).click();
    await expect(banners).toHaveCount(5);
    await expect(console).not.toContainText('single slot');
  });

  test('minimap: on a tall window it covers no node after Fit view (1920×1080)', async ({ studio, page }) => {
    await freshStudio(studio, { width: 1920, height: 1080 }, 'en');
    await page.getByRole('toolbar', { name: 'Canvas tools' }).getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(400);
    const map = page.locator('.react-flow__minimap');
    await expect(map).toBeVisible();
    const mb = await box(map);
    const tb = await box(toolbar(page));
    for (const n of await boxes(page.locator('.react-flow__node'))) {
      expect(overlaps(n, mb), 'the minimap covers a node').toBe(false);
      expect(overlaps(n, tb), 'the toolbar covers a node').toBe(false);
    }
  });
});

/**
 * The README's "Using the studio" tour, one screenshot per stop (1280×720), rewritten on every run so the README's
 * pictures stay current: build, run, inject a fault, follow a lesson, export.
 */
test('README tour: build, run, inject a fault, follow a lesson, export (screenshots in e2e/__screenshots__/readme/)', async ({ studio, page }) => {
  test.setTimeout(150_000);
  const shot = (name: string) => page.screenshot({ path: `e2e/__screenshots__/readme/${name}.png` });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await freshStudio(studio, { width: 1280, height: 720 }, 'en');
  // 1. Build: the palette on the left, the graph on the canvas, the selected node's parameters on the right.
  await page.getByLabel('flatMap node', { exact: true }).click();
  await expect(page.getByRole('textbox', { name: /of flatMap/ })).toBeVisible();
  await shot('1-build');
  // 2. Run: batches print in the console; the panels below follow the run.
  await studio.run();
  await studio.expectConsole(/Time: 3000 ms/);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await openPanel(page, 'Streaming statistics');
  await page.waitForTimeout(300);
  await shot('2-run');
  // 3. Inject a fault: kill an executor; the Cluster diagram (full screen) shows it lost and its replacement.
  const cluster = await openPanel(page, 'Cluster');
  await cluster.getByRole('button', { name: 'Kill executor 1', exact: true }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(cluster.locator('svg g.exec.dead')).toHaveCount(1);
  await expect(cluster.locator('svg g.exec.replacement')).toHaveCount(1, { timeout: TIMEOUTS.firstBatch });
  await cluster.getByRole('button', { name: 'Full screen' }).click();
  await page.waitForTimeout(300);
  await shot('3-fault');
  await cluster.getByRole('button', { name: 'Exit full screen' }).click();
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  // 4. Follow a lesson: Lessons opens the course; each step says what to do and checks it.
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const lessons = page.getByRole('complementary', { name: 'Lesson' });
  await lessons.locator('.lesson-list__item').first().click();
  await expect(lessons.locator('.lesson-step')).toBeVisible({ timeout: TIMEOUTS.appReady });
  await shot('4-lesson');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  // 5. Export: the Code pane shows the graph as a TypeScript, Scala or PySpark program.
  await page.getByRole('toolbar', { name: 'Canvas tools' }).getByRole('button', { name: 'Code' }).click();
  await expect(page.locator('.code-pane')).toBeVisible();
  await page.waitForTimeout(300);
  await shot('5-export');
});

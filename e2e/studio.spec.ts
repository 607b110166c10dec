import { test, expect, TIMEOUTS, type Studio } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/**
 * The studio's editing flows in a real browser: build word count from an empty canvas by drag and
 * drop, type the functions in CodeMirror, run and step it; undo/redo; autosave across reloads;
 * every gallery example runs three batches; screenshots of the default view.
 */

const canvas = (page: Page) => page.getByRole('region', { name: 'Pipeline canvas' });
const node = (page: Page, op: string) => page.getByLabel(`${op} node`, { exact: true });

async function freshStudio(studio: Studio) {
  await studio.open();
  await studio.page.evaluate(() => localStorage.clear());
  await studio.open();
  await expect(node(studio.page, 'twitterStream')).toBeVisible({ timeout: TIMEOUTS.appReady });
}

async function newPipeline(page: Page) {
  await page.getByText('File', { exact: true }).click();
  await page.getByRole('button', { name: 'New pipeline' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
}

/** Drag an operator from the palette and drop it on the canvas at (x, y) relative to the canvas. */
async function dropOp(page: Page, op: string, x: number, y: number) {
  const search = page.getByRole('searchbox', { name: 'Search operators' });
  await search.fill(op);
  await page.getByRole('button', { name: `Add ${op}`, exact: true }).dragTo(canvas(page), { targetPosition: { x, y } });
  await search.fill('');
}

/** Drag from an output port to an input port with the mouse, as a user does (one retry on a busy machine). */
async function connect(page: Page, fromOp: string, toOp: string, port = 'in') {
  const edges = page.locator('.react-flow__edge');
  const before = await edges.count();
  for (let attempt = 0; attempt < 2 && (await edges.count()) === before; attempt++) {
    const s = await page.getByLabel(`output port of ${fromOp}`).boundingBox();
    const t = await page.getByLabel(`input port ${port} of ${toOp}`).boundingBox();
    if (!s || !t) throw new Error(`ports of ${fromOp} / ${toOp} not on screen`);
    await page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
    await page.mouse.down();
    await page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 12 });
    await page.mouse.up();
    await page.waitForTimeout(150);
  }
  await expect(edges).toHaveCount(before + 1);
}

/** Replace the code of a function param in the selected node's inspector. */
async function typeFunction(page: Page, editorLabel: string, source: string) {
  const editor = page.getByRole('textbox', { name: editorLabel });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(source);
  await expect(editor).toHaveText(source);
}

async function selectNode(page: Page, op: string) {
  await node(page, op).click();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText(op);
}

test.describe('studio', () => {
  test('default view: the hashtag example, polished (screenshots)', async ({ studio, page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await freshStudio(studio);
    await expect(page.getByRole('heading', { name: 'DStream Studio' })).toBeVisible();
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await page.waitForTimeout(500);
    await page.screenshot({ path: 'e2e/__screenshots__/studio-default.png' });
    // Layout, not pixels (the text's pixels differ with every font set): the six nodes lie inside the canvas, clear of
    // one another and of the toolbar.
    const nodeBoxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    const canvasBox = (await canvas(page).boundingBox())!;
    const toolBox = (await page.getByRole('toolbar', { name: 'Canvas tools' }).boundingBox())!;
    const apart = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5 || a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5;
    for (const [i, n] of nodeBoxes.entries()) {
      expect(n.x >= canvasBox.x && n.y >= canvasBox.y && n.x + n.width <= canvasBox.x + canvasBox.width && n.y + n.height <= canvasBox.y + canvasBox.height, `node ${i} leaves the canvas`).toBe(true);
      expect(apart(n, toolBox), `the toolbar covers node ${i}`).toBe(true);
      for (const m of nodeBoxes.slice(i + 1)) expect(apart(n, m), `node ${i} overlaps another`).toBe(true);
    }
    await node(page, 'flatMap').click();
    await expect(page.getByRole('textbox', { name: /of flatMap/ })).toBeVisible();
    await page.screenshot({ path: 'e2e/__screenshots__/studio-inspector.png' });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(page.getByRole('button', { name: '运行' })).toBeVisible();
    await page.screenshot({ path: 'e2e/__screenshots__/studio-zh-CN.png' });
    await page.reload();   // the language is remembered
    await expect(page.getByRole('button', { name: '运行' })).toBeVisible({ timeout: TIMEOUTS.appReady });
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  });

  test('build word count by drag and drop, type the functions, run and step', async ({ studio, page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await freshStudio(studio);
    await newPipeline(page);

    await dropOp(page, 'queueStream', 140, 110);
    await dropOp(page, 'flatMap', 400, 110);
    await dropOp(page, 'map', 660, 110);
    await dropOp(page, 'reduceByKey', 400, 300);
    await dropOp(page, 'print', 660, 300);
    await expect(page.locator('.react-flow__node')).toHaveCount(5);

    await connect(page, 'queueStream', 'flatMap');
    await connect(page, 'flatMap', 'map');
    await connect(page, 'map', 'reduceByKey');
    await connect(page, 'reduceByKey', 'print');
    await expect(page.locator('.react-flow__edge')).toHaveCount(4);

    await selectNode(page, 'flatMap');
    await typeFunction(page, 'Function of flatMap', "line => line.split(' ')");
    await selectNode(page, 'map');
    // An inline error while the function is incomplete, gone once it parses.
    const mapEditor = page.getByRole('textbox', { name: 'Function of map' });
    await mapEditor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('word => word +');
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect(inspector.getByRole('alert')).toContainText(/line 1/);
    await typeFunction(page, 'Function of map', 'word => [word, 1]');
    await expect(inspector.getByRole('alert')).toHaveCount(0);
    await selectNode(page, 'reduceByKey');
    await typeFunction(page, 'Reduce function of reduceByKey', '(a, b) => a + b');

    await studio.run();
    await studio.expectConsole('(hello,2)');
    await page.screenshot({ path: 'e2e/__screenshots__/studio-wordcount-running.png' });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const before = (await studio.consoleLines()).filter((l) => l.startsWith('Time: ')).length;
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(async () => (await studio.consoleLines()).filter((l) => l.startsWith('Time: ')).length, { timeout: TIMEOUTS.firstBatch }).toBe(before + 1);
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Stopped' })).toBeVisible();
  });

  test('undo and redo', async ({ studio, page }) => {
    await freshStudio(studio);
    const nodes = page.locator('.react-flow__node');
    await expect(nodes).toHaveCount(6);
    await node(page, 'print').click();
    await page.keyboard.press('Delete');
    await expect(nodes).toHaveCount(5);
    await page.keyboard.press('ControlOrMeta+z');
    await expect(nodes).toHaveCount(6);
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(nodes).toHaveCount(5);
    // Without print the canvas shows Spark's "No output operations registered…" banner; however it wraps (fonts
    // differ between machines), it stays out of the toolbar, so Undo takes the click.
    const tools = page.getByRole('toolbar', { name: 'Canvas tools' });
    const banner = page.locator('.canvas-issues .issue').first();
    await expect(banner).toContainText('No output operations registered');
    const [b, tb] = [await banner.boundingBox(), await tools.boundingBox()];
    expect(b && tb && (b.x + b.width <= tb.x + 0.5 || tb.x + tb.width <= b.x + 0.5 || b.y + b.height <= tb.y + 0.5 || tb.y + tb.height <= b.y + 0.5), 'the banner covers the toolbar').toBe(true);
    await tools.getByRole('button', { name: 'Undo' }).click();
    await expect(nodes).toHaveCount(6);
    // copy/paste through the clipboard (the same JSON works in another tab)
    await node(page, 'map').click();
    await page.keyboard.press('ControlOrMeta+c');
    await page.keyboard.press('ControlOrMeta+v');
    await expect(nodes).toHaveCount(7);
    await page.keyboard.press('ControlOrMeta+z');
    await expect(nodes).toHaveCount(6);
    // auto-layout is one undoable step
    const pos = () => page.evaluate(() => (window as unknown as { __studio: { store: { getState(): { currentGraph(): { nodes: { position: unknown }[] } } } } }).__studio.store.getState().currentGraph().nodes.map((n) => n.position));
    const before = await pos();
    await tools.getByRole('button', { name: 'Auto-layout' }).click();
    await expect.poll(pos).not.toEqual(before);
    await tools.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(pos).toEqual(before);
    // duplicate + undo
    await node(page, 'map').click();
    await page.keyboard.press('ControlOrMeta+d');
    await expect(nodes).toHaveCount(7);
    await page.keyboard.press('ControlOrMeta+z');
    await expect(nodes).toHaveCount(6);
  });

  test('save, reload: the same graph', async ({ studio, page }) => {
    await freshStudio(studio);
    await node(page, 'print').click();
    await page.keyboard.press('Delete');
    await page.getByRole('textbox', { name: 'Pipeline name' }).fill('My hashtags');
    await page.getByRole('textbox', { name: 'Pipeline name' }).press('Enter');
    await page.keyboard.press('ControlOrMeta+s');
    const graph = () => page.evaluate(() => (window as unknown as { __studio: { store: { getState(): { currentGraph(): unknown } } } }).__studio.store.getState().currentGraph());
    const saved = await graph();
    await page.reload();
    await expect(studio.shell).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue('My hashtags');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    expect(await graph()).toEqual(saved);
  });

  test('every gallery example runs three batches without errors', async ({ studio, page }) => {
    test.setTimeout(300_000);
    await freshStudio(studio);
    await page.getByRole('button', { name: 'Examples' }).click();
    const dialog = page.getByRole('dialog', { name: 'Examples gallery' });
    const items = dialog.locator('.gallery__item');
    await expect(items.first()).toBeVisible();
    const count = await items.count();
    expect(count).toBeGreaterThanOrEqual(5);
    await page.keyboard.press('Escape');
    for (let i = 0; i < count; i++) {
      await page.getByRole('button', { name: 'Examples' }).click();
      const item = dialog.locator('.gallery__item').nth(i);
      const title = await item.locator('.gallery__title').innerText();
      await item.click();
      await expect(dialog).toBeHidden();
      await clickStep(page, 3);
      // Three completed batches (the run bar counts batchCompleted events; not every example prints).
      const status = page.getByRole('toolbar', { name: 'Run controls' }).getByRole('status');
      await expect.poll(async () => Number(/(\d+) batches/.exec(await status.innerText())?.[1] ?? 0), { timeout: TIMEOUTS.firstBatch, message: title })
        .toBeGreaterThanOrEqual(3);
      await expect(studio.console.locator('.console__out'), title).not.toBeEmpty();
      await expect(studio.console.locator('.console-error--error'), title).toHaveCount(0);
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Stopped' })).toBeVisible();
    }
  });
});

async function clickStep(page: Page, n: number) {
  const step: Locator = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 0; i < n; i++) {
    await expect(step).toBeEnabled({ timeout: TIMEOUTS.firstBatch });
    await step.click();
    await expect(page.getByRole('status').filter({ hasText: /Paused|Failed/ })).toBeVisible({ timeout: TIMEOUTS.firstBatch });
  }
}

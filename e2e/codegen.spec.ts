import { readFileSync } from 'node:fs';
import { test, expect, TIMEOUTS, type Studio } from './fixtures';
import type { Download, Locator, Page } from '@playwright/test';
import { edgePort, getOp } from '../engine/graph/registry';
import { resolveParams } from '../engine/graph/opSpec';
import type { PipelineGraph } from '../engine/graph/types';

/**
 * Graphs as code in the browser: the live code pane (TypeScript / Scala / PySpark, cursor ↔ canvas
 * selection), Download / Copy, and "Import TypeScript" (round trip for every gallery example, syntax errors with
 * line and column, sandbox violations, an endless loop stopped after ~2 s, warnings, one undoable step).
 */

const SHOTS = 'e2e/__screenshots__/codegen';
const examples = (JSON.parse(readFileSync('public/examples/index.json', 'utf8')) as { examples: { id: string; file: string; title: { en: string } }[] }).examples;

type StoreWindow = { __studio: { store: { getState(): { currentGraph(): PipelineGraph; nodes: { id: string; selected?: boolean }[]; history?: unknown; undo(): void } } } };
const graphOf = (page: Page) => page.evaluate(() => (window as unknown as StoreWindow).__studio.store.getState().currentGraph());
const selectedIds = (page: Page) => page.evaluate(() => (window as unknown as StoreWindow).__studio.store.getState().nodes.filter((n) => n.selected).map((n) => n.id));

/** What a round trip must keep: ids, ops, params (defaults filled, as the importer leaves defaults out), edges with their port. */
function normal(g: PipelineGraph) {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  return {
    nodes: [...g.nodes].sort((a, b) => a.id.localeCompare(b.id)).map((n) => {
      const op = getOp(n.op);
      return { id: n.id, op: n.op, params: op ? resolveParams(op, n.params) : n.params, label: n.label ?? null };
    }),
    edges: [...g.edges].sort((a, b) => a.id.localeCompare(b.id)).map((e) => ({
      id: e.id, source: e.source, target: e.target, port: edgePort(getOp(byId.get(e.target)?.op ?? ''), e.targetPort),
    })),
  };
}

const pane = (page: Page) => page.getByRole('complementary', { name: 'Pipeline as code' });
const codeText = (page: Page) => pane(page).locator('.cm-content');
const tab = (page: Page, name: string) => pane(page).getByRole('tab', { name, exact: true });

async function fresh(studio: Studio) {
  await studio.open();
  await studio.page.evaluate(() => localStorage.clear());
  await studio.open();
  await expect(studio.page.locator('.react-flow__node').first()).toBeVisible({ timeout: TIMEOUTS.appReady });
}

async function openExample(page: Page, title: string) {
  await page.getByRole('button', { name: 'Examples', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /examples/i });
  await dialog.getByRole('button', { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await expect(dialog).toBeHidden();
}

async function openPane(page: Page) {
  const toggle = page.getByRole('button', { name: 'Code', exact: true });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(pane(page)).toBeVisible();
  await expect(pane(page).locator('.code-pane__editor[data-ready]')).toBeVisible({ timeout: 20_000 });
}

async function downloadText(page: Page, trigger: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), trigger()]) as [Download, void];
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

async function openImport(page: Page): Promise<Locator> {
  await page.getByText('File', { exact: true }).click();
  await page.getByRole('button', { name: 'Import TypeScript…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a TypeScript program' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function importPasted(page: Page, source: string): Promise<Locator> {
  const dialog = await openImport(page);
  await dialog.getByRole('textbox', { name: 'Or paste the program' }).fill(source);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  return dialog;
}

test.describe('code pane and TypeScript import', () => {
  for (const ex of examples) {
    test(`${ex.id}: the pane shows every node as code, and download → import gives the same graph`, async ({ studio, page }) => {
      await fresh(studio);
      await openExample(page, ex.title.en);
      await openPane(page);
      const ids = (await graphOf(page)).nodes.map((n) => n.id);
      await expect(tab(page, 'TypeScript')).toHaveAttribute('aria-selected', 'true');

      // Selecting a node on the canvas brings its tagged statement into view and marks it.
      for (const id of ids) {
        await page.locator(`.react-flow__node[data-id="${id}"]`).click();
        await expect(codeText(page)).toContainText(`// node: ${id}`);
        await expect(pane(page).locator('.cm-node-line').first()).toBeVisible();
        await expect(pane(page).locator('.cm-node-line', { hasText: `// node: ${id}` })).toHaveCount(1);
      }
      // The graph as exported (opening an example may re-arrange it once its layout has run).
      const original = await graphOf(page);

      // The downloaded program carries a tag per node and is named after the pipeline.
      const ts = await downloadText(page, () => pane(page).getByRole('button', { name: 'Download' }).click());
      expect(ts.name).toMatch(/^[a-z0-9-]+\.ts$/);
      for (const n of original.nodes) expect(ts.text).toContain(`// node: ${n.id}\n`);

      // Import it back (file picker): the same graph.
      const dialog = await openImport(page);
      await dialog.getByTestId('import-ts-file').setInputFiles({ name: ts.name, mimeType: 'text/plain', buffer: Buffer.from(ts.text) });
      await expect(dialog).toBeHidden({ timeout: 15_000 });
      await expect(page.getByText(/Imported “.*”: \d+ nodes, \d+ edges/)).toBeVisible();
      const back = await graphOf(page);
      expect(normal(back)).toEqual(normal(original));
      const positions = (g: PipelineGraph) => Object.fromEntries(g.nodes.map((n) => [n.id, n.position]));
      expect(positions(back)).toEqual(positions(original));

      // Scala and PySpark show the same nodes as code.
      await tab(page, 'Scala').click();
      await expect(codeText(page)).toContainText('import org.apache.spark');
      await expect(codeText(page)).toContainText(`// node: ${original.nodes[0].id}`);
      await tab(page, 'PySpark').click();
      await expect(codeText(page)).toContainText('from pyspark');
      await expect(codeText(page)).toContainText(`# node: ${original.nodes[0].id}`);
    });
  }

  test('the cursor in the code selects the node on the canvas; the pane follows edits; screenshots', async ({ studio, page }) => {
    await fresh(studio);
    await openExample(page, examples.find((e) => e.id === 'hashtags')!.title.en);
    await openPane(page);
    // Click the statement's text, as a user does: scroll its line into view, click its first characters (a line
    // element is as wide as the longest line, so its centre may be far off to the right).
    const line = pane(page).locator('.cm-line', { hasText: '.map(tag => [tag, 1])' });
    await line.evaluate((el) => { const sc = el.closest('.cm-scroller')!; sc.scrollTop = (el as HTMLElement).offsetTop - 60; sc.scrollLeft = 0; });
    expect(await line.locator('span').count(), 'the statement is syntax-highlighted').toBeGreaterThan(2);
    const box = (await line.boundingBox())!;
    await page.mouse.click(box.x + 40, box.y + box.height / 2);
    await expect.poll(() => selectedIds(page)).toEqual(['pairs']);
    await expect(page.locator('.react-flow__node[data-id="pairs"]')).toHaveClass(/selected/);
    await page.screenshot({ path: `${SHOTS}/pane-typescript.png` });

    // An edit on the canvas side (the label) shows up in the code shortly after.
    const label = page.getByRole('textbox', { name: 'Label' });
    await label.fill('tagOnes');
    await expect(codeText(page)).toContainText('const tagOnes = ', { timeout: 5_000 });

    await tab(page, 'Scala').click();
    await expect(codeText(page)).toContainText('object ');
    await page.locator('.react-flow__node[data-id="window"]').click();
    await expect(pane(page).locator('.cm-node-line', { hasText: 'reduceByKeyAndWindow' })).toHaveCount(1);
    await page.screenshot({ path: `${SHOTS}/pane-scala.png` });
    await tab(page, 'PySpark').click();
    await expect(codeText(page)).toContainText('def main():');
    await page.screenshot({ path: `${SHOTS}/pane-pyspark.png` });

    // Dark theme and the File menu's export entries.
    await page.getByRole('button', { name: /dark/i }).click();
    await tab(page, 'TypeScript').click();
    await page.screenshot({ path: `${SHOTS}/pane-dark.png` });
    await page.getByText('File', { exact: true }).click();
    await expect(page.getByRole('button', { name: 'Export → Scala' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/file-menu.png` });
    const py = await downloadText(page, () => page.getByRole('button', { name: 'Export → PySpark' }).click());
    expect(py.name).toMatch(/^[a-z0-9_]+\.py$/);
    expect(py.text).toContain('ssc = StreamingContext(');
    await page.getByText('File', { exact: true }).click();
    const scala = await downloadText(page, () => page.getByRole('button', { name: 'Export → Scala' }).click());
    expect(scala.name).toMatch(/^[A-Z][A-Za-z0-9]*\.scala$/);
    expect(scala.text).toContain(`object ${scala.name.replace(/\.scala$/, '')} {`);

    // The pane closes and stays closed after a reload; the canvas gets its width back.
    const before = (await page.getByRole('region', { name: 'Pipeline canvas' }).boundingBox())!.width;
    await pane(page).getByRole('button', { name: 'Close the code pane' }).click();
    await expect(pane(page)).toBeHidden();
    await expect.poll(async () => (await page.getByRole('region', { name: 'Pipeline canvas' }).boundingBox())!.width).toBeGreaterThan(before + 200);
  });

  test('in Chinese: the pane and the import dialog speak zh-CN', async ({ studio, page }) => {
    await fresh(studio);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('button', { name: '代码', exact: true }).click();
    const zhPane = page.getByRole('complementary', { name: '流水线代码' });
    await expect(zhPane).toBeVisible();
    await expect(zhPane.getByRole('button', { name: '下载' })).toBeVisible();
    await expect(zhPane).toContainText('点击代码行可选中对应节点');
    await expect(zhPane.locator('.cm-content')).toContainText('// node:');
    await page.screenshot({ path: `${SHOTS}/pane-zh-CN.png` });
    await page.getByText('文件', { exact: true }).click();
    await page.getByRole('button', { name: '导入 TypeScript…' }).click();
    const dialog = page.getByRole('dialog', { name: '导入 TypeScript 程序' });
    await dialog.getByRole('textbox', { name: '或粘贴程序' }).fill('const x = ;');
    await dialog.getByRole('button', { name: '导入', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('第 1 行，第 11 列');
    await page.screenshot({ path: `${SHOTS}/import-zh-CN.png` });
  });

  test('Copy puts the program on the clipboard', async ({ studio, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await fresh(studio);
    await openPane(page);
    await pane(page).getByRole('button', { name: 'Copy' }).click();
    await expect(pane(page).getByRole('button', { name: /Copied/ })).toBeVisible();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const g = await graphOf(page);
    for (const n of g.nodes) expect(text).toContain(`// node: ${n.id}`);
  });

  test('an import is one undoable step and lists its warnings', async ({ studio, page }) => {
    await fresh(studio);
    const before = await graphOf(page);
    const dialog = await importPasted(page, [
      "import { SparkConf, StreamingContext, Seconds } from '../engine/index';",
      "const ssc = new StreamingContext(new SparkConf().setMaster('local[2]').setAppName('Imported words'), Seconds(1));",
      "const lines = ssc.socketTextStream('localhost', 9999);",
      "const words = lines.flatMap(l => l.split(' '));",
      "words.saveAsNewAPIHadoopFiles('out');",
      'words.print();',
    ].join('\n'));
    await expect(dialog.getByRole('list', { name: /Imported with 1 warning/ })).toContainText('saveAsNewAPIHadoopFiles() is not an operator of the graph; kept as a code node');
    await page.screenshot({ path: `${SHOTS}/import-warnings.png` });
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await expect(dialog).toBeHidden();
    const imported = await graphOf(page);
    expect(imported.name).toBe('Imported words');
    expect(imported.nodes.map((n) => n.op)).toEqual(['socketTextStream', 'flatMap', 'code', 'print']);
    await expect(page.locator('.react-flow__node')).toHaveCount(4);
    // One undo brings the previous graph back.
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(normal(await graphOf(page))).toEqual(normal(before));
    expect((await graphOf(page)).name).toBe(before.name);
  });

  test('a syntax error shows its line and column; a sandbox violation says what was used', async ({ studio, page }) => {
    await fresh(studio);
    const before = await graphOf(page);
    const dialog = await importPasted(page, [
      "import { SparkConf, StreamingContext, Seconds } from '../engine/index';",
      "const ssc = new StreamingContext(new SparkConf().setAppName('Broken'), Seconds(1));",
      "const lines = ssc.socketTextStream('localhost', 9999;",
      'lines.print();',
    ].join('\n'));
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('The program has a syntax error');
    await expect(alert).toContainText(/Line 3, column \d+/);
    await expect(alert.getByLabel('The line with the error')).toContainText("socketTextStream('localhost', 9999;");
    await page.screenshot({ path: `${SHOTS}/import-syntax-error.png` });

    await dialog.getByRole('textbox', { name: 'Or paste the program' }).fill("const data = await fetch('https://example.com/words.txt');\n");
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(alert).toContainText('Stopped by the import sandbox');
    await expect(alert).toContainText('fetch');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(normal(await graphOf(page))).toEqual(normal(before));
  });

  test('an endless loop is stopped after about 2 s and the page stays responsive', async ({ studio, page }) => {
    await fresh(studio);
    const before = await graphOf(page);
    const started = Date.now();
    const dialog = await importPasted(page, [
      "import { SparkConf, StreamingContext, Seconds } from '../engine/index';",
      "const ssc = new StreamingContext(new SparkConf().setAppName('Forever'), Seconds(1));",
      'let i = 0;',
      'while (true) { i++; }',
    ].join('\n'));
    await expect(dialog.getByRole('button', { name: /Importing…/ })).toBeVisible();
    // The page answers while the worker spins.
    const t0 = Date.now();
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    expect(Date.now() - t0).toBeLessThan(1000);
    await page.getByRole('button', { name: 'Code', exact: true }).focus();
    await expect(dialog.getByRole('alert')).toContainText('Stopped after 2 s', { timeout: 10_000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThan(1800);
    expect(elapsed).toBeLessThan(9000);
    await expect(dialog.getByRole('alert')).toContainText('Its worker was terminated');
    await page.screenshot({ path: `${SHOTS}/import-timeout.png` });
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    expect(normal(await graphOf(page))).toEqual(normal(before));
    // Still usable: the code pane opens and shows the unchanged graph.
    await openPane(page);
    await expect(codeText(page)).toContainText('// node:');
  });
});

/**
 * Building a pipeline as a new user does: duration fields that read in one unit (item 8 of "The studio as new users
 * found it"), the lesson's duration instruction followed literally, palette clicks that land on free space and
 * connect from the selected node, edges made from the keyboard ("Input from"), and skip links past the palette
 * (item 10).
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, TIMEOUTS, type Studio } from './fixtures';
import { LANGS, Learner, tr } from './lessons.helpers';
import { building } from '../app/i18n/building';
import { getOp } from '../engine/graph/registry';

type Graph = { nodes: { id: string; op: string; params: Record<string, unknown> }[]; edges: { source: string; target: string; targetPort?: string }[] };
const graph = (page: Page): Promise<Graph> => page.evaluate(() =>
  (window as unknown as { __studio: { store: { getState(): { currentGraph(): Graph } } } }).__studio.store.getState().currentGraph());

async function freshStudio(studio: Studio) {
  await studio.open();
  await studio.page.evaluate(() => localStorage.clear());
  await studio.open();
  await expect(studio.page.locator('.react-flow__node').first()).toBeVisible({ timeout: TIMEOUTS.appReady });
}

async function newPipeline(page: Page) {
  await page.getByText('File', { exact: true }).click();
  await page.getByRole('button', { name: 'New pipeline' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
}

/** Palette → search → click "Add <op>" (no drag). */
async function clickAdd(page: Page, op: string) {
  const search = page.getByRole('searchbox', { name: 'Search operators' });
  await search.fill(op);
  await page.getByRole('button', { name: `Add ${op}`, exact: true }).click();
  await search.fill('');
}

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector', exact: true });
const durationField = (page: Page, label: string): Locator =>
  inspector(page).locator('.field--duration', { has: page.locator('label.field__label', { hasText: new RegExp(`^${label}$`) }) });

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) {
  return a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;
}

test.describe('building: durations (item 8)', () => {
  test('a new reduceByKeyAndWindow reads Window and Slide in one unit: typing 6 and 2 gives 6 s and 2 s', async ({ page, studio }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await freshStudio(studio);
    await newPipeline(page);
    await clickAdd(page, 'reduceByKeyAndWindow');
    const win = durationField(page, 'Window'), slide = durationField(page, 'Slide');
    // Both fields start in the same unit, shown beside the number.
    await expect(win.getByRole('combobox', { name: 'Unit of Window' })).toHaveValue('s');
    await expect(slide.getByRole('combobox', { name: 'Unit of Slide' })).toHaveValue('s');
    await win.getByRole('spinbutton').fill('6');
    await slide.getByRole('spinbutton').fill('2');
    await expect(win.getByTestId('duration-value')).toHaveText('= 6 s (6000 ms)');
    await expect(slide.getByTestId('duration-value')).toHaveText('= 2 s (2000 ms)');
    const node = (await graph(page)).nodes.find((n) => n.op === 'reduceByKeyAndWindow')!;
    expect(node.params).toMatchObject({ window: 6000, slide: 2000 });
    // The help text names no unit the field does not show.
    for (const f of [win, slide]) await expect(f.locator('.field__help')).not.toContainText('milliseconds');
    // Changing the unit keeps the duration and rewrites the number.
    await slide.getByRole('combobox', { name: 'Unit of Slide' }).selectOption('ms');
    await expect(slide.getByRole('spinbutton')).toHaveValue('2000');
    await expect(slide.getByTestId('duration-value')).toHaveText('= 2 s (2000 ms)');
    expect((await graph(page)).nodes.find((n) => n.op === 'reduceByKeyAndWindow')!.params.slide).toBe(2000);
    await page.screenshot({ path: test.info().outputPath('durations-1280.png') });
  });

  for (const lang of LANGS) {
    test(`lesson 4's slide instruction, typed literally, completes the step (${lang})`, async ({ page, studio }) => {
      const L = new Learner(studio, lang);
      await L.open();
      await L.openLesson('transformation');
      await L.panel.getByRole('button', { name: new RegExp(`^${tr(lang, 'lessons.stepOf', { n: 3, total: 7 }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
      await L.expectStep('slide');
      // "Inspector → Slide: 2 s." — the number and the unit the learner is told to type.
      const hint = (await L.panel.locator('.lesson-action__hint').innerText()).trim();
      const label = getOp('window')!.params.slide.label[lang];
      const m = new RegExp(`${label}\\s*[:：]\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s)\\b`).exec(hint);
      expect(m, `the hint "${hint}" names a number and a unit`).not.toBeNull();
      const field = await L.field('window', 'slide');
      await expect(field.getByRole('combobox')).toHaveValue(m![2]);       // the unit the field shows is the one named
      await field.getByRole('spinbutton').fill(m![1]);                   // typed literally, unit untouched
      await expect(L.panel.locator('.lesson-action.is-met')).toBeVisible({ timeout: 5_000 });
      expect((await graph(page)).nodes.find((n) => n.id === 'win')!.params.slide).toBe(2000);
    });
  }
});

test.describe('building: placing and connecting (item 10)', () => {
  test('clicking palette items chains them from the selected node, on free space', async ({ page, studio }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await freshStudio(studio);
    await newPipeline(page);
    await clickAdd(page, 'queueStream');
    await clickAdd(page, 'flatMap');       // queueStream is selected: flatMap goes right of it, fed by it
    await clickAdd(page, 'print');
    await expect(page.locator('.react-flow__edge')).toHaveCount(2);
    const g = await graph(page);
    expect(g.edges.map((e) => `${g.nodes.find((n) => n.id === e.source)!.op}->${g.nodes.find((n) => n.id === e.target)!.op}`).sort())
      .toEqual(['flatMap->print', 'queueStream->flatMap']);
    // Nothing selected: the next adds go near the centre, each on free space. Enter on a palette item adds too.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await clickAdd(page, 'map');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    const search = page.getByRole('searchbox', { name: 'Search operators' });
    await search.fill('filter');
    await page.getByRole('button', { name: 'Add filter', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    const boxes = await page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }));
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j]), `nodes ${i} and ${j} overlap`).toBe(false);
    await page.screenshot({ path: test.info().outputPath('chain-1280.png') });
  });

  test('an edge can be made, changed and removed from the keyboard ("Input from" in the inspector)', async ({ page, studio }) => {
    await freshStudio(studio);
    await newPipeline(page);
    await clickAdd(page, 'queueStream');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await clickAdd(page, 'print');          // nothing selected: not connected
    await expect(page.locator('.react-flow__edge')).toHaveCount(0);
    const input = inspector(page).getByRole('combobox', { name: building.en['inspector.inputFrom'], exact: true });
    await input.focus();
    await input.selectOption({ label: 'queueStream-1 (queueStream)' });
    await expect(page.locator('.react-flow__edge')).toHaveCount(1);
    expect((await graph(page)).edges).toMatchObject([{ source: 'queueStream-1', target: 'print-1' }]);
    await input.selectOption({ label: building.en['inspector.inputNone'] });
    await expect(page.locator('.react-flow__edge')).toHaveCount(0);
    // Undo (the toolbar's button) brings the edge back: one undo step per change.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  });

  test('skip links: the canvas is two keys away, not 67 Tabs', async ({ page, studio }) => {
    await freshStudio(studio);
    await page.reload();
    await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: TIMEOUTS.appReady });
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: building.en['skip.canvas'] });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('.react-flow__node:focus')).toHaveCount(1);
    // ...and the inspector is as near.
    await page.reload();
    await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: TIMEOUTS.appReady });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: building.en['skip.inspector'] })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('.inspector :focus')).toHaveCount(1);
  });
});

/**
 * Lessons and presenter mode as users found them (items 12–14 of "The studio as new users found it"): no count that
 * answers a question before the prediction, no verdict before the run, progress kept across reloads with a reset,
 * presenter keys before a lesson is picked, a question before a lesson replaces a running pipeline, and a lesson pane
 * that never hides the pipeline's nodes.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, TIMEOUTS } from './fixtures';
import { Learner, lessonFile, tr } from './lessons.helpers';
import { lessonProgress } from '../app/i18n/lessonProgress';
import { interpolate } from '../app/i18n/format';

const P = lessonProgress.en;
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}
const apart = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

/** Every node of the canvas is inside the canvas and clear of the lesson panel. */
async function expectNodesVisible(page: Page, panel: Locator) {
  const canvas = await box(page.locator('.canvas'));
  const p = await box(panel);
  const nodes = page.locator('.react-flow__node');
  await expect.poll(async () => {
    const boxes = await nodes.evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }));
    return boxes.filter((b) => !(apart(b, p) && b.x >= canvas.x && b.x + b.width <= canvas.x + canvas.width)).length;
  }, { timeout: 5_000, message: 'nodes under the lesson panel or off the canvas' }).toBe(0);
}

const listItem = (L: Learner, order: number) => L.panel.locator('.lesson-list__item').nth(order - 1);

test.describe('lessons: predict first, then judge (item 12)', () => {
  test('lesson 4 step 2: the window badge shows no count until the learner has predicted', async ({ page, studio }) => {
    const L = new Learner(studio, 'en');
    await L.open();
    await L.openLesson('transformation');
    await L.step(3);
    await L.next();                                          // window: predict the window's size at 3000 ms
    const badge = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] .op-node__count`);
    await expect(badge('tags')).toBeVisible();               // other nodes keep their counts
    await expect(badge('win')).toBeHidden();                 // the window's count is the answer
    await L.panel.getByLabel(L.t('lessons.numberLabel')).fill('1');
    await L.panel.getByRole('button', { name: L.t('lessons.lockIn'), exact: true }).click();
    await expect(badge('win')).toBeVisible();
  });

  test('lesson 2 step 4: no "Right!" on the configuration change, only after a batch ran with it', async ({ studio }) => {
    const L = new Learner(studio, 'en');
    await L.open();
    await L.openLesson('architecture');
    await L.panel.getByRole('button', { name: new RegExp(`^${esc(L.t('lessons.stepOf', { n: 4, total: 6 }))}`) }).click();
    await L.expectStep('local1');
    await L.predict();
    await L.stop();
    await L.setMaster('local', 1);
    await expect(L.panel.locator('.lesson-step .lesson-badge--done')).toBeVisible({ timeout: 5_000 });
    await expect(L.panel.locator('.lesson-reveal')).toHaveCount(0);
    await expect(L.panel.locator('.lesson-predict')).toContainText(P['lessons.judgedByRun']);
    // The learner goes on and steps: the verdict on the step-4 prediction comes with that run.
    await L.next();
    await L.stepOnce();
    await expect(L.panel.locator('.lesson-reveal--late')).toContainText(L.t('lessons.correct'), { timeout: TIMEOUTS.firstBatch });
    await expect(L.panel.locator('.lesson-reveal--late')).toContainText(P['lessons.verdictOf'].replace('{n}', '4'));
  });
});

test.describe('lessons: progress (item 13)', () => {
  test('a finished lesson is marked in the list and keeps its steps across a reload; Restart and Reset forget it', async ({ page, studio }) => {
    const L = new Learner(studio, 'en');
    await L.open();
    await L.openLesson('design-idea');                       // lesson 1, four steps
    await L.next();
    await L.predict(5);
    await L.step();
    await L.next();
    await L.predict();
    await L.step(2);
    await L.next();
    await L.predict(0);
    await L.step();
    await L.expectComplete();

    await page.reload();
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await expect(listItem(L, 1)).toHaveAttribute('data-progress', 'done');
    await expect(listItem(L, 1)).toContainText(P['lessons.listDone']);
    await expect(listItem(L, 2)).toHaveAttribute('data-progress', 'new');
    await listItem(L, 1).click();
    await L.expectStep('idea');
    await expect(L.panel.locator('.lesson-progress')).toContainText(L.t('lessons.doneOf', { n: 4, total: 4 }));
    await expect(L.panel.locator('.lesson-dot.is-done')).toHaveCount(4);

    // Restart starts the lesson afresh.
    await L.panel.getByRole('button', { name: L.t('lessons.restart'), exact: true }).click();
    await expect(L.panel.locator('.lesson-progress')).toContainText(L.t('lessons.doneOf', { n: 0, total: 4 }));
    await L.next();                                          // the read step counts as read
    await L.panel.getByRole('button', { name: `← ${L.t('lessons.all')}` }).click();
    await expect(listItem(L, 1)).toContainText(interpolate(P['lessons.listStarted'], { n: 1, total: 4 }, 'en'));
    // Reset forgets every lesson's progress, after asking.
    await L.panel.getByRole('button', { name: `${P['lessons.resetAll']}…` }).click();
    await L.panel.getByRole('group', { name: P['lessons.resetAll'] }).getByRole('button', { name: P['lessons.resetAll'], exact: true }).click();
    await expect(listItem(L, 1)).toHaveAttribute('data-progress', 'new');
    await page.reload();
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await expect(listItem(L, 1)).toHaveAttribute('data-progress', 'new');
  });
});

test.describe('presenter mode (item 14)', () => {
  test('→ opens the first unfinished lesson before one is picked, and the hint says so', async ({ page, studio }) => {
    const L = new Learner(studio, 'en');
    await L.open();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect(L.panel.locator('.lesson-keys')).toHaveText(P['lessons.presenterListKeys']);
    await expect(L.panel.locator('.lesson-list__item')).toHaveCount(7);
    await page.keyboard.press('ArrowRight');
    L.lesson = lessonFile('design-idea');
    await L.expectStep('idea');
    await expect(L.panel.locator('.lesson-keys')).toHaveText(tr('en', 'lessons.presenterKeys'));
  });

  test('opening a lesson asks before it stops and replaces the running pipeline', async ({ page, studio }) => {
    const L = new Learner(studio, 'en');
    await L.open();
    await studio.run();
    await studio.expectConsole();
    const name = await page.locator('.pipeline-name').inputValue();
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await listItem(L, 1).click();
    const ask = page.getByRole('alertdialog');
    await expect(ask).toContainText(P['lessons.replaceAsk']);
    await ask.getByRole('button', { name: P['lessons.cancel'], exact: true }).click();
    await expect(ask).toHaveCount(0);
    await expect(L.status).toHaveClass(/status--running/);   // still running, still the learner's pipeline
    await expect(page.locator('.pipeline-name')).toHaveValue(name);
    await listItem(L, 1).click();
    await ask.getByRole('button', { name: P['lessons.replaceYes'], exact: true }).click();
    L.lesson = lessonFile('design-idea');
    await L.expectStep('idea');
    await expect(L.status).not.toHaveClass(/status--running/);
  });

  for (const [w, h] of [[1280, 720], [1920, 1080]] as const) {
    test(`the lesson pane does not hide the Print node (${w}×${h})`, async ({ page, studio }) => {
      const L = new Learner(studio, 'en');
      await L.open();
      await page.setViewportSize({ width: w, height: h });
      await L.openLesson('transformation');
      await expectNodesVisible(page, L.panel);
      // A parameter step puts the panel beside the inspector, over the canvas.
      await L.panel.getByRole('button', { name: new RegExp(`^${esc(L.t('lessons.stepOf', { n: 3, total: 7 }))}`) }).click();
      await L.node('window').click();
      await expectNodesVisible(page, L.panel);
      // Presenter mode entered with the lesson open.
      await page.getByRole('button', { name: 'Present', exact: true }).click();
      await expect(L.panel).toHaveClass(/lesson-panel--presenter/);
      await expectNodesVisible(page, L.panel);
      await expect(L.node('print')).toBeInViewport();
      await page.screenshot({ path: test.info().outputPath(`presenter-${w}.png`) });
    });
  }
});

/**
 * Teaching mode around the lessons: presenter mode driven from the keyboard (clean canvas, large caption, step and
 * play/pause keys), and switching the language in the middle of a lesson (the panel follows, the progress stays).
 * The seven lessons themselves are completed in both languages in lessons.course.spec.ts.
 */
import { test, expect } from './fixtures';
import { Learner, SHOTS, englishIn, lessonFile, tr } from './lessons.helpers';

test.describe('lessons', () => {
  test('presenter mode: clean canvas, captions and the keyboard flow', async ({ page, studio }) => {
    const L = new Learner(studio, 'en');
    await L.open();
    await expect(page.locator('.palette')).toBeVisible();
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect(page.locator('.palette')).toBeHidden();
    await expect(page.locator('.inspector')).toBeHidden();
    L.lesson = lessonFile('design-idea');
    await L.panel.getByRole('button', { name: /Design idea/ }).click();
    await L.expectStep('idea');
    await expect(L.panel).toHaveCSS('font-size', '19px');
    await expect(L.panel.locator('.lesson-keys')).toHaveText(tr('en', 'lessons.presenterKeys'));

    await page.keyboard.press('ArrowRight');
    await L.expectStep('first-batch');
    await L.predict(5);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });   // focus out of the input
    await page.keyboard.press('s');
    await L.expectDone();
    await page.screenshot({ path: `${SHOTS}/presenter.png` });

    await page.keyboard.press('PageDown');
    await L.expectStep('same-dag');
    await page.keyboard.press(' ');
    await expect(L.status).toHaveClass(/status--running/);
    await page.keyboard.press(' ');
    await expect(L.status).toHaveClass(/status--paused/);
    await page.keyboard.press('ArrowLeft');
    await L.expectStep('first-batch');
    await expect(L.panel.locator('.lesson-step .lesson-badge--done')).toBeVisible();   // done stays done
    await page.keyboard.press('PageUp');
    await L.expectStep('idea');

    await page.keyboard.press('Escape');
    await expect(page.locator('.palette')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Present', exact: true })).toHaveAttribute('aria-pressed', 'false');
    // The lesson stays open beside the editor.
    await L.expectStep('idea');
  });

  test('switching the language mid-lesson keeps the progress; the panel speaks Chinese, Spark stays English', async ({ page, studio }) => {
    const L = new Learner(studio, 'en');
    await L.open();
    await L.openLesson('architecture');
    await L.next();
    await L.predict();
    await L.step();
    await L.expectDone();

    await page.getByRole('combobox', { name: tr('en', 'header.language') }).selectOption('zh-CN');
    const zh = new Learner(studio, 'zh-CN');
    zh.lesson = L.lesson;
    await zh.expectStep('startup');
    await expect(zh.panel.locator('.lesson-step .lesson-badge--done')).toHaveText(`✓ ${tr('zh-CN', 'lessons.stepDone')}`);
    await expect(zh.panel.locator('.lesson-reveal')).toContainText(tr('zh-CN', 'lessons.correct'));
    expect(await englishIn(zh.panel)).toEqual([]);
    // The language is remembered across a reload.
    await page.reload();
    await expect(page.getByRole('button', { name: tr('zh-CN', 'lessons.button'), exact: true })).toBeVisible();
    await page.getByRole('combobox', { name: tr('zh-CN', 'header.language') }).selectOption('en');
    await expect(page.getByRole('button', { name: 'Lessons', exact: true })).toBeVisible();
  });
});

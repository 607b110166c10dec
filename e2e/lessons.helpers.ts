/**
 * Helpers for the lesson specs: a learner that drives the studio in English or in Chinese. Every control is found by
 * its accessible name in the current language (the app's own dictionaries, app/i18n/*.ts) or by a language-neutral
 * id (dock tabs, node ops), and every answer comes from the lesson file itself (public/lessons/*.json), so the same
 * flow runs in both languages. In zh-CN each step is checked for English UI text outside code and Spark's names.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { expect, TIMEOUTS, type Studio } from './fixtures';
import { studio as studioDicts } from '../app/i18n/studio';
import { panels as panelDicts } from '../app/i18n/panels';
import { lessons as lessonDicts } from '../app/i18n/lessons';
import { code as codeDicts } from '../app/i18n/code';
import { interpolate } from '../app/i18n/format';
import type { Lesson, LessonIndex, L10n } from '../app/lessons/schema';

export type Lang = 'en' | 'zh-CN';
export const LANGS: readonly Lang[] = ['en', 'zh-CN'];
export const SHOTS = 'e2e/__screenshots__/lessons';

const dicts: Record<Lang, Record<string, string>> = {
  en: { ...studioDicts.en, ...panelDicts.en, ...lessonDicts.en, ...codeDicts.en },
  'zh-CN': { ...studioDicts['zh-CN'], ...panelDicts['zh-CN'], ...lessonDicts['zh-CN'], ...codeDicts['zh-CN'] },
};
export function tr(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  const text = dicts[lang][key] ?? dicts.en[key];
  if (text === undefined) throw new Error(`no UI string "${key}"`);
  return interpolate(text, vars, dicts[lang][key] !== undefined ? lang : 'en');
}
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const exact = (s: string) => new RegExp(`^${esc(s)}$`);

const publicDir = fileURLToPath(new URL('../public/', import.meta.url));
export const lessonIndex = JSON.parse(readFileSync(join(publicDir, 'lessons/index.json'), 'utf8')) as LessonIndex;
export function lessonFile(id: string): Lesson {
  const entry = lessonIndex.lessons.find((e) => e.id === id);
  if (!entry) throw new Error(`no lesson "${id}" in public/lessons/index.json`);
  return JSON.parse(readFileSync(join(publicDir, 'lessons', entry.file), 'utf8')) as Lesson;
}
/** Lesson text as the panel shows it: backticks become <code>, whose text has none. */
const shown = (v: L10n, lang: Lang) => (v[lang] || v.en).replace(/`/g, '');

/**
 * Words that may appear in the Chinese lesson panel outside <code>: Spark's and the studio's proper names, terms the
 * course keeps in English, option letters and Spark's own messages. Everything else must be Chinese.
 */
export const ALLOWED_LATIN = new Set(['A', 'B', 'C', 'Spark', 'Streaming', 'StreamingContext', 'SparkContext', 'Driver', 'Executor', 'DStream', 'DAG', 'RDD', 'Receiver', 'master',
  'local', 'cluster', 'Kafka', 'WAL', 'PID', 'Lineage', 'Twitter', 'TypeScript', 'Scala', 'PySpark', 'Java', 'Python', 'ms', 's', 'upsert', 'Top',
  'exactly', 'once', 'least', 'at', 'minRate', 'Esc', 'S', 'id', 'Master', 'getTags', 'countByValue', 'flatMap', 'map', 'print', 'foreachRDD',
  'updateStateByKey', 'mapWithState', 'reduceByKeyAndWindow', 'countByValueAndWindow', 'saveAsTextFiles', 'glom', 'queueStream', 'NetworkWordCount',
  'hello', 'world', 'spark', 'streaming', 'Time', 'No', 'output', 'operations', 'registered', 'so', 'nothing', 'to', 'execute', 'txt', 'out', 'words', 'part',
  'saveAsHadoopFiles', 'HDFS', 'PairDStreamFunctions']);

/** Latin words of the panel's UI text (text outside code/pre, accessible names, tooltips) that are not allowed. */
export async function englishIn(panel: Locator): Promise<string[]> {
  const text = await panel.evaluate((el) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest('code, pre')) out.push(n.textContent ?? '');
    el.querySelectorAll('[aria-label], [title]').forEach((x) => out.push(x.getAttribute('aria-label') ?? '', x.getAttribute('title') ?? ''));
    return out.join(' ');
  });
  return (text.match(/[A-Za-z][A-Za-z-]*/g) ?? []).filter((w) => !ALLOWED_LATIN.has(w));
}

/** A learner in the studio, in one language. */
export class Learner {
  lesson!: Lesson;
  /** Wall time per lesson, for the report. */
  readonly page: Page;
  constructor(readonly studio: Studio, readonly lang: Lang) { this.page = studio.page; }

  t(key: string, vars?: Record<string, string | number>) { return tr(this.lang, key, vars); }
  get panel(): Locator { return this.page.getByRole('complementary', { name: this.t('lessons.panel'), exact: true }); }
  get stepButton(): Locator { return this.page.getByRole('button', { name: this.t('run.step'), exact: true }); }
  get status(): Locator { return this.page.locator('.run-bar .status'); }
  get console(): Locator { return this.page.getByRole('region', { name: 'Console' }); }
  get cluster(): Locator { return this.page.getByRole('region', { name: 'Cluster', exact: true }); }
  get masterUrl(): Locator { return this.page.locator('.cluster-summary code'); }
  node(op: string): Locator { return this.page.getByLabel(this.t('node.label', { op }), { exact: true }); }
  private get stepIndex(): Promise<number> {
    return this.panel.locator('.lesson-step').getAttribute('data-step').then((id) => this.lesson.steps.findIndex((s) => s.id === id));
  }

  /** Opens the studio (1440×900) and switches the language with the header's select. */
  async open(): Promise<void> {
    await this.page.setViewportSize({ width: 1440, height: 900 });
    await this.studio.open();
    if (this.lang !== 'en') {
      await this.page.getByRole('combobox', { name: tr('en', 'header.language') }).selectOption(this.lang);
      await expect(this.page.getByRole('button', { name: this.t('run.run'), exact: true })).toBeVisible();
    }
  }

  /** Header → Lessons → the lesson's title (in this language); waits for its first step. */
  async openLesson(id: string): Promise<Locator> {
    this.lesson = lessonFile(id);
    const title = lessonIndex.lessons.find((e) => e.id === id)!.title;
    const lessons = this.page.getByRole('button', { name: this.t('lessons.button'), exact: true });
    if ((await lessons.getAttribute('aria-pressed')) !== 'true') await lessons.click();
    // The list: every lesson of the index, in order, titled in this language.
    await expect(this.panel.locator('.lesson-list__item')).toHaveText(lessonIndex.lessons.map((e) => new RegExp(`${e.order}\\s*${esc(shown(e.title, this.lang))}`)));
    if (this.lang !== 'en') expect(await englishIn(this.panel), 'English UI text in the lesson list').toEqual([]);
    await this.panel.getByRole('button', { name: shown(title, this.lang) }).click();
    await this.expectStep(this.lesson.steps[0].id);
    await expect(this.panel.locator('.lesson-panel__title')).toHaveText(shown(this.lesson.title, this.lang));
    await this.expectChinese();
    return this.panel;
  }

  /** The panel shows step `id`, with its title and text in this language. */
  async expectStep(id: string): Promise<void> {
    const step = this.lesson.steps.find((s) => s.id === id);
    if (!step) throw new Error(`lesson ${this.lesson.id} has no step "${id}"`);
    await expect(this.panel.locator(`.lesson-step[data-step="${id}"]`)).toBeVisible({ timeout: TIMEOUTS.appReady });
    await expect(this.panel.locator('.lesson-step__text')).toHaveText(shown(step.text, this.lang));
  }

  /** In zh-CN: no English UI text in the lesson panel outside code and Spark's names. */
  async expectChinese(where = ''): Promise<void> {
    if (this.lang !== 'zh-CN') return;
    const id = await this.panel.locator('.lesson-step').getAttribute('data-step').catch(() => null);
    expect(await englishIn(this.panel), `English UI text in lesson ${this.lesson.id}, step ${id} ${where}`).toEqual([]);
  }

  /** Next → (the step must be done or be a read step), then the next step shows. */
  async next(): Promise<void> {
    const i = await this.stepIndex;
    await this.expectChinese('(done)');
    await this.panel.getByRole('button', { name: `${this.t('lessons.next')} →`, exact: true }).click();
    await this.expectStep(this.lesson.steps[i + 1].id);
    await this.expectChinese();
  }

  /** Answers the current step's question as the lesson file says is right (`value` for a number read from the run). */
  async predict(value?: number): Promise<void> {
    const step = this.lesson.steps[await this.stepIndex];
    const q = step.predict;
    if (!q) throw new Error(`step ${step.id} has no question`);
    if (q.kind === 'choice') {
      const option = this.panel.getByRole('radio').nth(q.answer);
      await expect(option).toContainText(shown(q.options[q.answer], this.lang));
      await option.click();
      await expect(option).toHaveAttribute('aria-checked', 'true');
    } else {
      const n = value ?? q.answer;
      if (n === undefined) throw new Error(`step ${step.id}: a measured question needs the learner's number`);
      await this.panel.getByLabel(this.t('lessons.numberLabel')).fill(String(n));
      await this.panel.getByRole('button', { name: this.t('lessons.lockIn'), exact: true }).click();
      await expect(this.panel.getByLabel(this.t('lessons.numberLabel'))).toBeDisabled();
    }
  }

  /**
   * The current step is done (its ✓ badge), and its prediction, if any, was right. A prediction about a
   * configuration change is judged by the next run (`judgedLater`): then no verdict may show yet (expectLateVerdict).
   */
  async expectDone(timeout: number = TIMEOUTS.firstBatch, judgedLater = false): Promise<void> {
    await expect(this.panel.locator('.lesson-step .lesson-badge--done')).toBeVisible({ timeout });
    const step = this.lesson.steps[await this.stepIndex];
    if (step.predict && judgedLater) await expect(this.panel.locator('.lesson-reveal')).toHaveCount(0);
    else if (step.predict) {
      await expect(this.panel.locator('.lesson-reveal.is-right')).toBeVisible();
      await expect(this.panel.locator('.lesson-reveal')).toContainText(this.t('lessons.correct'));
      await expect(this.panel.locator('.lesson-reveal p')).toHaveText(shown(step.predict.explain, this.lang));
    }
    if (step.check) await expect(this.panel.locator('.lesson-action.is-met')).toBeVisible();
  }

  /** The previous step's prediction, judged by the run of this step, was right. */
  async expectLateVerdict(): Promise<void> {
    const prev = this.lesson.steps[(await this.stepIndex) - 1];
    const late = this.panel.locator('.lesson-reveal--late');
    await expect(late).toContainText(this.t('lessons.correct'), { timeout: TIMEOUTS.firstBatch });
    await expect(late.locator('p')).toHaveText(shown(prev.predict!.explain, this.lang));
  }

  async expectComplete(): Promise<void> {
    await expect(this.panel.getByText(this.t('lessons.complete'))).toBeVisible();
    await expect(this.panel.locator('.lesson-dot.is-done')).toHaveCount(this.lesson.steps.length);
    await expect(this.panel.locator('.lesson-progress')).toContainText(this.t('lessons.doneOf', { n: this.lesson.steps.length, total: this.lesson.steps.length }));
    await this.expectChinese('(complete)');
  }

  /** Remembers the run (its feed epoch) and its completed batch count (exposed as window.__studio for tests). */
  private async markLog(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __studio: { store: { getState(): { runFeed: { epoch: number }; sim: { batchesCompleted: number } } } }; __lessonMark?: unknown };
      const s = w.__studio.store.getState();
      w.__lessonMark = { epoch: s.runFeed.epoch, batches: s.sim.batchesCompleted };
    });
  }
  /** A batch completed after the mark (in a new run, any batch counts). */
  private async batchSinceMark(): Promise<boolean> {
    return this.page.evaluate(() => {
      const w = window as unknown as { __studio: { store: { getState(): { runFeed: { epoch: number }; sim: { batchesCompleted: number } } } }; __lessonMark?: { epoch: number; batches: number } };
      const s = w.__studio.store.getState();
      const m = w.__lessonMark;
      return !m || s.runFeed.epoch !== m.epoch ? s.sim.batchesCompleted > 0 : s.sim.batchesCompleted > m.batches;
    });
  }
  /** Presses Step `times` times, each time waiting until one more batch has completed. */
  async step(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) {
      await expect(this.stepButton).toBeEnabled({ timeout: TIMEOUTS.appReady });
      await this.markLog();
      await this.stepButton.click();
      await expect.poll(() => this.batchSinceMark(), { timeout: TIMEOUTS.firstBatch, message: 'a batch completes after Step' }).toBe(true);
    }
    await expect(this.status).toHaveClass(/status--paused/, { timeout: TIMEOUTS.firstBatch });
  }
  /** Presses Step once without waiting for a batch (a batch with no job to run, a run that processes nothing). */
  async stepOnce(): Promise<void> {
    await expect(this.stepButton).toBeEnabled({ timeout: TIMEOUTS.appReady });
    await this.stepButton.click();
  }
  async run(): Promise<void> {
    await this.page.getByRole('button', { name: this.t('run.run'), exact: true }).click();
    await expect(this.status).toHaveClass(/status--(running|paused)/, { timeout: TIMEOUTS.firstBatch });
  }
  async pause(): Promise<void> {
    const b = this.page.getByRole('button', { name: this.t('run.pause'), exact: true });
    if (await b.isEnabled()) await b.click();
    await expect(this.status).toHaveClass(/status--(paused|stopped|idle)/, { timeout: TIMEOUTS.firstBatch });
  }
  async stop(): Promise<void> {
    const b = this.page.getByRole('button', { name: this.t('run.stop'), exact: true });
    if (await b.isEnabled()) await b.click();
    await expect(this.status).toHaveClass(/status--(stopped|idle|failed)/, { timeout: TIMEOUTS.appReady });
  }

  /** Opens a dock panel by its id (cluster, stats, timeline, lineage, tasks, windows, state, preview, backpressure). */
  async openTab(id: string): Promise<void> {
    await this.page.locator(`#tab-${id}`).click();
    await expect(this.page.locator(`#tab-${id}`)).toHaveAttribute('aria-selected', 'true');
  }
  async expectTab(id: string): Promise<void> {
    await expect(this.page.locator(`#tab-${id}`)).toHaveAttribute('aria-selected', 'true', { timeout: TIMEOUTS.appReady });
  }

  /** Run bar → Cluster: sets the master mode and cores, then closes the menu. */
  async setMaster(mode: 'local' | 'cluster' | null, cores: number): Promise<void> {
    await this.page.locator('.cluster-summary').click();
    const settings = this.page.locator('fieldset.cluster');
    await expect(settings).toBeEnabled();
    if (mode) await settings.getByRole('combobox', { name: this.t('cluster.master'), exact: true }).selectOption(mode);
    await settings.getByRole('spinbutton', { name: this.t('cluster.cores'), exact: true }).fill(String(cores));
    await this.page.locator('.cluster-summary').click();
  }

  /** A button of the Cluster panel's fault group, by its UI string. */
  faultButton(key: string, vars?: Record<string, string | number>): Locator {
    return this.cluster.getByRole('button', { name: exact(this.t(key, vars)) });
  }

  // ------------------------------------------------------------ editing the graph

  get canvas(): Locator { return this.page.getByRole('region', { name: this.t('canvas.label'), exact: true }); }
  get inspector(): Locator { return this.page.getByRole('complementary', { name: this.t('inspector.title'), exact: true }); }

  /** Palette → drag `op` onto the canvas at (x, y). */
  async dropOp(op: string, x: number, y: number): Promise<void> {
    const search = this.page.getByRole('searchbox', { name: this.t('palette.search'), exact: true });
    await search.fill(op);
    await this.page.getByRole('button', { name: this.t('palette.add', { op }), exact: true }).dragTo(this.canvas, { targetPosition: { x, y } });
    await search.fill('');
    await expect(this.node(op)).toBeVisible();
  }

  /** Drags from `fromOp`'s output port to `toOp`'s input port with the mouse (one retry on a busy machine). */
  async connect(fromOp: string, toOp: string, port = 'in'): Promise<void> {
    const edges = this.page.locator('.react-flow__edge');
    const before = await edges.count();
    for (let attempt = 0; attempt < 3 && (await edges.count()) === before; attempt++) {
      const s = await this.page.getByLabel(this.t('port.output', { op: fromOp }), { exact: true }).boundingBox();
      const t = await this.page.getByLabel(this.t('port.input', { port, op: toOp }), { exact: true }).boundingBox();
      if (!s || !t) throw new Error(`ports of ${fromOp} / ${toOp} not on screen`);
      await this.page.mouse.move(s.x + s.width / 2, s.y + s.height / 2);
      await this.page.mouse.down();
      await this.page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 12 });
      await this.page.mouse.up();
      await expect.poll(() => edges.count(), { timeout: 2_000 }).toBeGreaterThan(before).catch(() => {});
    }
    await expect(edges).toHaveCount(before + 1);
  }

  /** Selects the node of `op` and returns the inspector's field of param `name`. */
  async field(op: string, name: string): Promise<Locator> {
    await this.node(op).click();
    await expect(this.inspector.locator('.inspector__op')).toContainText(op);
    return this.inspector.locator('.field', { has: this.page.locator('code.field__name', { hasText: exact(name) }) });
  }

  /** Replaces a function param's code in the inspector's editor, typing as a user does. */
  async typeFunction(op: string, name: string, source: string): Promise<void> {
    const editor = (await this.field(op, name)).getByRole('textbox');
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.type(source);
    await expect(editor).toHaveText(source);
  }

  /** Sets a duration param in milliseconds (unit ms, then the number). */
  async setDuration(op: string, name: string, ms: number): Promise<void> {
    const field = await this.field(op, name);
    await field.getByRole('combobox').selectOption('ms');
    await field.getByRole('spinbutton').fill(String(ms));
    await expect(field.getByRole('spinbutton')).toHaveValue(String(ms));
  }

  async shot(name: string): Promise<void> {
    await this.page.screenshot({ path: `${SHOTS}/${name}-${this.lang}.png` });
  }
}

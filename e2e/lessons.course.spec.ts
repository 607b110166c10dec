/**
 * The whole course in the real browser: each of the seven lessons completed end to end as a learner does it (every
 * check passes, every "predict, then run" question answered and right), once in English and once in Chinese, with
 * the language switched in the header. The flows are the same in both languages; in zh-CN every step is also checked
 * for English UI text in the lesson panel outside code and Spark's names. Screenshots: e2e/__screenshots__/lessons/.
 */
import type { Page } from '@playwright/test';
import { test, expect, TIMEOUTS } from './fixtures';
import { LANGS, Learner, tr, type Lang } from './lessons.helpers';

function esc(s: string) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

/** Lesson 1: a stream is a sequence of RDDs (a queue stream, stepped batch by batch). */
async function designIdea(L: Learner) {
  await L.openLesson('design-idea');
  await L.next();                                           // first-batch
  await L.expectTab('preview');
  await L.predict(5);
  await L.step();
  await L.expectDone();
  await expect(L.page.getByRole('region', { name: 'Data preview' })).toContainText('hello');
  await L.next();                                           // same-dag
  await L.expectTab('lineage');
  await L.predict();
  await L.step(2);
  await L.expectDone();
  await L.next();                                           // empty-queue: time goes on without data
  await L.predict(0);
  await L.step();
  await L.expectDone();
  await expect(L.console).toContainText('Time: 4000 ms');
  await L.expectComplete();
  await L.shot('design-idea-complete');
}

/** Lesson 2: start-up in 5 steps, slots, the local[1] pitfall and the fix. */
async function architecture(L: Learner) {
  await L.openLesson('architecture');
  await L.expectTab('cluster');
  await L.next();                                           // startup
  await L.predict();
  await L.step();
  await L.expectDone();
  // The Cluster panel narrates the five start-up steps, all reached.
  await expect(L.cluster.locator('.dsp-summary')).toContainText(L.t('panels.clusterSummary', { step: 5, alive: 1, busy: 0, slots: 2, receivers: 1 }).split(' · ')[0]);
  await L.next();                                           // slots
  await L.predict(1);
  await L.step(2);
  await L.expectDone();
  await L.next();                                           // local1: predict, stop, set the master
  await L.predict();
  await L.stop();
  await L.setMaster('local', 1);
  await expect(L.masterUrl).toHaveText('local[1]');
  await L.expectDone(5_000, true);                          // judged by the run, not by the change
  await L.next();                                           // local1-run: nothing is processed
  await L.stepOnce();
  await L.expectDone();
  await L.expectLateVerdict();
  await expect(L.console).toContainText('every task slot is held by a receiver');
  await expect(L.page.locator('.status__batches')).toHaveCount(0);
  await L.shot('architecture-local1');
  await L.next();                                           // fix
  await L.stop();
  await L.setMaster(null, 2);
  await expect(L.masterUrl).toHaveText('local[2]');
  await L.step();
  await L.expectDone();
  await L.expectComplete();
}

/** Reads "<node> at <t> ms: <count> records" of the Data preview for batch `t`. */
async function previewCount(page: Page, lang: Lang, node: string, t: number): Promise<number> {
  // The summary as the app words it for a count of 7 (plural forms filled in), with the numbers as patterns.
  const template = esc(tr(lang, 'panels.previewSummary', { node, t, count: 7, shown: 9 })).replace('7', '(\\d+)').replace('9', '\\d+');
  const summary = page.getByRole('region', { name: 'Data preview' }).locator('.dsp-summary');
  await expect(summary).toHaveText(new RegExp(template), { timeout: TIMEOUTS.firstBatch });
  return Number(new RegExp(template).exec((await summary.textContent()) ?? '')![1]);
}

/** Lesson 3: blocks every 200 ms, blocks become partitions, back-pressure, direct streams. */
async function input(L: Learner) {
  await L.openLesson('input');                              // blocks
  await L.expectTab('timeline');
  await L.predict(5);
  await L.step(2);
  await L.expectDone();
  await L.next();                                           // partitions: glom() prints one size per block
  await L.predict(5);
  await L.step();
  await L.expectDone();
  await L.next();                                           // backpressure (its own pipeline)
  await expect(L.page.locator('.pipeline-name')).toHaveValue(/back-?pressure/i, { timeout: TIMEOUTS.appReady });
  await L.expectTab('backpressure');
  await L.predict();
  await L.run();
  await L.expectDone();
  await L.pause();
  await L.shot('input-backpressure');
  await L.next();                                           // direct: a Kafka direct stream, no receiver
  await expect(L.page.locator('.pipeline-name')).toHaveValue(/Kafka|ExactlyOnce/i, { timeout: TIMEOUTS.appReady });
  await L.expectTab('cluster');
  await L.stop();
  await L.predict(0);
  await L.step(2);
  await L.expectDone();
  await L.expectComplete();
}

/** Lesson 4: stateless ops, a window (predicted from the counts read in Data preview), slide, inverse reduce, state. */
async function transformation(L: Learner) {
  const page = L.page;
  await L.openLesson('transformation');                     // stateless
  await L.expectTab('preview');
  const counts: number[] = [];
  for (let b = 1; b <= 3; b++) {
    await L.step();
    // The node list fills with the first batch: pick the hashtags stream.
    if (b === 1) await page.getByRole('region', { name: 'Data preview' }).getByRole('combobox', { name: L.t('panels.node'), exact: true }).selectOption({ label: 'hashTags (tags)' });
    counts.push(await previewCount(page, L.lang, 'hashTags (tags)', b * 1000));
  }
  await L.expectDone();
  await L.next();                                           // window: the sum of the three batches
  await L.predict(counts.reduce((a, b) => a + b, 0));
  await L.openTab('windows');
  await L.expectDone();
  await expect(L.panel.locator('.lesson-reveal')).toContainText(L.t('lessons.truth', { answer: counts.reduce((a, b) => a + b, 0) }));
  await L.shot('transformation-window');
  await L.next();                                           // slide: edit the window node in the inspector
  await L.predict();
  await L.stop();
  await L.setDuration('window', 'slide', 2000);
  await L.expectDone(5_000, true);                          // judged by the run, not by the change
  await expect(L.inspector).toBeInViewport({ ratio: 0.9 });  // the panel stands beside the inspector, not over it
  const [p, i] = [await L.panel.boundingBox(), await L.inspector.boundingBox()];
  expect(p!.x + p!.width).toBeLessThanOrEqual(i!.x);
  await L.shot('transformation-slide');
  await L.next();                                           // slide-run: output every 2 s
  // Batches 1000 and 3000 ms have no job to run (the window slides every 2 s), so only 2000 and 4000 ms complete.
  for (let i = 0; i < 2; i++) { await L.stepOnce(); await L.step(); }
  await L.expectDone();
  await L.expectLateVerdict();                              // the slide prediction, judged by this run
  await expect(L.console).toContainText('Time: 4000 ms');
  await expect(L.console).not.toContainText('Time: 3000 ms');
  await L.next();                                           // inverse: a question only
  await L.predict();
  await L.expectDone();
  await L.next();                                           // state: stateful word count
  await expect(L.page.locator('.pipeline-name')).toHaveValue(/stateful/i, { timeout: TIMEOUTS.appReady });
  await L.expectTab('state');
  await L.stop();
  await L.predict(3);
  await L.step(2);
  await L.expectDone();
  await expect(L.console).toContainText('(hello,3)');
  await L.next();                                           // mapWithState: a question only
  await L.predict();
  await L.expectDone();
  await L.expectComplete();
}

/** Lesson 5: print, saveAsTextFiles, foreachRDD per partition, idempotent upserts. */
async function output(L: Learner) {
  await L.openLesson('output');                             // print
  await L.predict(3);
  await L.step();
  await L.expectDone();
  await expect(L.console).toContainText('Time: 1000 ms');
  await L.next();                                           // save
  await L.predict();
  await L.step();
  await L.expectDone();
  await L.next();                                           // foreach
  await L.predict();
  await L.step();
  await L.expectDone();
  await L.next();                                           // idempotent (its own pipeline)
  await expect(L.page.locator('.pipeline-name')).toHaveValue(/Kafka|ExactlyOnce/i, { timeout: TIMEOUTS.appReady });
  await L.stop();
  await L.predict();
  await L.step(2);
  await L.expectDone();
  await expect(L.console).toContainText('UPSERT totals(batch=2000');
  await L.expectComplete();
  await L.shot('output-complete');
}

/** Lesson 6: task retry, receiver crash with the WAL, driver restart from a checkpoint, exactly-once, executor loss. */
async function faultTolerance(L: Learner) {
  await L.openLesson('fault-tolerance');
  await L.expectTab('lineage');
  await L.next();                                           // warmup
  await L.predict();
  await L.step(2);
  await L.expectDone();
  await L.next();                                           // task
  await L.expectTab('tasks');
  await L.predict();
  await L.openTab('cluster');
  await L.faultButton('panels.failNextTask').click();
  await L.step();
  await L.expectDone();
  await L.next();                                           // receiver
  await L.expectTab('cluster');
  await L.predict(0);
  await L.faultButton('panels.crashReceiver', { id: 0 }).click();
  for (let i = 0; i < 5 && !(await L.panel.locator('.lesson-step .lesson-badge--done').isVisible()); i++) await L.step();
  await L.expectDone();
  await L.shot('fault-receiver');
  await L.next();                                           // driver: restart from the checkpoint, then go on
  await L.predict();
  await L.faultButton('panels.crashDriver').click();
  await L.step();
  await L.expectDone();
  await L.next();                                           // exactly-once (its own pipeline)
  await expect(L.page.locator('.pipeline-name')).toHaveValue(/Kafka|ExactlyOnce/i, { timeout: TIMEOUTS.appReady });
  await L.predict();
  await L.step(2);
  await L.expectDone();
  await L.next();                                           // executor: local-cluster, kill executor 1
  await expect(L.masterUrl).toHaveText(/local-cluster/, { timeout: TIMEOUTS.appReady });
  await L.predict();
  await L.step(2);
  await L.openTab('cluster');
  await L.faultButton('panels.killExecutor', { id: '1' }).click();
  await L.step(2);
  await L.expectDone();
  await L.expectComplete();
  await L.shot('fault-complete');
}

/** Lesson 7: the Twitter hashtag count built on the canvas step by step, run, exported in three languages. */
async function programmingExample(L: Learner) {
  await L.openLesson('programming-example');
  await expect(L.page.locator('.react-flow__node')).toHaveCount(1);
  await L.next();                                           // flatmap
  await L.dropOp('flatMap', 140, 400);
  await L.connect('twitterStream', 'flatMap');
  await L.expectDone(5_000);
  await L.next();                                           // gettags: the function, typed in the inspector
  await L.typeFunction('flatMap', 'f', "t => t.text.split(' ').filter(w => w.startsWith('#'))");
  await L.expectDone(5_000);
  await L.shot('programming-gettags');
  await L.next();                                           // count
  await L.dropOp('countByValue', 400, 400);
  await L.connect('flatMap', 'countByValue');
  await L.expectDone(5_000);
  await L.next();                                           // output
  await L.dropOp('print', 660, 400);
  await L.connect('countByValue', 'print');
  await L.expectDone(5_000);
  await L.page.getByRole('button', { name: L.t('action.layout'), exact: true }).click();   // tidy the canvas
  await L.next();                                           // run
  await L.predict();
  await L.step(2);
  await L.expectDone();
  await expect(L.console).toContainText(/\(#\w+,\d+\)/);
  await L.next();                                           // hadoop: the lecture's saveAsHadoopFiles, on the pairs
  await L.dropOp('saveAsHadoopFiles', 260, 470);
  await L.connect('countByValue', 'saveAsHadoopFiles');
  await L.expectDone(5_000);
  await L.shot('programming-hadoop');
  await L.next();                                           // export
  const exportView = L.panel.getByRole('region', { name: L.t('lessons.export') }).or(L.panel.locator('.lesson-export'));
  // The flatMap the learner typed, as each language writes it (tweet fields become twitter4j getters / dict keys).
  const flatMaps = {
    TypeScript: "t => t.text.split(' ').filter(w => w.startsWith('#'))",
    Scala: 't => t.getText.split(" ").filter(w => w.startsWith("#"))',
    PySpark: "lambda t: [w for w in t['text'].split(' ') if w.startswith('#')]",
  };
  for (const [name, code] of [['TypeScript', 'countByValue()'], ['Scala', 'countByValue()'], ['PySpark', 'countByValue()']] as const) {
    await exportView.getByRole('button', { name, exact: true }).click();
    await expect(L.panel.getByLabel(name, { exact: true })).toContainText(code);
    await expect(L.panel.getByLabel(name, { exact: true })).toContainText(flatMaps[name]);
    // The copy button sits beside the language buttons, never over the code.
    const copy = await exportView.locator('.lesson-export__copy').boundingBox();
    const pre = await L.panel.getByLabel(name, { exact: true }).boundingBox();
    expect(copy && pre && (copy.y + copy.height <= pre.y + 0.5 || pre.y + pre.height <= copy.y + 0.5 || copy.x + copy.width <= pre.x + 0.5 || pre.x + pre.width <= copy.x + 0.5), `the copy button covers the ${name} code`).toBe(true);
  }
  await L.expectDone(5_000);
  await L.expectComplete();
  await L.shot('programming-export');
}

const COURSE: [string, (L: Learner) => Promise<void>][] = [
  ['1 design idea', designIdea],
  ['2 architecture', architecture],
  ['3 input', input],
  ['4 transformation', transformation],
  ['5 output', output],
  ['6 fault tolerance', faultTolerance],
  ['7 programming example', programmingExample],
];

for (const lang of LANGS) {
  test.describe(`course in ${lang}`, () => {
    for (const [name, flow] of COURSE) {
      test(`lesson ${name}`, async ({ studio }) => {
        test.setTimeout(180_000);
        const L = new Learner(studio, lang);
        await L.open();
        await flow(L);
      });
    }
  });
}

import { test, expect, TIMEOUTS } from './fixtures';

/**
 * On local[N]: there tasks run inside the driver's Web Worker, so a looping UDF freezes
 * that worker (the page's thread is free). The worker's heartbeat stops; after spark.studio.task.timeout the page
 * terminates it, starts a new driver with the graph loaded, marks the run failed and says so in the console
 * (Spark-style English and the translated explanation). A fixed graph then runs normally.
 */
const TIMEOUT_MS = 3000;

const graph = (f: string, name: string) => ({
  version: 1,
  name,
  master: 'local[2]',
  batchDuration: 1000,
  seed: 7,
  conf: { 'spark.studio.task.timeout': `${TIMEOUT_MS / 1000}s` },
  nodes: [
    { id: 'words', op: 'queueStream', params: { batches: [['loop'], ['after']], oneAtATime: true }, position: { x: 40, y: 0 } },
    { id: 'spin', op: 'map', params: { f }, position: { x: 300, y: 0 } },
    { id: 'out', op: 'print', params: { num: 10 }, position: { x: 560, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'words', target: 'spin' },
    { id: 'e2', source: 'spin', target: 'out' },
  ],
});
const looping = graph("w => { while (w === 'loop') { /* never returns */ } return w.toUpperCase(); }", 'LocalLoop');
const fixed = graph('w => w.toUpperCase()', 'LocalLoop fixed');

const MESSAGE = new RegExp(
  `task exceeded ${TIMEOUT_MS} ms \\(possible infinite loop in map at spin\\); local mode runs tasks inside the driver's worker, ` +
  'so it was restarted\\. Use local-cluster to keep the run going\\.');

test('a looping UDF on local[2]: the page stays responsive, the driver is restarted, a fixed graph runs', async ({ studio, page }) => {
  test.setTimeout(120_000);
  const drivers: string[] = [];
  page.on('worker', (w) => { if (/driver\.worker/.test(w.url())) drivers.push(w.url()); });

  await studio.open();
  await page.evaluate(() => localStorage.clear());
  await studio.open();
  const openFile = (doc: object, file: string) =>
    page.getByTestId('open-file').setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await openFile(looping, 'local-loop.json');
  const name = page.getByRole('textbox', { name: 'Pipeline name' });
  await expect(name).toHaveValue('LocalLoop', { timeout: TIMEOUTS.appReady });
  await expect(page.getByText('local[2]', { exact: true }).first()).toBeVisible();

  await studio.run();
  const status = page.getByRole('toolbar', { name: 'Run controls' }).getByRole('status');
  await expect(status).toContainText(/Running|Starting/);

  // While the driver's worker spins: the main thread answers at once, a click and typing take effect within a second.
  const lag = await page.evaluate(() => new Promise<number>((resolve) => { const t0 = performance.now(); setTimeout(() => resolve(performance.now() - t0), 0); }));
  expect(lag).toBeLessThan(1000);
  await name.fill('LocalLoop edited', { timeout: 1000 });
  await expect(name).toHaveValue('LocalLoop edited', { timeout: 1000 });
  await page.getByText('File', { exact: true }).click({ timeout: 1000 });
  await expect(page.getByRole('button', { name: 'Share link…' })).toBeVisible({ timeout: 1000 });
  await page.keyboard.press('Escape');
  // The looping batch printed nothing, and all of that happened before the watchdog's verdict.
  await expect(studio.console).not.toContainText('LOOP');
  await expect(studio.console).not.toContainText('task exceeded');

  // The first batch (the 'loop' record) is due 1 s after the start: by now its task spins; typing still works.
  await page.waitForTimeout(1500);
  await name.fill('LocalLoop spinning', { timeout: 1000 });
  await expect(name).toHaveValue('LocalLoop spinning', { timeout: 1000 });

  // The watchdog fires after the timeout (3 s of silence): the message, its explanation, the run marked failed.
  await studio.expectConsole(MESSAGE, 10_000 + TIMEOUT_MS);
  await expect(studio.console).toContainText("On local[N] tasks run inside the driver's worker");
  await expect(status).toContainText('Failed');
  // A new driver worker replaced the frozen one (in a new engine host iframe, which starts it a moment later).
  await expect.poll(() => drivers.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);

  // Still responsive afterwards; then a fixed graph runs on the new driver.
  await name.fill('LocalLoop again', { timeout: 1000 });
  await expect(name).toHaveValue('LocalLoop again', { timeout: 1000 });
  await openFile(fixed, 'local-loop-fixed.json');
  await expect(name).toHaveValue('LocalLoop fixed', { timeout: TIMEOUTS.appReady });
  await studio.run();
  await studio.expectConsole(/LOOP/, TIMEOUTS.firstBatch);
  await studio.expectConsole(/AFTER/, TIMEOUTS.firstBatch);
  await expect(status).toContainText('Running');
});

import { test, expect, TIMEOUTS } from './fixtures';

/**
 * A UDF with an infinite loop on local-cluster runs in an executor Web Worker (nested in
 * the driver's worker), never on the page's thread. While it loops the page stays responsive; after
 * spark.studio.task.timeout the task fails with "task exceeded N ms (possible infinite loop in map ...)", the
 * executor's worker is replaced, the job aborts after spark.task.maxFailures, and later batches print.
 *
 * The graph is opened as a file (File → Open, the hidden input `open-file`); it sets the timeout in its `conf`.
 */
const TIMEOUT_MS = 6000;

const graph = {
  version: 1,
  name: 'UdfLoop',
  master: 'local-cluster[2,1,256]',
  batchDuration: 1000,
  seed: 7,
  conf: { 'spark.studio.task.timeout': `${TIMEOUT_MS}ms`, 'spark.task.maxFailures': '2' },
  nodes: [
    { id: 'words', op: 'queueStream', params: { batches: [['loop'], ['after']], oneAtATime: true }, position: { x: 40, y: 0 } },
    { id: 'spin', op: 'map', params: { f: "w => { while (w === 'loop') { /* never returns */ } return w.toUpperCase(); }" }, position: { x: 300, y: 0 } },
    { id: 'out', op: 'print', params: { num: 10 }, position: { x: 560, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'words', target: 'spin' },
    { id: 'e2', source: 'spin', target: 'out' },
  ],
};

test('a looping UDF on local-cluster: the page stays responsive, the task times out, later batches run', async ({ studio, page }) => {
  test.setTimeout(150_000);
  const executorWorkers: string[] = [];
  page.on('worker', (w) => { if (/executorWorker/.test(w.url())) executorWorkers.push(w.url()); });

  await studio.open();
  await page.evaluate(() => localStorage.clear());
  await studio.open();
  await page.getByTestId('open-file').setInputFiles({ name: 'udf-loop.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
  const name = page.getByRole('textbox', { name: 'Pipeline name' });
  await expect(name).toHaveValue('UdfLoop', { timeout: TIMEOUTS.appReady });
  await expect(page.getByText('local-cluster[2,1,256]', { exact: true }).first()).toBeVisible();

  await studio.run();
  // Both executors started; the first batch's task (the 'loop' record) is then spinning in one of them.
  await expect.poll(() => executorWorkers.length, { timeout: TIMEOUTS.firstBatch }).toBeGreaterThanOrEqual(2);
  // The Cluster panel's summary shows the busy slot of the looping task.
  await expect(page.getByText(/· [1-9]\/2 slots busy/)).toBeVisible({ timeout: TIMEOUTS.firstBatch });
  await expect(studio.console).not.toContainText('task exceeded');

  // While it loops: the main thread answers at once, a click and typing take effect within a second.
  const lag = await page.evaluate(() => new Promise<number>((resolve) => { const t0 = performance.now(); setTimeout(() => resolve(performance.now() - t0), 0); }));
  expect(lag).toBeLessThan(1000);
  await name.fill('UdfLoop edited', { timeout: 1000 });
  await expect(name).toHaveValue('UdfLoop edited', { timeout: 1000 });
  await page.getByText('File', { exact: true }).click({ timeout: 1000 });
  await expect(page.getByRole('button', { name: 'Share link…' })).toBeVisible({ timeout: 1000 });
  await page.keyboard.press('Escape');
  await expect(studio.console).not.toContainText('task exceeded');

  // The timeout fires (twice: spark.task.maxFailures = 2), the job aborts with the message naming the operation.
  await studio.expectConsole(new RegExp(`task exceeded ${TIMEOUT_MS} ms \\(possible infinite loop in map`), 4 * TIMEOUT_MS + 30_000);
  await studio.expectConsole(/Job aborted due to stage failure/);
  // Fresh executors replaced the terminated ones, and the next batch ran on them.
  await studio.expectConsole(/AFTER/, TIMEOUTS.firstBatch);
  expect(executorWorkers.length).toBeGreaterThanOrEqual(3);
});

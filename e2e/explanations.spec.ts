import { test, expect, TIMEOUTS } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The console and the canvas explain a failure by the code it carries from the engine (through the driver's worker
 * and the engine host), beside Spark's words in English: a user function that throws on an executor, and a graph
 * with no output operation.
 */
test.use({ autoConsent: true });

const node = (id: string, op: string, params: Record<string, unknown>, x: number) => ({ id, op, params, position: { x, y: 0 } });

const throwing = {
  version: 1, name: 'Throws', master: 'local[2]', batchDuration: 1000, seed: 7,
  nodes: [
    node('words', 'queueStream', { batches: [['a b'], ['c']], oneAtATime: true }, 40),
    node('shout', 'map', { f: 'w => w.toUpperCas()' }, 300),
    node('out', 'print', { num: 10 }, 560),
  ],
  edges: [{ id: 'e1', source: 'words', target: 'shout' }, { id: 'e2', source: 'shout', target: 'out' }],
};

const noOutput = {
  version: 1, name: 'NoOutput', master: 'local[2]', batchDuration: 1000, seed: 7,
  nodes: [node('words', 'queueStream', { batches: [['a b']], oneAtATime: true }, 40), node('shout', 'map', { f: 'w => w.toUpperCase()' }, 300)],
  edges: [{ id: 'e1', source: 'words', target: 'shout' }],
};

async function openGraph(page: Page, graph: { name: string }): Promise<void> {
  await page.getByTestId('open-file').setInputFiles({ name: `${graph.name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
  await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue(graph.name, { timeout: TIMEOUTS.appReady });
}

test('a function that throws on an executor: the console explains it as a user function error', async ({ studio, page }) => {
  test.setTimeout(120_000);
  await studio.open();
  await openGraph(page, throwing);
  await studio.run();
  const error = page.locator('.console-error').filter({ hasText: 'toUpperCas is not a function' }).first();
  await expect(error).toBeVisible({ timeout: TIMEOUTS.firstBatch });
  await expect(error.locator('.console-error__explain')).toHaveText('One of your functions threw an error while processing a record.');
  await page.screenshot({ path: test.info().outputPath('udf-error-en.png') });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(error.locator('.console-error__explain')).toHaveText('你的某个函数在处理记录时抛出了错误。');
  await page.screenshot({ path: test.info().outputPath('udf-error-zh.png') });
});

test('a graph without an output operation: the canvas and the console explain it', async ({ studio, page }) => {
  test.setTimeout(120_000);
  await studio.open();
  await openGraph(page, noOutput);
  const issue = page.locator('.canvas-issues .issue').filter({ hasText: 'No output operations registered' });
  await expect(issue.locator('.issue__explain')).toHaveText(/Add an output operation/);
  await studio.run();
  const error = page.locator('.console-error').filter({ hasText: 'No output operations registered' }).first();
  await expect(error.locator('.console-error__explain')).toHaveText(/Add an output operation/, { timeout: TIMEOUTS.firstBatch });
  await page.screenshot({ path: test.info().outputPath('no-output-en.png') });
});

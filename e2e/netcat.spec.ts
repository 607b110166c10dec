import { test, expect, TIMEOUTS } from './fixtures';

/**
 * socketTextStream in the browser: the studio's "netcat" box (like `nc -lk 9999`). A NetworkWordCount graph
 * (socketTextStream → flatMap → map → reduceByKey → print on local[2]) is opened as a file; its Netcat tab lists
 * localhost:9999; lines sent there reach the receiver, so the next batch counts them.
 */
const graph = {
  version: 1,
  name: 'NetcatWordCount',
  master: 'local[2]',
  batchDuration: 1000,
  seed: 42,
  nodes: [
    { id: 'lines', op: 'socketTextStream', params: { host: 'localhost', port: 9999 }, position: { x: 40, y: 0 }, label: 'lines' },
    { id: 'words', op: 'flatMap', params: { f: "l => l.split(' ')" }, position: { x: 300, y: 0 }, label: 'words' },
    { id: 'pairs', op: 'map', params: { f: 'w => [w, 1]' }, position: { x: 560, y: 0 }, label: 'pairs' },
    { id: 'counts', op: 'reduceByKey', params: { reduce: '(a, b) => a + b' }, position: { x: 820, y: 0 }, label: 'counts' },
    { id: 'out', op: 'print', params: { num: 10 }, position: { x: 1080, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'lines', target: 'words' },
    { id: 'e2', source: 'words', target: 'pairs' },
    { id: 'e3', source: 'pairs', target: 'counts' },
    { id: 'e4', source: 'counts', target: 'out' },
  ],
};

test('netcat: lines sent from the Netcat tab reach socketTextStream and the next batch counts them', async ({ studio, page }, testInfo) => {
  test.setTimeout(150_000);
  await studio.open();
  await page.evaluate(() => localStorage.clear());
  await studio.open();
  await page.getByTestId('open-file').setInputFiles({ name: 'netcat.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
  await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue('NetcatWordCount', { timeout: TIMEOUTS.appReady });

  await page.getByRole('tab', { name: 'Netcat' }).click();
  const panel = page.getByRole('region', { name: 'Netcat' });
  await expect(panel).toContainText('listening on localhost:9999');
  await expect(panel).toContainText('nc -lk 9999');

  // Before Run nothing is connected: the panel says so and keeps the text.
  const box = panel.getByRole('textbox', { name: 'Lines to send' });
  await box.fill('too early');
  await panel.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText('Nothing is running');
  await expect(box).toHaveValue('too early');

  await studio.run();
  await studio.expectConsole();   // a first (empty) batch: the receiver is connected
  await box.fill('hello world\nhello spark');
  await page.screenshot({ path: testInfo.outputPath('netcat-typed.png') });
  await box.press('Control+Enter');   // sends (not the studio's Run shortcut)
  await expect(panel.getByRole('status')).toHaveText('Sent 2 lines to localhost:9999.');
  await expect(box).toHaveValue('');
  await expect(panel.getByRole('list', { name: 'Sent' })).toContainText('hello spark');

  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await studio.expectConsole('(hello,2)');
  await studio.expectConsole('(world,1)');
  await studio.expectConsole('(spark,1)');
  await page.screenshot({ path: testInfo.outputPath('netcat-sent.png') });
  await expect(studio.console).not.toContainText('too early');

  // The Send button does the same.
  await box.fill('hello again');
  await panel.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await studio.expectConsole('(again,1)');
});

test('netcat: the panel in zh-CN, with two endpoints to choose from', async ({ studio, page }, testInfo) => {
  await studio.open();
  await page.evaluate(() => localStorage.clear());
  await studio.open();
  const two = {
    ...graph,
    name: 'NetcatTwo',
    master: 'local[4]',
    nodes: [
      ...graph.nodes,
      { id: 'more', op: 'socketTextStream', params: { host: 'localhost', port: 7777 }, position: { x: 40, y: 160 }, label: 'more' },
      { id: 'out2', op: 'print', params: { num: 10 }, position: { x: 300, y: 160 } },
    ],
    edges: [...graph.edges, { id: 'e5', source: 'more', target: 'out2' }],
  };
  await page.getByTestId('open-file').setInputFiles({ name: 'netcat2.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(two)) });
  await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue('NetcatTwo', { timeout: TIMEOUTS.appReady });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('tab', { name: 'Netcat' }).click();
  const panel = page.getByRole('region', { name: 'Netcat' });
  await expect(panel).toContainText('正在监听 localhost:9999');
  await panel.getByRole('combobox').selectOption('localhost:7777');
  await expect(panel).toContainText('正在监听 localhost:7777');
  await expect(panel.getByRole('button', { name: '发送' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('netcat-zh.png') });
});

import { test, expect, TIMEOUTS } from './fixtures';

test.describe('files', () => {
  test('a broken JSON file shows every problem and keeps the current graph', async ({ studio, page }) => {
    await studio.open();
    await page.evaluate(() => localStorage.clear());
    await studio.open();
    const nodes = page.locator('.react-flow__node');
    await expect(nodes).toHaveCount(6, { timeout: TIMEOUTS.appReady });
    const name = await page.getByRole('textbox', { name: 'Pipeline name' }).inputValue();

    const input = page.getByTestId('open-file');
    // Not JSON at all.
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "version": 1, "nodes": [ ') });
    let dialog = page.getByRole('dialog', { name: /Could not open broken\.json/ });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('your current pipeline is unchanged');
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect(nodes).toHaveCount(6);

    // Valid JSON, wrong document: several problems, all listed.
    const bad = { version: 1, name: 'bad', master: 'nowhere', batchDuration: -5, seed: 1, nodes: [{ id: 'a', op: 'noSuchOp', params: {}, position: { x: 0, y: 0 } }], edges: [{ id: 'e', source: 'a', target: 'missing' }] };
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    dialog = page.getByRole('dialog', { name: /Could not open bad\.json/ });
    await expect(dialog).toBeVisible();
    expect(await dialog.locator('.problem-list li').count()).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(nodes).toHaveCount(6);
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue(name);
  });

  test('a good file opens; a share link with code opens shown but untrusted (Run asks first: consent.spec.ts)', async ({ studio, page }) => {
    await studio.open();
    await page.evaluate(() => localStorage.clear());
    await studio.open();
    await expect(page.locator('.react-flow__node')).toHaveCount(6, { timeout: TIMEOUTS.appReady });
    const doc = await (await page.request.get('/examples/wordcount.json')).text();
    await page.getByTestId('open-file').setInputFiles({ name: 'wordcount.json', mimeType: 'application/json', buffer: Buffer.from(doc) });
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue(/NetworkWordCount/);

    // Share link of the word count: it opens, and nothing of it runs before the consent at Run.
    await page.getByText('File', { exact: true }).click();
    await page.getByRole('button', { name: 'Share link…' }).click();
    const url = await page.getByRole('dialog', { name: 'Share link' }).locator('textarea').inputValue();
    expect(url).toContain('#g=');
    await page.keyboard.press('Escape');
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.goto(url);
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue(/NetworkWordCount/, { timeout: TIMEOUTS.appReady });
    expect(await page.evaluate(() => (window as unknown as { __studio: { store: { getState(): { trusted: boolean } } } }).__studio.store.getState().trusted)).toBe(false);
  });

  test('a corrupted autosave entry is kept aside and reported, not dropped silently', async ({ studio, page }) => {
    await studio.open();
    await page.evaluate(() => {
      localStorage.clear();
      localStorage.setItem('dstream-studio:pipeline:Broken:5', '{ "version": 1, "nodes": [');
      localStorage.setItem('dstream-studio:pipelines', JSON.stringify({ version: 1, current: 'Broken', entries: { Broken: { key: 'dstream-studio:pipeline:Broken:5', savedAt: 5 } } }));
    });
    await studio.open();
    await expect(page.getByText(/The saved pipeline "Broken" could not be read/)).toBeVisible({ timeout: TIMEOUTS.appReady });
    // The default example is shown instead, and the broken text is still in storage, under a corrupt: key.
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('dstream-studio:corrupt:')).map((k) => localStorage.getItem(k)));
    expect(kept).toEqual(['{ "version": 1, "nodes": [']);
  });
});

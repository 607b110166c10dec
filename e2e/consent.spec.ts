import type { Page } from '@playwright/test';
import { test, expect, TIMEOUTS } from './fixtures';

/**
 * Consent before code and strings wired into a pair input. Nothing from a file, link,
 * paste or a crashed visit runs, not even a dry run, until the user presses Run and confirms a dialog listing every
 * function with its node. "Nothing ran" is proven three ways: no engine worker was started (driver or dry-run), the
 * store saw no engine event (no recordsSample, no task), and a marker the functions would print never appears.
 */
test.use({ autoConsent: false });

const MARKER = 'CONSENT-MARKER-RAN';

type GraphDoc = { version: 1; name: string; master: string; batchDuration: number; seed: number; nodes: unknown[]; edges: unknown[]; [k: string]: unknown };
const doc = (name: string, nodes: unknown[], edges: unknown[], extra: Record<string, unknown> = {}): GraphDoc =>
  ({ version: 1, name, master: 'local[2]', batchDuration: 1000, seed: 7, nodes, edges, ...extra });
const node = (id: string, op: string, params: Record<string, unknown>, x: number, label?: string) => ({ id, op, params, position: { x, y: 0 }, ...(label ? { label } : {}) });
const chainEdges = (...ids: string[]) => ids.slice(1).map((t, i) => ({ id: `e${i + 1}`, source: ids[i], target: t }));

/** A map that prints the marker, then loops forever: if any of it ran before consent, the test sees it. */
const hostileMap = `x => { console.log('${MARKER}'); while (true) {} }`;
const hostile = (name = 'Hostile') => doc(name, [
  node('src', 'queueStream', { batches: [['a b'], ['c']] }, 0),
  node('spin', 'map', { f: hostileMap }, 240),
  node('pairs', 'map', {}, 480),
  node('counts', 'reduceByKey', {}, 720),
  node('out', 'print', {}, 960),
], chainEdges('src', 'spin', 'pairs', 'counts', 'out'));

/** A map that allocates until the tab runs out of memory. */
const memoryBomb = doc('MemoryBomb', [
  node('src', 'queueStream', { batches: [['x']] }, 0),
  node('bomb', 'map', { f: `x => { console.log('${MARKER}'); const a = []; for (;;) a.push(new Array(1e7).fill(x)); }` }, 240),
  node('out', 'print', {}, 480),
], chainEdges('src', 'bomb', 'out'));

const harmless = doc('Harmless', [
  node('src', 'queueStream', { batches: [['hello world'], ['hello spark']] }, 0),
  node('upper', 'map', { f: 'l => l.toUpperCase()' }, 240),
  node('out', 'print', {}, 480),
], chainEdges('src', 'upper', 'out'));

type StoreState = { trusted: boolean; safeMode: boolean; sim: { status: string; batchesCompleted: number }; consoleLines: string[]; liveCounts: Record<string, number>; meta: { name: string }; nodes: unknown[] };
const state = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as { __studio: { store: { getState(): StoreState } } }).__studio.store.getState();
  return { trusted: s.trusted, safeMode: s.safeMode, status: s.sim.status, batches: s.sim.batchesCompleted, lines: s.consoleLines.length, counts: Object.keys(s.liveCounts).length, name: s.meta.name, nodes: s.nodes.length };
});

/** Everything that would show that code of the document ran: engine workers, console markers. */
function watchForCode(page: Page) {
  const seen = { engineWorkers: [] as string[], markers: 0 };
  page.on('worker', (w) => { if (/driver|dry-run|executor/i.test(w.url())) seen.engineWorkers.push(w.url()); });
  page.on('console', (m) => { if (m.text().includes(MARKER)) seen.markers++; });
  return seen;
}

async function freshStudio(page: Page, studio: { open(path?: string): Promise<void> }) {
  await studio.open();
  await page.evaluate(() => localStorage.clear());
  await studio.open();
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: TIMEOUTS.appReady });
}

async function openFile(page: Page, g: GraphDoc | string, file = 'pipeline.json') {
  const text = typeof g === 'string' ? g : JSON.stringify(g);
  await page.getByTestId('open-file').setInputFiles({ name: file, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The page answers quickly (its main thread is not busy with the document's code). */
async function expectResponsive(page: Page) {
  expect(await page.evaluate(() => new Promise<number>((r) => setTimeout(() => r(1 + 1), 0)))).toBe(2);
  await page.getByTestId('rf__controls').getByRole('button', { name: 'Fit view' }).click();
}

async function expectNothingRan(page: Page, seen: ReturnType<typeof watchForCode>) {
  const s = await state(page);
  expect(s, 'no run, no engine event').toMatchObject({ status: 'idle', batches: 0, lines: 0, counts: 0 });
  expect(seen.engineWorkers, 'no engine worker started').toEqual([]);
  expect(seen.markers, 'the marker never printed').toBe(0);
}

const consent = (page: Page) => page.getByTestId('consent-dialog');

test.describe('consent before code', () => {
  test('a file with a looping, printing function: shown, nothing runs on open, the page stays responsive', async ({ studio, page }) => {
    const seen = watchForCode(page);
    await freshStudio(page, studio);
    await openFile(page, hostile());
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue('Hostile');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    // Longer than the old dry run's delay (700 ms) and its timeout (4 s).
    await page.waitForTimeout(5000);
    await expectResponsive(page);
    await expectNothingRan(page, seen);
    expect((await state(page)).trusted).toBe(false);
  });

  test('Run lists every function with its node, defaults included; declining keeps the graph and runs nothing', async ({ studio, page }) => {
    const seen = watchForCode(page);
    await freshStudio(page, studio);
    await openFile(page, hostile());
    await studio.run();
    const d = consent(page);
    await expect(d).toBeVisible();
    const items = d.getByRole('list', { name: 'Functions the pipeline will run' }).getByRole('listitem');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toContainText('spin · map.f');
    await expect(items.nth(0)).toContainText(MARKER);
    await expect(items.nth(1)).toContainText('pairs · map.f · default');
    await expect(items.nth(1)).toContainText('w => [w, 1]');
    await expect(items.nth(2)).toContainText('counts · reduceByKey.reduce · default');
    await expect(d.getByTestId('consent-accept')).toHaveText('Run these 3 functions');
    await d.getByRole('button', { name: 'Not now' }).click();
    await expect(d).toBeHidden();
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    await expectNothingRan(page, seen);
  });

  test('confirming runs the pipeline, and the trust travels with autosave across a reload', async ({ studio, page }) => {
    await freshStudio(page, studio);
    await openFile(page, harmless);
    await studio.run();
    await consent(page).getByTestId('consent-accept').click();
    await studio.expectConsole('HELLO WORLD');
    await studio.stopButton.click();
    await expect.poll(async () => (await state(page)).status).toBe('stopped');
    await studio.open();
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue('Harmless', { timeout: TIMEOUTS.appReady });
    expect((await state(page)).trusted).toBe(true);
    await studio.run();
    await studio.expectConsole('HELLO WORLD');
    await expect(consent(page)).toHaveCount(0);
  });

  test('a share link with code: shown, nothing runs; Run asks first', async ({ studio, page }) => {
    const seen = watchForCode(page);
    await freshStudio(page, studio);
    await openFile(page, hostile('Shared hostile'));
    await page.getByText('File', { exact: true }).click();
    await page.getByRole('button', { name: 'Share link…' }).click();
    const url = await page.getByRole('dialog', { name: 'Share link' }).locator('textarea').inputValue();
    await page.keyboard.press('Escape');
    await page.evaluate(() => localStorage.clear());
    await page.goto(url);
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue(/Shared hostile/, { timeout: TIMEOUTS.appReady });
    await page.waitForTimeout(3000);
    await expectResponsive(page);
    await expectNothingRan(page, seen);
    await studio.run();
    await expect(consent(page)).toContainText(MARKER);
    await page.keyboard.press('Escape');
    await expect(consent(page)).toBeHidden();
    await expectNothingRan(page, seen);
  });

  test('a memory-bomb map opened from a file crashes nothing on open, nor on reload (autosave restores it untrusted)', async ({ studio, page }) => {
    const seen = watchForCode(page);
    await freshStudio(page, studio);
    await openFile(page, memoryBomb);
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue('MemoryBomb');
    await page.waitForTimeout(2500);
    await expectNothingRan(page, seen);
    for (let i = 0; i < 2; i++) {
      await studio.open();
      await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue('MemoryBomb', { timeout: TIMEOUTS.appReady });
      await page.waitForTimeout(2000);
      await expectResponsive(page);
      expect((await state(page)).trusted).toBe(false);
    }
    await expectNothingRan(page, seen);
  });

  test('hostile documents: a self-declared "trusted" flag, Ctrl+Enter and Step all still ask', async ({ studio, page }) => {
    const seen = watchForCode(page);
    await freshStudio(page, studio);
    await openFile(page, { ...hostile('Claims trust'), trusted: true, consented: true });
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue('Claims trust');
    expect((await state(page)).trusted).toBe(false);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+Enter');
    await expect(consent(page)).toBeVisible();
    await page.keyboard.press('Control+Enter');   // again, from inside the dialog: still only the dialog
    await consent(page).getByRole('button', { name: 'Not now' }).click();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(consent(page)).toBeVisible();
    await consent(page).getByRole('button', { name: 'Not now' }).click();
    await expectNothingRan(page, seen);
  });

  test('markup in labels and functions is shown as text in the dialog, never rendered', async ({ studio, page }) => {
    await freshStudio(page, studio);
    const g = doc('Markup', [
      node('src', 'queueStream', { batches: [['a']] }, 0),
      node('m', 'map', { f: 'x => "<img src=x onerror=alert(1)>"' }, 240, '<img src=y onerror=alert(2)>'),
      node('out', 'print', {}, 480),
    ], chainEdges('src', 'm', 'out'));
    page.on('dialog', () => { throw new Error('an alert ran'); });
    await openFile(page, g);
    await studio.run();
    await expect(consent(page)).toContainText('<img src=x onerror=alert(1)>');
    await expect(consent(page)).toContainText('<img src=y onerror=alert(2)> (m)');
    await expect(consent(page).locator('img')).toHaveCount(0);
    await consent(page).getByRole('button', { name: 'Not now' }).click();
  });

  test('pasting nodes from another source into a trusted pipeline makes Run ask', async ({ studio, page }) => {
    await freshStudio(page, studio);
    expect((await state(page)).trusted).toBe(true);   // the app's own example
    const fragment = { kind: 'dstream-studio/fragment', version: 1, nodes: [node('evil', 'map', { f: hostileMap }, 0)], edges: [] };
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
    }, JSON.stringify(fragment));
    await expect.poll(async () => (await state(page)).trusted).toBe(false);
    await studio.run();
    await expect(consent(page)).toContainText(MARKER);
    await consent(page).getByRole('button', { name: 'Not now' }).click();
  });

  test('a file without any function runs on Run alone (only built-in operators run)', async ({ studio, page }) => {
    await freshStudio(page, studio);
    await openFile(page, doc('No functions', [node('src', 'queueStream', { batches: [['one'], ['two']] }, 0), node('out', 'print', {}, 240)], chainEdges('src', 'out')));
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue('No functions');
    await studio.run();
    await studio.expectConsole('one');
    await expect(consent(page)).toHaveCount(0);
  });

  test('built-in examples are the app\'s own: they run without asking', async ({ studio, page }) => {
    await freshStudio(page, studio);
    await page.getByRole('button', { name: /Examples/ }).first().click();
    await page.locator('.gallery__item', { hasText: /^Word count/ }).click();
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue(/NetworkWordCount/);
    await studio.run();
    await studio.expectConsole();
    await expect(consent(page)).toHaveCount(0);
  });
});

test.describe('safe mode after a crash', () => {
  test('a run mark left by the last visit: graph shown, nothing runs, other pipelines intact; both ways out', async ({ studio, page }) => {
    const seen = watchForCode(page);
    await freshStudio(page, studio);
    await openFile(page, harmless);                       // another saved pipeline
    await openFile(page, hostile('Crashed'));
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue('Crashed');
    await page.evaluate(() => (window as unknown as { __studio: { saveNow(a: boolean): boolean } }).__studio.saveNow(false));
    const savedBefore = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('dstream-studio:pipelines') ?? '{}').entries ?? {}).sort());
    expect(savedBefore).toEqual(expect.arrayContaining(['Crashed', 'Harmless']));
    // The crash: the tab dies while a run is active, so the mark is never cleared. A reload's pagehide would clear it,
    // so the mark is put back before the app's scripts run, as a crashed tab leaves it.
    await page.addInitScript(() => {
      if (window !== window.parent) return;   // init scripts run in every frame; the engine host owns no storage
      if (sessionStorage.getItem('crash-simulated')) return;
      sessionStorage.setItem('crash-simulated', '1');
      localStorage.setItem('dstream-studio:run-active', JSON.stringify({ pipeline: 'Crashed' }));
    });
    await page.reload();
    const banner = page.getByRole('alert', { name: 'Safe mode' });
    await expect(banner).toBeVisible({ timeout: TIMEOUTS.appReady });
    await expect(banner).toContainText('"Crashed" was running');
    await expect(page.locator('.react-flow__node')).toHaveCount(5);
    await page.waitForTimeout(2000);
    await expectResponsive(page);
    await expectNothingRan(page, seen);
    const savedAfter = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('dstream-studio:pipelines') ?? '{}').entries ?? {}).sort());
    expect(savedAfter).toEqual(expect.arrayContaining(savedBefore));

    // Run anyway goes through consent.
    await banner.getByRole('button', { name: 'Run anyway…' }).click();
    await expect(consent(page)).toContainText(MARKER);
    await consent(page).getByRole('button', { name: 'Not now' }).click();
    await expectNothingRan(page, seen);

    // Functions disabled: a copy with stock functions that runs without asking; the original stays saved.
    await banner.getByRole('button', { name: 'Open with functions disabled' }).click();
    await expect(banner).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Pipeline name' })).toHaveValue('Crashed (functions disabled)');
    await studio.run();
    await expect(consent(page)).toHaveCount(0);
    await studio.expectConsole(/\(b,1\)|\(a,1\)|\(a b,1\)/);
    expect(seen.markers).toBe(0);
    const savedLast = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('dstream-studio:pipelines') ?? '{}').entries ?? {}));
    expect(savedLast).toEqual(expect.arrayContaining(['Crashed', 'Harmless', 'Crashed (functions disabled)']));
  });

  test('a clean exit leaves no mark: the next visit opens normally', async ({ studio, page }) => {
    await freshStudio(page, studio);
    await studio.run();
    await studio.expectConsole();
    expect(await page.evaluate(() => localStorage.getItem('dstream-studio:run-active'))).not.toBeNull();
    await studio.open();   // pagehide clears it
    await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: TIMEOUTS.appReady });
    await expect(page.getByRole('alert', { name: 'Safe mode' })).toHaveCount(0);
  });
});

test.describe('strings into a pair input (validation before Run)', () => {
  test('socketTextStream → flatMap(split) → reduceByKey is flagged on the edge and the node, with nothing run', async ({ studio, page }) => {
    const seen = watchForCode(page);
    await freshStudio(page, studio);
    await openFile(page, doc('Strings into pairs', [
      node('lines', 'socketTextStream', { host: 'localhost', port: 9999 }, 0),
      node('words', 'flatMap', { f: "l => l.split(' ')" }, 240, 'words'),
      node('counts', 'reduceByKey', {}, 480),
      node('out', 'print', {}, 720),
    ], chainEdges('lines', 'words', 'counts', 'out')));
    const counts = page.locator('.react-flow__node[data-id="counts"]');
    await expect(counts.locator('.op-node__issue--error')).toBeVisible();
    await expect(counts).toContainText('needs (key, value) pairs, but words (words) (flatMap) produces records that are not pairs');
    await expect(page.locator('.react-flow__edge[data-id="e2"]')).toHaveClass(/edge--error/);
    await expect(page.locator('.react-flow__edge[data-id="e1"]')).not.toHaveClass(/edge--error/);
    await expectNothingRan(page, seen);
  });
});

import { test, expect } from './fixtures';

/**
 * The studio's default master, local-cluster[2,2,1024], in the real browser: the driver runs in its
 * Web Worker and starts two executor Web Workers (nested workers, bundled by Vite from
 * engine/cluster/browser/executorWorker.ts); tasks, shuffle fetches and blocks cross between them.
 */
test.describe('local-cluster in the browser', () => {
  test('runs the default pipeline on two executor Web Workers and prints records', async ({ studio, page }) => {
    const workerUrls: string[] = [];
    page.on('worker', (w) => workerUrls.push(w.url()));
    const browserLog: string[] = [];
    page.on('console', (m) => browserLog.push(m.text()));

    await studio.open();
    await expect(page.locator('.cluster-summary code')).toHaveText('local-cluster[2,2,1024]');
    await studio.run();

    // A printed batch with at least one record line "(key,value)" after the header.
    await studio.expectConsole(/-{43}\s*Time: \d+ ms\s*-{43}\s*\(/);
    const text = (await studio.consoleLines()).join('\n');
    // No fallback to local mode: the cluster backend was available and started.
    expect(text).not.toMatch(/is not available in this build/);
    expect(text).not.toMatch(/Failed to start any executor/);
    await expect(page.getByText(/local-cluster\[2,2,1024\] is not available/)).toHaveCount(0);
    expect(browserLog.join('\n')).not.toMatch(/Failed to start any executor|DataCloneError/);
    // The driver's worker and, nested in it, one Web Worker per executor ("0" and "1").
    expect(workerUrls.some((u) => /driver\.worker/.test(u)), `workers seen: ${workerUrls.join(', ')}`).toBe(true);
    expect(workerUrls.filter((u) => /executorWorker/.test(u)).length, `workers seen: ${workerUrls.join(', ')}`).toBeGreaterThanOrEqual(2);
  });
});

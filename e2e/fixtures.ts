import { test as base, expect, type Locator, type Page } from '@playwright/test';

/**
 * Shared helpers for the browser tests. Specs import `test` and `expect` from here:
 *
 *   import { test, expect } from './fixtures';
 *   test('...', async ({ studio }) => { await studio.open(); await studio.run(); ... });
 *
 * Every test also fails if the page throws an uncaught error or the Content-Security-Policy
 * blocks something (`pageProblems`), so a broken build cannot pass by accident.
 * Find things by role and accessible name, the way a user (and a screen reader) does.
 */

/** Generous timeouts: two shared cores, a cold build, workers starting. */
export const TIMEOUTS = { appReady: 45_000, firstBatch: 60_000 } as const;

export class Studio {
  /** `autoConsent`: Run confirms the consent dialog of an untrusted pipeline (see the fixture below). */
  constructor(readonly page: Page, readonly autoConsent = false) {}

  /** The studio shell: role=application, or the "DStream Studio" heading. */
  get shell(): Locator {
    return this.page.getByRole('application').or(this.page.getByRole('heading', { name: 'DStream Studio' })).first();
  }
  get runButton(): Locator { return this.page.getByRole('button', { name: 'Run', exact: true }); }
  get stopButton(): Locator { return this.page.getByRole('button', { name: 'Stop', exact: true }); }
  /** The output console (role=region, name "Console") where print() output appears. */
  get console(): Locator { return this.page.getByRole('region', { name: 'Console' }); }

  /** Opens the app at `path` (default '/') and waits until the studio is on screen. */
  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.shell).toBeVisible({ timeout: TIMEOUTS.appReady });
  }

  /** Presses Run (waiting until it is enabled); with autoConsent, confirms the consent dialog if it asks. */
  async run(): Promise<void> {
    await expect(this.runButton).toBeEnabled({ timeout: TIMEOUTS.appReady });
    await this.runButton.click();
    if (this.autoConsent) await this.confirmConsentIfAsked();
  }

  /** Waits until the run starts or the consent dialog asks; confirms the dialog. */
  async confirmConsentIfAsked(): Promise<void> {
    const outcome = await this.page.waitForFunction(() => {
      if (document.querySelector('[data-testid="consent-dialog"]')) return 'asked';
      const st = (window as unknown as { __studio?: { store: { getState(): { sim: { status: string } } } } }).__studio?.store.getState().sim.status;
      return st === 'loading' || st === 'running' || st === 'paused' || st === 'failed' ? 'started' : false;
    }, undefined, { timeout: 10_000 }).then((h) => h.jsonValue(), () => null);
    if (outcome !== 'asked') return;
    // The page's locator handler may confirm it first (it runs before any action); either way it must close.
    await this.page.getByTestId('consent-accept').click({ timeout: 2000 }).catch(() => {});
    await expect(this.page.getByTestId('consent-dialog')).toBeHidden();
  }

  /** Waits until the console shows `text` (a batch header `Time: <ms> ms` by default). */
  async expectConsole(text: string | RegExp = /Time: \d+ ms/, timeout: number = TIMEOUTS.firstBatch): Promise<void> {
    await expect(this.console).toContainText(text, { timeout });
  }

  /** The console's text split into lines (for comparing printed batches). */
  async consoleLines(): Promise<string[]> {
    return (await this.console.innerText()).split('\n');
  }

  /** True when the page is cross-origin isolated (COOP/COEP served), so SharedArrayBuffer works. */
  async isCrossOriginIsolated(): Promise<boolean> {
    return this.page.evaluate(() => globalThis.crossOriginIsolated === true);
  }
}

type Fixtures = {
  /** Uncaught page errors and CSP violations seen during the test. */
  pageProblems: string[];
  studio: Studio;
  /**
   * Confirms the consent dialog (Run of a pipeline opened from a file or link) whenever it appears, for specs about
   * something else; e2e/consent.spec.ts turns it off with `test.use({ autoConsent: false })`.
   */
  autoConsent: boolean;
  consentHandler: void;
};

export const test = base.extend<Fixtures>({
  pageProblems: [
    async ({ page }, use, testInfo) => {
      const problems: string[] = [];
      page.on('pageerror', (err) => problems.push(`uncaught error: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content Security Policy|Refused to (load|execute|create|connect)/i.test(msg.text())) {
          problems.push(`CSP violation: ${msg.text()}`);
        }
      });
      page.on('crash', () => problems.push('the page crashed'));
      await use(problems);
      if (problems.length) await testInfo.attach('page-problems', { body: problems.join('\n'), contentType: 'text/plain' });
      expect(problems, 'the page reported errors').toEqual([]);
    },
    { auto: true },
  ],
  studio: async ({ page, autoConsent }, use) => {
    await use(new Studio(page, autoConsent));
  },
  autoConsent: [true, { option: true }],
  consentHandler: [
    async ({ page, autoConsent }, use) => {
      if (autoConsent) {
        await page.addLocatorHandler(page.getByTestId('consent-dialog'), async (d) => { await d.getByTestId('consent-accept').click(); });
      }
      await use();
    },
    { auto: true },
  ],
});

export { expect };

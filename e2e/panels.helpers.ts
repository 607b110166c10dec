import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Opens a dock tab and returns its panel region (found by its English accessible name). */
export async function openPanel(page: Page, name: string): Promise<Locator> {
  await page.getByRole('tab', { name, exact: true }).click();
  const region = page.getByRole('region', { name, exact: true });
  await expect(region).toBeVisible();
  return region;
}

/** A full-screen screenshot of a panel (as on a projector), then back to the dock. */
export async function shootPanel(page: Page, region: Locator, path: string, settleMs = 150): Promise<void> {
  await region.getByRole('button', { name: 'Full screen' }).click();
  await expect(region).toHaveClass(/dsp-fullscreen/);
  await page.waitForTimeout(settleMs); // the chart draws on the next animation frame
  await page.screenshot({ path });
  await region.getByRole('button', { name: 'Exit full screen' }).click();
  await expect(region).not.toHaveClass(/dsp-fullscreen/);
}

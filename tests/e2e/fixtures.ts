/** Playwright fixtures: a real preview per test, and an axe-core check. */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { removeTempDirs } from '../support/temp';
import { startPreview, type RunningPreview } from '../support/preview';

export const test = base.extend<{ preview: RunningPreview }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  preview: async ({}, use) => {
    const preview = await startPreview();
    await use(preview);
    await preview.stop();
    removeTempDirs();
  },
});

export { expect };

/** Runs axe-core on the page and fails with the list of violations, if any. */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  // The app has no frames, so axe runs in the page itself (legacy mode) rather than in an
  // extra page per run; and only violations are detailed. Together about three times faster.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe-core violations').toEqual([]);
}

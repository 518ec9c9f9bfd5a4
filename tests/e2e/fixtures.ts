/** Playwright fixtures: a real preview per test, and an axe-core check. */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { removeTempDirs } from '../support/temp';
import type { AdminPolicy } from '../../electron/core/policy';
import { startPreview, type RunningPreview } from '../support/preview';

export const test = base.extend<{ preview: RunningPreview; policy: AdminPolicy | null }>({
  /** An administrator's policy for the preview's help center (test.use({ policy })). */
  policy: [null, { option: true }],
  preview: async ({ policy }, use) => {
    const preview = await startPreview({ policy });
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

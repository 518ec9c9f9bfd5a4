/**
 * Prints why a test was skipped as soon as it is, so a skipped suite (the Electron smoke
 * test where no Electron binary exists) is visible in the log with its reason.
 */
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasonReporter implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given';
    process.stdout.write(`  ↷ skipped: ${test.titlePath().slice(1).join(' › ')} — ${reason}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}

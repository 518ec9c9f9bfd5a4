/**
 * Keystroke → results on screen, measured in the page: from each keystroke's `beforeinput`
 * to the DOM showing the results of the field's new text (a MutationObserver), and to the
 * next animation frame after that (when the browser paints it). Printed, not asserted.
 *
 * The app runs against `doum preview` started as its own process, as people run it, so the
 * server does not share an event loop with the test runner.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { startPreviewProcess } from '../support/preview';
import { removeTempDirs } from '../support/temp';
import type { Page } from '@playwright/test';
import { expect, test } from './app';

const QUERIES = ['메시지 삭제', '알림 끄기', '비밀번호 재설정', '대화 백업', 'ㅅㄱ', '로그아웃', 'notification', '톡페이 환불'];

interface Sample {
  query: string;
  dom: number;
  paint: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// Tracing records the page while it runs; it would be measured too.
test.use({ trace: 'off' });

test('measures keystroke-to-results on the sample content', async ({ page }) => {
  const preview = await startPreviewProcess({ hostOs: 'windows' });
  try {
    await page.goto(preview.url());
    // The CLI preview reports this machine's language; the field is found by id.
    await expect(page.locator('#search-input')).toBeFocused();
    await measure(page);
  } finally {
    await preview.stop();
    removeTempDirs();
  }
});

async function measure(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = { start: null as number | null, samples: [] as Sample[] };
    (window as unknown as { perf: typeof state }).perf = state;
    const input = document.getElementById('search-input') as HTMLInputElement;
    input.addEventListener('beforeinput', () => (state.start = performance.now()), true);
    new MutationObserver(() => {
      if (state.start === null) return;
      const shown = document.querySelector('.view-search')?.getAttribute('data-results-for');
      if (shown === undefined || shown === null || shown !== input.value) return;
      const start = state.start;
      const dom = performance.now() - start;
      state.start = null;
      requestAnimationFrame(() => state.samples.push({ query: input.value, dom, paint: performance.now() - start }));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  let keystrokes = 0;
  for (const query of QUERIES) {
    await page.locator('#search-input').fill('');
    await page.keyboard.type(query, { delay: 150 });
    keystrokes += [...query].length;
    await expect(page.locator('.view-search')).toHaveAttribute('data-results-for', query);
  }
  // The sample of the last results shown is taken in an animation frame: let it run.
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => done())));
  const samples = await page.evaluate(() => (window as unknown as { perf: { samples: Sample[] } }).perf.samples);
  // How many keystrokes get their own results depends on the machine's speed (a fast typist
  // outruns a slow one), so only this is certain: every query's full text was measured.
  expect(samples.map((s) => s.query)).toEqual(expect.arrayContaining(QUERIES));

  const dom = samples.map((s) => s.dom);
  const paint = samples.map((s) => s.paint);
  const median = (values: number[]): number => percentile(values, 50);
  const summary = {
    keystrokes,
    samples: samples.length,
    domMs: { median: median(dom), p95: percentile(dom, 95), max: Math.max(...dom) },
    paintMs: { median: median(paint), p95: percentile(paint, 95), max: Math.max(...paint) },
  };
  const line = (label: string, v: { median: number; p95: number; max: number }): string =>
    `${label}: median ${v.median.toFixed(1)} ms, p95 ${v.p95.toFixed(1)} ms, max ${v.max.toFixed(1)} ms`;
  console.log(`keystroke → results over ${samples.length} keystrokes (${QUERIES.length} queries, sample content)`);
  console.log(`  ${line('in the DOM', summary.domMs)}`);
  console.log(`  ${line('painted   ', summary.paintMs)}`);
  mkdirSync('test-results/perf', { recursive: true });
  writeFileSync('test-results/perf/keystroke-to-results.json', JSON.stringify({ summary, samples }, null, 2));
  test.info().annotations.push({ type: 'keystroke-to-results', description: `${line('DOM', summary.domMs)}; ${line('paint', summary.paintMs)}` });
}

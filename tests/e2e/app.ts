/**
 * Helpers for driving the app in the e2e tests: open it as a given host OS and colour scheme,
 * find its main parts, and serve a help center of the test's own making from a feed server.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { buildFeed } from '../../electron/core/feed/builder';
import type { HostOs } from '../../shared/platform';
import { writeContent, type TestArticle } from '../support/content';
import { startFeedServer, type FeedServer } from '../support/feed-server';
import type { RunningPreview } from '../support/preview';
import { tempDir } from '../support/temp';
import { expect, test as previewTest } from './fixtures';

export interface OpenOptions {
  os?: HostOs;
  theme?: 'light' | 'dark';
  /** An app route, e.g. "#/article/logout-macos". */
  hash?: string;
}

/** Opens the app and waits until it shows the host OS's look and a view. */
export async function openApp(page: Page, preview: RunningPreview, options: OpenOptions = {}): Promise<void> {
  await page.emulateMedia({ colorScheme: options.theme ?? 'light' });
  await page.goto(preview.url({ os: options.os, hash: options.hash }));
  await expect(page.locator('html')).toHaveAttribute('data-os', options.os ?? preview.center.service.hostOs);
  await expect(page.locator('main .view, main .empty-state').first()).toBeVisible();
}

export const searchBox = (page: Page): Locator => page.getByRole('combobox', { name: '도움말 검색' });
export const resultRows = (page: Page): Locator => page.locator('.results > li');
export const resultCount = (page: Page): Locator => page.locator('.result-count');
export const viewTitle = (page: Page): Locator => page.locator('main h1');

/** Types a query and waits for the results of exactly that query. */
export async function searchFor(page: Page, text: string): Promise<void> {
  await searchBox(page).fill(text);
  await expect(page.locator('.view-search')).toHaveAttribute('data-results-for', text);
}

/** Closes the suggestions that drop over the results and filters after typing. */
export async function closeSuggestions(page: Page): Promise<void> {
  const list = page.getByRole('listbox', { name: '추천 도움말' });
  await expect(list).toBeVisible();
  await searchBox(page).press('Escape');
  await expect(list).toBeHidden();
}

/** The number in "총 N건". */
export async function totalShown(page: Page): Promise<number> {
  const text = (await resultCount(page).textContent()) ?? '';
  const match = /총 (\d+)건/.exec(text);
  if (!match) throw new Error(`no total in "${text}"`);
  return Number(match[1]);
}

export interface TestFeed {
  server: FeedServer;
  /** The feed URL to enter in Settings (its manifest.json sits directly under it). */
  url: string;
  dir: string;
}

/** Builds a doum-feed/1 from articles written as Markdown and serves it on 127.0.0.1. */
async function serveFeed(articles: TestArticle[]): Promise<TestFeed> {
  const root = tempDir('doum-e2e-feed-');
  const contentDir = writeContent(join(root, 'content'), articles);
  const dir = join(root, 'feed');
  mkdirSync(dir, { recursive: true });
  buildFeed({ contentDir, outDir: dir });
  const server = await startFeedServer(dir);
  return { server, url: server.url, dir };
}

/** Enters a feed URL in Settings through the UI and saves it. */
export async function setFeedUrl(page: Page, url: string): Promise<void> {
  await page.getByRole('link', { name: '설정', exact: true }).click();
  const field = page.getByLabel('피드 주소');
  await field.fill(url);
  await page.getByRole('button', { name: '저장' }).click();
  // The feed decides what Doum trusts: the preview asks once more before it changes.
  await page.getByRole('alertdialog').getByRole('button', { name: '바꾸기' }).click();
  await expect(page.getByRole('status').filter({ hasText: '피드 주소를 저장했습니다' })).toBeVisible();
}

/**
 * The preview fixture plus `serveFeed` (its servers are closed after the test), and a check
 * that runs in every test: no uncaught error in the page and nothing refused by its CSP.
 */
export const test = previewTest.extend<{ serveFeed: (articles: TestArticle[]) => Promise<TestFeed>; pageProblems: undefined }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
      });
      await use(undefined);
      expect(problems, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  serveFeed: async ({}, use) => {
    const servers: FeedServer[] = [];
    await use(async (articles) => {
      const feed = await serveFeed(articles);
      servers.push(feed.server);
      return feed;
    });
    for (const server of servers) await server.close();
  },
});

export { expect, expectNoA11yViolations } from './fixtures';

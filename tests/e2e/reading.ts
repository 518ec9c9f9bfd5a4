/**
 * A help center made for the reading tests (pictures, headings, a passage far down, many
 * results for one word), written as Markdown, built with the real feed builder and imported
 * by the real preview as its bundled feed. The page may reach nothing but the preview itself.
 *
 * Pictures are PNGs inlined as data: URIs, which the feed builder and both sanitizers keep
 * today; once feeds carry pictures as assets, these become files beside the Markdown.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { buildFeed } from '../../electron/core/feed/builder';
import { writeContent, type TestArticle } from '../support/content';
import { windowPicture } from '../support/pictures';
import { startPreview, type RunningPreview } from '../support/preview';
import { removeTempDirs, tempDir } from '../support/temp';
import { expect, test as appTest } from './app';

export const GUIDE_ID = 'dark-mode-guide';
export const SHORT_ID = 'short-note';
export const GUIDE_TITLE = '다크 모드를 켜고 끄려면 어떻게 하나요?';
export const PICTURE_ALTS = ['설정 화면', '다크 모드 켜기 버튼', '완료된 어두운 화면'] as const;
/** Words found only far down the guide: the passage a search for them should jump to. */
export const DEEP_PASSAGE = '알림 소리가 작게 들리면 기기의 방해 금지 모드를 확인하세요.';

const FILLER = [
  '톡플러스는 기기의 화면 설정을 따라 밝은 화면과 어두운 화면을 바꿀 수 있습니다.',
  '설정이 바뀌면 열린 채팅방에도 바로 적용되며, 앱을 다시 시작할 필요가 없습니다.',
  '어두운 화면은 밤에 눈의 피로를 줄여 주고, 일부 기기에서는 배터리도 아껴 줍니다.',
  '회사나 학교에서 관리하는 기기라면 관리자가 정한 화면 설정이 먼저 적용될 수 있습니다.',
];

const filler = (count: number): string => Array.from({ length: count }, (_, i) => FILLER[i % FILLER.length]).join('\n\n');

/** The guide's pictures, written beside its Markdown as the pictures pipeline expects. */
const GUIDE_PICTURES: ReadonlyArray<readonly [string, [number, number, number]]> = [
  ['images/reading-settings.png', [0, 122, 255]],
  ['images/reading-button.png', [255, 149, 0]],
  ['images/reading-done.png', [52, 199, 89]],
];

function guideBody(): string {
  const [settings, button, done] = PICTURE_ALTS;
  const [first, second, third] = GUIDE_PICTURES.map(([path]) => path);
  return [
    '톡플러스의 화면을 어둡게 바꾸는 방법을 알려 드립니다. Dark Mode는 모든 플랫폼에서 쓸 수 있습니다.',
    '## 설정 화면 열기',
    '오른쪽 위의 톱니바퀴를 눌러 설정 화면을 엽니다.',
    `![${settings}](${first})`,
    '## 다크 모드 켜기',
    '**화면** 메뉴에서 다크 모드를 고릅니다. dark mode를 켜면 모든 화면이 어두워집니다.',
    `![${button}](${second})`,
    '### Mac에서',
    'Mac에서는 시스템 설정의 화면 모드를 따를 수도 있습니다.',
    filler(12),
    '## 문제가 계속될 때',
    filler(8),
    DEEP_PASSAGE,
    `![${done}](${third})`,
    '그래도 해결되지 않으면 고객센터에 문의하세요.',
  ].join('\n\n');
}

/** The articles: the guide, a short note (two headings: no contents), and 24 backup articles. */
export function readingArticles(): TestArticle[] {
  const backups = Array.from({ length: 24 }, (_, i) => ({
    id: `backup-note-${String(i + 1).padStart(2, '0')}`,
    title: `대화 백업 안내 ${i + 1}`,
    category: '채팅/백업',
    body: `대화 백업은 ${i + 1}번째 방법으로도 할 수 있습니다. ${filler(2)}`,
  }));
  return [
    { id: GUIDE_ID, title: GUIDE_TITLE, category: '설정/화면', tags: ['다크모드', '화면'], body: guideBody() },
    { id: SHORT_ID, title: '짧은 안내', category: '설정/화면', body: ['## 첫째', '첫째 내용입니다.', '## 둘째', '둘째 내용입니다.'].join('\n\n') },
    ...backups,
  ];
}

/** Builds the reading help center into a feed folder with the real builder (as `doum feed build`). */
export function buildReadingFeed(): string {
  const root = tempDir('doum-e2e-reading-');
  const contentDir = writeContent(join(root, 'content'), readingArticles());
  for (const [path, accent] of GUIDE_PICTURES) {
    mkdirSync(join(contentDir, 'ko', 'images'), { recursive: true });
    writeFileSync(join(contentDir, 'ko', path), windowPicture(accent));
  }
  const feedDir = join(root, 'feed');
  mkdirSync(feedDir, { recursive: true });
  buildFeed({ contentDir, outDir: feedDir });
  return feedDir;
}

/** Refuses every request that is not for the preview itself (data: pictures never reach the network). */
export async function limitNetworkToPreview(page: Page, preview: RunningPreview): Promise<string[]> {
  const origin = new URL(preview.server.url).origin;
  const refused: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  return refused;
}

/** The app's fixtures, with the preview serving the reading help center instead of the sample one. */
export const test = appTest.extend<{ refused: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  preview: async ({}, use) => {
    const preview = await startPreview({ bundledFeedDir: buildReadingFeed() });
    await use(preview);
    await preview.stop();
    removeTempDirs();
  },
  refused: [
    async ({ page, preview }, use) => {
      const refused = await limitNetworkToPreview(page, preview);
      await use(refused);
      expect(refused, 'requests to anything but the preview').toEqual([]);
    },
    { auto: true },
  ],
});

export const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: `test-results/screenshots/${name}.png` });

export { closeSuggestions, expect, expectNoA11yViolations, openApp, resultRows, searchBox, searchFor, viewTitle } from './app';

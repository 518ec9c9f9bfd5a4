/**
 * Large generated help centers for the sync benchmark and the crash tests: realistic Korean and
 * English article bodies (headings, steps, notes, links), written as real doum-feed/1 feeds by
 * the feed builder's own writer, revision after revision.
 */
import { categoriesOf } from '../../electron/core/feed/content';
import { writeFeedRevision, type FeedBuildReport } from '../../electron/core/feed/builder';
import type { FeedArticle } from '../../electron/core/feed/format';
import type { Platform } from '../../shared/platform';

const PLATFORMS: Platform[] = ['android', 'ios', 'windows', 'macos', 'common'];
const KO_CATEGORIES = ['친구/차단', '채팅/메시지', '계정/로그인', '설정/알림', '신고/이용제한/정책', '결제/환불', '설치/업데이트'];
const EN_CATEGORIES = ['Friends/Blocking', 'Chats/Messages', 'Account/Sign-in', 'Settings/Notifications', 'Reporting/Policy', 'Payments/Refunds', 'Install/Update'];
const KO_TOPICS = ['친구 차단', '메시지 삭제', '비밀번호 재설정', '알림 끄기', '스팸 신고', '결제 취소', '앱 업데이트', '채팅방 나가기', '프로필 변경', '기기 변경'];
const EN_TOPICS = ['block a friend', 'delete a message', 'reset your password', 'turn off notifications', 'report spam', 'cancel a payment', 'update the app', 'leave a chat', 'change your profile', 'switch devices'];

function koBody(i: number, topic: string, link: string): string {
  return [
    `<p>${topic} 방법을 안내합니다. 이 도움말(${i}번)은 톡플러스 최신 버전을 기준으로 작성되었으며, 메뉴 이름은 기기에 따라 조금 다를 수 있습니다.</p>`,
    `<h2>${topic}하기</h2>`,
    '<ol>',
    `<li>아래쪽 <strong>더보기</strong> 탭에서 오른쪽 위의 <strong>설정</strong>을 누릅니다.</li>`,
    `<li><strong>개인정보</strong> 메뉴를 선택하고 ${topic} 항목을 찾습니다.</li>`,
    '<li>안내 창의 내용을 확인한 뒤 <strong>확인</strong>을 누릅니다. 변경 사항은 모든 기기에 바로 반영됩니다.</li>',
    '</ol>',
    '<blockquote>',
    '<p>휴대폰과 PC에서 같은 계정을 쓰고 있다면 한 기기에서만 설정해도 됩니다.</p>',
    '</blockquote>',
    '<h2>알아두세요</h2>',
    '<ul>',
    `<li>설정을 바꾼 뒤 24시간 안에는 다시 바꿀 수 없습니다. 문제가 계속되면 고객센터에 문의해 주세요.</li>`,
    `<li>자세한 내용은 <a href="doum://article/${link}">관련 도움말</a>을 참고하세요.</li>`,
    '</ul>',
  ].join('\n');
}

function enBody(i: number, topic: string, link: string): string {
  return [
    `<p>This article (#${i}) explains how to ${topic} in TalkPlus. Menu names may differ slightly between devices and app versions.</p>`,
    `<h2>How to ${topic}</h2>`,
    '<ol>',
    '<li>Open the <strong>More</strong> tab and tap <strong>Settings</strong> in the top-right corner.</li>',
    `<li>Choose <strong>Privacy</strong> and find the option to ${topic}.</li>`,
    '<li>Review the dialog and tap <strong>OK</strong>. The change applies to all of your devices right away.</li>',
    '</ol>',
    '<blockquote>',
    '<p>If you use the same account on your phone and your computer, changing it on one device is enough.</p>',
    '</blockquote>',
    '<h2>Good to know</h2>',
    '<ul>',
    '<li>You cannot change this setting again for 24 hours. If the problem continues, contact support.</li>',
    `<li>See <a href="doum://article/${link}">the related article</a> for details.</li>`,
    '</ul>',
  ].join('\n');
}

export const generatedId = (i: number): string => `article-${i}`;

/** One article of a generated help center; `edition` > 0 marks a later edit of it. */
export function generatedArticle(i: number, count: number, edition = 0): FeedArticle {
  const english = i % 3 === 2;
  const topicIndex = Math.floor(i / 5) % KO_TOPICS.length;
  const topic = english ? EN_TOPICS[topicIndex]! : KO_TOPICS[topicIndex]!;
  const link = generatedId((i + 7) % count);
  const platform = PLATFORMS[i % PLATFORMS.length]!;
  const edited = edition > 0 ? (english ? ` (updated ${edition})` : ` (${edition}차 수정)`) : '';
  return {
    id: generatedId(i),
    title: (english ? `How do I ${topic} on ${platform}? #${i}` : `${platform}에서 ${topic}하려면 어떻게 하나요? #${i}`) + edited,
    bodyHtml: english ? enBody(i, topic, link) : koBody(i, topic, link),
    service: english ? 'TalkPlus' : '톡플러스',
    category: (english ? EN_CATEGORIES : KO_CATEGORIES)[i % KO_CATEGORIES.length]!,
    platform,
    locale: english ? 'en' : 'ko',
    group: `topic-${Math.floor(i / 5)}`,
    tags: english ? ['help', topic.split(' ')[0]!] : ['도움말', topic.split(' ')[0]!],
    updatedAt: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    links: [link],
  };
}

export function generatedArticles(count: number): FeedArticle[] {
  return Array.from({ length: count }, (_, i) => generatedArticle(i, count));
}

/**
 * The next edition of a help center: `fraction` of its articles touched, spread evenly —
 * three quarters edited, the rest split between deleted and newly added ones.
 */
export function editArticles(articles: readonly FeedArticle[], fraction: number, edition: number): FeedArticle[] {
  const touched = Math.max(4, Math.round(articles.length * fraction));
  const every = Math.max(1, Math.floor(articles.length / touched));
  const next: FeedArticle[] = [];
  let deleted = 0;
  let n = 0;
  for (const [index, article] of articles.entries()) {
    if (index % every !== 0 || n >= touched) {
      next.push(article);
      continue;
    }
    n++;
    if (n % 8 === 0) {
      deleted++;
      continue;
    }
    next.push(n % 8 === 4 ? article : { ...article, title: `${article.title} · ${edition}`, bodyHtml: `${article.bodyHtml}\n<p>${edition}차 개정: 안내 문구를 보완했습니다.</p>` });
  }
  const base = articles.length + edition * 100_000;
  for (let i = 0; i < Math.max(1, deleted); i++) next.push({ ...generatedArticle(i, articles.length), id: generatedId(base + i) });
  return next;
}

/** Writes the articles as the next revision of the feed in `outDir` (a delta from the last). */
export function writeGeneratedFeed(outDir: string, articles: FeedArticle[], options: { maxDeltas?: number } = {}): FeedBuildReport {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return writeFeedRevision({ articles: sorted, categories: categoriesOf(sorted) }, { outDir, maxDeltas: options.maxDeltas });
}

/**
 * Search as people really type Korean into a help box (issue 10), on the bundled sample help
 * center (a real index of 207 articles) and small hand-made ones: one block per phenomenon.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isPartial, SearchEngine } from '../../electron/core/search/engine';
import { everydayWords } from '../../electron/core/search/everyday-words';
import { formsOf, lemmasOf } from '../../electron/core/search/verb-forms';
import type { Platform } from '../../shared/platform';
import type { SearchHit, SearchResult } from '../../shared/types';
import { article, sampleArticles } from './search-fixtures';

let engine: SearchEngine;

beforeAll(() => {
  engine = SearchEngine.build(sampleArticles());
});

function search(text: string, platform: Platform = 'macos', extra: { followNamedPlatform?: boolean; onlyPlatform?: Platform } = {}): SearchResult {
  return engine.search({ text, limit: 10, ...extra }, { platform });
}

function topic(hit: SearchHit | undefined): string | undefined {
  if (!hit) return undefined;
  return sampleArticles().find((a) => a.id === hit.id)?.group ?? hit.id;
}

const firstTopic = (text: string, platform: Platform = 'macos'): string | undefined => topic(search(text, platform).results[0]);

describe('spacing', () => {
  it.each([
    ['다크모드', 'dark-mode'],
    ['회원탈퇴', 'delete-account'],
    ['차단해제', 'manage-blocked-friends'],
    ['친구숨김', 'hide-friend'],
    ['화면공유', 'screen-share'],
    ['사진보내기', 'send-file'],
  ])('finds a compound typed without its spaces: %s', (query, expected) => {
    expect(firstTopic(query)).toBe(expected);
  });

  it('reads a compound as its words and says so (다크모드 → 다크 모드)', () => {
    expect(search('다크모드').didYouMean).toBe('다크 모드');
  });

  it('splits 초성 and wrong-layout compounds the same way (ㄷㅋㅁㄷ, ekzmahem)', () => {
    expect(firstTopic('ㄷㅋㅁㄷ')).toBe('dark-mode');
    expect(firstTopic('ekzmahem')).toBe('dark-mode');
  });

  it('joins a word cut by a stray space (채팅 방 나가기 → 채팅방 나가기)', () => {
    const result = search('채팅 방 나가기');
    expect(topic(result.results[0])).toBe('leave-chat-room');
    expect(result.didYouMean).toBe('채팅방 나가기');
  });

  it('finds a compound in a body written with the space, and never splits a word the articles use', () => {
    const small = SearchEngine.build([
      article('dark', '화면 테마', '설정에서 다크 모드를 켤 수 있습니다.'),
      article('other', '다크초콜릿 안내', '다크초콜릿은 판매하지 않습니다.'),
    ]);
    expect(small.search({ text: '다크모드' }, { platform: 'macos' }).results[0]?.id).toBe('dark');
    const kept = small.search({ text: '다크초콜릿' }, { platform: 'macos' });
    expect(kept.results[0]?.id).toBe('other');
    expect(kept.didYouMean).toBeNull();
  });
});

describe('spoken endings and verb forms', () => {
  it.each([
    ['업데이트 어떻게 해요', 'update-app'],
    ['탈퇴하고 싶어요', 'delete-account'],
    ['친구 추가 어떻게 해요', 'add-friend-by-id'],
    ['알림 안 와요', 'notification-settings'],
    ['알림이 안와요', 'notification-settings'],
    ['PC 버전 안 켜져요', 'pc-app-not-launching-macos'],
    ['로그인 안됨', 'cannot-login'],
  ])('lets fillers and endings decide nothing: %s', (query, expected) => {
    expect(firstTopic(query)).toBe(expected);
  });

  it('never rewrites a filler into a word (어떻게 해요 is not corrected to 해야)', () => {
    expect(search('업데이트 어떻게 해요').didYouMean).toBeNull();
  });

  it('reads verbs in any form as their base (바꿨어요 ↔ 바꾸려면 ↔ 바꾸기, 와요 ↔ 오지, 켜져요 ↔ 켜지)', () => {
    expect(lemmasOf('바꿨어요')).toContain('바꾸');
    expect(lemmasOf('바꾸기')).toContain('바꾸');
    expect(lemmasOf('와요')).toContain('오');
    expect(lemmasOf('오지')).toContain('오');
    expect(lemmasOf('켜져요')).toContain('켜지');
    expect(formsOf('바꾸')).toEqual(expect.arrayContaining(['바꾸기', '바꿨', '바꿔요']));
    const small = SearchEngine.build([article('a', '이름 바꾸기', '프로필에서 이름을 바꿀 수 있어요.'), article('b', '사진 올리기', '앨범에서 골라 올리면 됩니다.')]);
    expect(small.search({ text: '이름 바꿨어요' }, { platform: 'macos' }).results[0]?.id).toBe('a');
    expect(small.search({ text: '사진 올리려면' }, { platform: 'macos' }).results[0]?.id).toBe('b');
  });

  it('keeps negation that is the topic: the "not arriving" article ranks first', () => {
    expect(firstTopic('메시지 알림 안 와요')).toBe('notification-settings');
  });
});

describe('synonyms', () => {
  it.each([
    ['비번', 'reset-password'],
    ['비번 변경', 'reset-password'],
    ['프사 바꾸기', 'edit-profile'],
    ['영통', 'voice-video-call'],
    ['보이스톡', 'voice-video-call'],
    ['단체방', 'create-group-chat'],
    ['큐알코드', 'add-friend-qr-code'],
    ['계정 삭제', 'delete-account'],
  ])('knows everyday words and abbreviations: %s', (query, expected) => {
    expect(firstTopic(query)).toBe(expected);
  });

  it('keeps a rare synonym from outranking the word itself (암호 does not beat 비밀번호)', () => {
    expect(firstTopic('비밀번호')).toBe('reset-password');
  });

  it('applies a help center’s own synonyms (its feed’s synonyms.yml) without a new app', () => {
    const articles = [article('pass', '톡안녕패스를 등록하려면', '톡안녕패스로 로그인합니다.'), article('x', '다른 글', '아무 내용')];
    expect(SearchEngine.build(articles).search({ text: '뽀로롱' }, { platform: 'macos' }).total).toBe(0);
    const withFeed = SearchEngine.build(articles, { synonyms: [{ words: ['뽀로롱', '톡안녕패스'], oneWay: true }] });
    expect(withFeed.search({ text: '뽀로롱' }, { platform: 'macos' }).results[0]?.id).toBe('pass');
  });

  it('has a reviewed built-in lexicon covering messaging, payments, shopping and devices', () => {
    const words = new Set(everydayWords().synonyms.flatMap((rule) => rule.words));
    for (const word of ['비번', '폰', '프사', '영통', '단톡방', '큐알', '보톡', '알람', '송금', '환불', '배송', '장바구니', '블루투스']) expect(words).toContain(word);
  });
});

describe('misspellings at the jamo level', () => {
  it.each([
    ['메세지 삭제', 'delete-message'],
    ['칭구 차단', 'block-friend'],
    ['셜정 초기화', undefined],
  ])('corrects %s without drowning exact matches', (query, expected) => {
    const result = search(query);
    expect(result.total).toBeGreaterThan(0);
    if (expected) expect(topic(result.results[0])).toBe(expected);
    expect(result.didYouMean).not.toBeNull();
  });

  it('leaves a correctly spelled word alone', () => {
    expect(search('메시지 삭제').didYouMean).toBeNull();
  });
});

describe('platform words', () => {
  it.each([
    ['맥북', 'macos'],
    ['아이맥', 'macos'],
    ['윈도', 'windows'],
    ['아이패드', 'ios'],
    ['갤럭시', 'android'],
    ['웹', 'web'],
    ['브라우저', 'web'],
  ] as const)('%s picks %s', (word, platform) => {
    expect(search(`${word} 로그아웃`, 'linux').namedPlatform).toBe(platform);
  });

  it('reads PC, 컴퓨터 and 노트북 as the desktop this app runs on (Windows elsewhere)', () => {
    expect(search('PC 로그아웃', 'macos').namedPlatform).toBe('macos');
    expect(search('PC 로그아웃', 'linux').namedPlatform).toBe('windows');
    expect(topic(search('PC 버전 안 켜져요', 'linux').results[0])).toBe('pc-app-not-launching-windows');
    expect(search('컴퓨터 로그아웃', 'windows').namedPlatform).toBe('windows');
    expect(search('노트북 로그아웃', 'windows').namedPlatform).toBe('windows');
  });

  it('puts the named platform’s article first, and filters by it only when asked to follow it', () => {
    expect(search('맥에서 설치', 'windows').results[0]?.id).toBe('install-pc-macos');
    expect(search('아이폰 백업', 'windows').results[0]?.id).toBe('backup-chats-ios');
    const followed = search('맥에서 설치', 'windows', { followNamedPlatform: true });
    expect(followed.results.every((hit) => hit.platform === 'macos' || hit.platform === 'common')).toBe(true);
    expect(followed.facets.anyPlatform).toBeGreaterThan(followed.total);
  });
});

describe('nothing hidden by default', () => {
  it('does not push down topics without a variant for the host OS (Linux has almost none)', () => {
    expect(topic(search('친구 추가 어떻게 해요', 'linux').results[0])).toBe('add-friend-by-id');
  });

  it('shows a topic that has no variant for the host OS, ranked by relevance, with its platforms', () => {
    const result = search('메시지 삭제', 'linux');
    expect(topic(result.results[0])).toBe('delete-message');
    expect(result.results[0]!.variants.map((v) => v.platform)).toEqual(expect.arrayContaining(['android', 'ios', 'windows', 'macos']));
  });
});

describe('honest when there is no answer', () => {
  it('marks a query whose main word no article has as partial', () => {
    for (const query of ['대출 이자 계산', '주식 매수', '적금 해지']) expect(search(query).partial).toBe(true);
  });

  it('does not mark an answered query as partial', () => {
    for (const query of ['메시지 삭제', '다크모드', '비번', '알림 안 와요', '맥에서 설치']) expect(search(query).partial).toBe(false);
  });

  it('decides partial from unknown words and coverage', () => {
    expect(isPartial(1, 2, 2)).toBe(true);
    expect(isPartial(0, 2, 1)).toBe(true);
    expect(isPartial(0, 2, 2)).toBe(false);
    expect(isPartial(0, 6, 3)).toBe(false);
  });
});

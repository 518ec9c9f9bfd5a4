/** Section ids: the anchors of an article's headings, derived from their text (shared/sections.ts). */
import { describe, expect, it } from 'vitest';
import { FALLBACK_SECTION_ID, parseSectionId, SECTION_ID_MAX, sectionIds, sectionSlug } from '../../shared/sections';

describe('sectionSlug', () => {
  it.each([
    ['다크 모드 켜기', '다크-모드-켜기'],
    ['1. 설정 화면 열기', '1-설정-화면-열기'],
    ['Turn on Dark Mode (macOS)', 'turn-on-dark-mode-macos'],
    ['  비밀번호 — 재설정?!  ', '비밀번호-재설정'],
    ['Wi‑Fi / 데이터', 'wi-fi-데이터'],
    ['\u1103\u1161\u110f\u1173 모드', '다크-모드'],
    ['Café', 'café'],
    ['!!!', FALLBACK_SECTION_ID],
    ['', FALLBACK_SECTION_ID],
  ])('%j → %j', (heading, id) => {
    expect(sectionSlug(heading)).toBe(id);
  });

  it('is stable: the same text always gives the same id, and the id parses as itself', () => {
    for (const heading of ['다크 모드 켜기', 'Step 2: choose a theme', '톡플러스 PC버전 설치']) {
      const id = sectionSlug(heading);
      expect(sectionSlug(heading)).toBe(id);
      expect(parseSectionId(id)).toBe(id);
    }
  });

  it('cuts a long heading at a word, within the limit', () => {
    const id = sectionSlug('설정 '.repeat(60));
    expect([...id].length).toBeLessThanOrEqual(SECTION_ID_MAX);
    expect(id.endsWith('설정')).toBe(true);
    expect([...sectionSlug('가'.repeat(200))].length).toBe(SECTION_ID_MAX);
  });
});

describe('sectionIds', () => {
  it('makes repeated headings unique in order', () => {
    expect(sectionIds(['확인하기', '확인하기', '다음', '확인하기'])).toEqual(['확인하기', '확인하기-2', '다음', '확인하기-3']);
  });
});

describe('parseSectionId', () => {
  it('accepts ids as sectionSlug writes them, percent-encoded or not', () => {
    expect(parseSectionId('다크-모드-켜기')).toBe('다크-모드-켜기');
    expect(parseSectionId('%EB%8B%A4%ED%81%AC', { percentEncoded: true })).toBe('다크');
    expect(parseSectionId('Step-2')).toBe('step-2');
  });

  it.each(['', ' ', 'a b', '-a', 'a-', 'a--b', 'a_b', 'a.b', '..', 'a/b', '<b>', 'a\u0000b', 'a\u202eb', 'a\u200bb', '\u0301a', '가'.repeat(SECTION_ID_MAX + 1)])(
    'refuses %j',
    (raw) => {
      expect(parseSectionId(raw)).toBeNull();
    },
  );

  it('refuses broken percent-encoding instead of guessing', () => {
    expect(parseSectionId('%E0%A4', { percentEncoded: true })).toBeNull();
    expect(parseSectionId('%zz', { percentEncoded: true })).toBeNull();
    expect(parseSectionId('a%20b', { percentEncoded: true })).toBeNull();
  });
});

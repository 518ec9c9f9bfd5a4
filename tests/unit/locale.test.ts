/** Locales matched the way help centers and people write them, the one language-tag rule, the UI language (shared/locale). */
import { describe, expect, it } from 'vitest';
import { checkArgs } from '../../shared/api';
import { isLocale, isSimplifiedChinese, languageOf, matchingLocales, resolveUiLanguage } from '../../shared/locale';
import { ValidationError } from '../../shared/validate';
import { checkArticle } from '../../electron/core/feed/format';
import { parseZendeskLocation } from '../../electron/core/sync/zendesk';
import { watchVideoLabel } from '../../electron/core/sync/zendesk-html';
import { uncategorisedName } from '../../electron/core/sync/zendesk';

describe('matching locales', () => {
  it('prefers the exact locale, else every locale of the same language', () => {
    expect(matchingLocales('en', ['ko', 'en-us', 'en-gb'])).toEqual(['en-us', 'en-gb']);
    expect(matchingLocales('en-GB', ['en-us', 'en-gb'])).toEqual(['en-gb']);
    expect(matchingLocales('en-us', ['ko', 'en'])).toEqual(['en']);
    expect(matchingLocales('ja-jp', ['ja'])).toEqual(['ja']);
    expect(matchingLocales('ko', ['en-us', 'ja'])).toEqual([]);
    expect(languageOf('zh-Hant-TW')).toBe('zh');
  });

  it('tells simplified Chinese from traditional, and words labels by language', () => {
    expect(['zh-cn', 'zh-SG', 'zh-hans-cn'].map(isSimplifiedChinese)).toEqual([true, true, true]);
    expect(['zh-tw', 'zh-hk', 'zh-hant', 'zh'].map(isSimplifiedChinese)).toEqual([false, false, false, false]);
    expect(['ko', 'en-us', 'ja', 'zh-tw', 'zh-cn', 'de'].map(watchVideoLabel)).toEqual(['동영상 보기', 'Watch the video', '動画を見る', '觀看影片', '观看视频', 'Watch the video']);
    expect(['ko', 'en-gb', 'ja', 'zh-hk', 'zh-cn'].map(uncategorisedName)).toEqual(['미분류', 'Uncategorised', '未分類', '未分類', '未分类']);
  });
});

describe('the language-tag rule', () => {
  it.each(['ko', 'en', 'en-US', 'en-us', 'EN', 'fil', 'zh-Hant-TW', 'zh-hans-cn', 'de-CH-1996', 'en-u-ca-gregory'])('takes %s', (tag) => {
    expect(isLocale(tag)).toBe(true);
  });

  it.each(['', 'k', 'Korean', 'en_us', 'en_US.UTF-8', 'C.UTF-8', 'en-', '-en', 'en--us', 'en-us-', 'en us', 'en-toolongsubtag', 'ko/kr', `en${'-abcdefgh'.repeat(4)}`])('refuses %j', (tag) => {
    expect(isLocale(tag)).toBe(false);
  });

  it('is the same rule for feed records, HelpApi arguments and Zendesk addresses', () => {
    const record = { id: 'a', title: 'T', bodyHtml: '<p>x</p>', service: 'S', category: 'C', platform: 'common', group: null, tags: [], updatedAt: '2026-01-01', links: [] };
    for (const [tag, ok] of [['en-US', true], ['zh-Hant-TW', true], ['en_us', false], ['Korean', false]] as const) {
      const feed = (): unknown => checkArticle({ ...record, locale: tag });
      const api = (): unknown => checkArgs('listCategories', [tag]);
      if (ok) {
        expect(feed).not.toThrow();
        expect(api).not.toThrow();
      } else {
        expect(feed).toThrow(/locale: expected a language tag such as "ko" or "en"/);
        expect(api).toThrow(ValidationError);
      }
    }
    expect(parseZendeskLocation('zendesk:https://help.example.com/hc/en-US').locales).toEqual(['en-us']);
    expect(parseZendeskLocation('zendesk:https://help.example.com/api/v2/help_center/zh-tw/articles.json').locales).toEqual(['zh-tw']);
    expect(parseZendeskLocation('zendesk:https://help.example.com/hc/en_us/').locales).toEqual([]);
  });

  it('reads the language of a tag and of a system locale in POSIX form', () => {
    expect(['en-US', 'en_us', 'ko_KR.UTF-8', 'KO', ' ja-JP '].map(languageOf)).toEqual(['en', 'en', 'ko', 'ko', 'ja']);
  });
});

describe('the UI language', () => {
  it('follows Settings whatever the system speaks', () => {
    expect(resolveUiLanguage('en', 'ko-KR')).toBe('en');
    expect(resolveUiLanguage('ko', 'en-US')).toBe('ko');
  });

  it('under "system", is Korean for a Korean system locale in any form, else English', () => {
    expect(['ko', 'ko-KR', 'ko_KR.UTF-8', 'KO-kr'].map((l) => resolveUiLanguage('system', l))).toEqual(['ko', 'ko', 'ko', 'ko']);
    expect(['en-US', 'en_us', 'ja-JP', 'C.UTF-8', '', 'kok-IN'].map((l) => resolveUiLanguage('system', l))).toEqual(['en', 'en', 'en', 'en', 'en', 'en']);
  });
});

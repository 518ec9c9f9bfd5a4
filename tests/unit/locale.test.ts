/** Locales matched the way help centers and people write them (shared/locale). */
import { describe, expect, it } from 'vitest';
import { isSimplifiedChinese, languageOf, matchingLocales } from '../../shared/locale';
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

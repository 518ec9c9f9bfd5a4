/**
 * Japanese and Chinese in search: text written without spaces is indexed as overlapping
 * two-character tokens of its Han/kana runs, so a word inside a sentence is found; locales
 * match by language (`en` finds en-us articles).
 */
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../electron/core/search/engine';
import { tokenize } from '../../electron/core/search/tokenizer';
import { article } from './search-fixtures';

const engine = SearchEngine.build([
  article('ja-drone', 'ドローンの初心者モードを使う', '初心者モードでは高度と速度が制限されます。GPS信号が弱いときは離陸できません。', { locale: 'ja-jp', category: 'ヘルプ' }),
  article('ja-battery', 'バッテリーを充電する', '付属のケーブルで充電してください。', { locale: 'ja-jp', category: 'ヘルプ' }),
  article('zh-hk', '聯絡客服中心', '如需協助，請聯絡我們的客服中心，我們會盡快回覆。', { locale: 'zh-hk', category: '支援' }),
  article('zh-tw', '基礎知識', '這篇文章介紹使用本服務前需要的基礎知識。', { locale: 'zh-tw', category: '支援' }),
  article('zh-cn', '账户安全设置', '开启两步验证可以保护你的账户。', { locale: 'zh-cn', category: '帮助' }),
  article('en-us', 'Reset your password', 'Open Settings and choose Reset password.', { locale: 'en-us', category: 'Account' }),
  article('ko', '비밀번호 재설정', '설정에서 비밀번호를 재설정합니다.', { locale: 'ko', category: '계정' }),
]);

const ids = (text: string, locale?: string): string[] => engine.search({ text, locale }, { platform: 'macos' }).results.map((h) => h.id);

describe('Chinese and Japanese words inside sentences', () => {
  it('cuts Han/kana runs into overlapping pairs, and leaves Hangul and Latin words whole', () => {
    expect(tokenize('初心者モード').map((t) => t.text)).toEqual(['初心', '心者', '者モ', 'モー', 'ード']);
    expect(tokenize('知').map((t) => t.text)).toEqual(['知']);
    expect(tokenize('GPS信号 메시지를').map((t) => [t.text, t.start, t.end])).toEqual([['gps', 0, 3], ['信号', 3, 5], ['메시지를', 6, 10]]);
  });

  it('finds katakana and kana-kanji words in Japanese text', () => {
    expect(ids('ドローン')).toEqual(['ja-drone']);
    expect(ids('初心者モード')).toEqual(['ja-drone']);
    expect(ids('充電')).toEqual(['ja-battery']);
    expect(ids('GPS')).toEqual(['ja-drone']);
  });

  it('finds traditional and simplified Chinese words', () => {
    expect(ids('客服中心')).toEqual(['zh-hk']);
    expect(ids('知識')).toEqual(['zh-tw']);
    expect(ids('账户')).toEqual(['zh-cn']);
    expect(ids('两步验证')).toEqual(['zh-cn']);
  });

  it('does not find a word whose characters only appear apart', () => {
    expect(ids('中知')).toEqual([]);
  });

  it('marks the whole word once in the title, not each overlapping pair', () => {
    const hit = engine.search({ text: '初心者モード' }, { platform: 'macos' }).results[0]!;
    expect(hit.titleRanges.map(([s, e]) => hit.title.slice(s, e))).toEqual(['初心者モード']);
  });
});

describe('locales by language', () => {
  it('finds en-us articles for --locale en, and the reverse keeps exact matches', () => {
    expect(ids('password', 'en')).toEqual(['en-us']);
    expect(ids('password', 'en-US')).toEqual(['en-us']);
    // (password itself would find the Korean 비밀번호 article: the built-in lexicon maps loanwords.)
    expect(ids('choose', 'ko')).toEqual([]);
    expect(ids('choose', 'en')).toEqual(['en-us']);
    expect(ids('知識', 'zh')).toEqual(['zh-tw']);
    expect(ids('知識', 'zh-hk')).toEqual([]);
  });

  it('suggests en-us titles as people type with the UI in en', () => {
    expect(engine.suggest('reset', { locale: 'en', platform: 'macos' }).map((s) => s.id)).toEqual(['en-us']);
    expect(engine.suggest('reset', { locale: 'ko', platform: 'macos' })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { englishTerm } from '../../electron/core/search/english';
import { koreanStem } from '../../electron/core/search/korean';
import { MAX_QUERY_CHARS, normalizeByRules, normalizeQuery, normalizeText } from '../../electron/core/search/normalize';
import { scanTokens, tokenize, wordHash } from '../../electron/core/search/tokenizer';

describe('normalisation', () => {
  it('composes decomposed Hangul (NFC) but keeps compatibility jamo for 초성 (no NFKC)', () => {
    expect(normalizeText('\u1109\u1175\u11ab\u1100\u1169')).toBe('신고');
    expect(normalizeText('ㅅㄱ')).toBe('ㅅㄱ');
    expect('ㅅㄱ'.normalize('NFKC')).not.toBe('ㅅㄱ');
  });

  it('folds full-width Latin and turns controls into spaces without changing the length', () => {
    const text = 'ＰＣ\u0000에서\u200b삭제';
    const normalized = normalizeText(text);
    expect(normalized).toBe('PC 에서 삭제');
    expect(normalized.length).toBe(text.length);
  });

  it('leaves tabs and line breaks and plain text as they are, and still folds what sits among them', () => {
    const plain = '첫 줄\n\t둘째 줄, Windows PC · ‘인용’ — 끝.\r\n';
    expect(normalizeText(plain)).toBe(plain);
    // Each of these needs work even in otherwise plain text: soft hyphen, C1 control, ZWSP, line separator, ideographic space, full-width A.
    for (const odd of ['\u00ad', '\u0085', '\u200b', '\u2028', '\u3000', '\u0007']) expect(normalizeText(`줄\n${odd}끝`)).toBe('줄\n 끝');
    expect(normalizeText('줄\nＡ')).toBe('줄\nA');
    expect(normalizeText('e\u0301\n')).toBe('é\n');
  });

  it('takes its shortcut for plain text only where the rules agree: every character of the BMP and the emoji planes, alone and among others', () => {
    const differ: string[] = [];
    const check = (char: string): void => {
      for (const text of [char, `a${char}`, `가${char}\u0301`]) if (normalizeText(text) !== normalizeByRules(text)) differ.push(text);
    };
    for (let code = 0; code <= 0xffff; code++) check(String.fromCharCode(code));
    for (let code = 0x1f000; code <= 0x1fbff; code++) check(String.fromCodePoint(code));
    expect(differ).toEqual([]);
    // Text with shortcut symbols and emoji comes back unchanged.
    const article = '⌘ + ⇧ + ⌫ 로 지우기 👍🏻 ❤️ ≡ 메뉴 → 설정';
    expect(normalizeText(article)).toBe(article);
  });

  it('replaces lone surrogates and cuts very long queries on a character boundary', () => {
    expect(normalizeText('a\ud800b')).toBe('a\ufffdb');
    const long = '😀'.repeat(MAX_QUERY_CHARS);
    const cut = normalizeQuery(long);
    expect(cut.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(/[\ud800-\udbff]$/.test(cut)).toBe(false);
    expect(normalizeQuery(undefined)).toBe('');
  });
});

describe('tokenizer', () => {
  it('gives offsets into the text it was given', () => {
    const text = '채팅방에서 메시지를 삭제';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end).toLowerCase()).toBe(token.text);
    expect(tokenize(text).map((t) => t.text)).toEqual(['채팅방에서', '메시지를', '삭제']);
  });

  it('cuts where the script changes between Hangul and Latin or digits', () => {
    expect(tokenize('Windows PC에서 24시간 mp3').map((t) => `${t.text}:${t.kind}`)).toEqual([
      'windows:latin',
      'pc:latin',
      '에서:hangul',
      '24:number',
      '시간:hangul',
      'mp3:latin',
    ]);
  });

  it('marks particles attached to the word or quote before them, not after an opening quote', () => {
    const tokens = tokenize("Mac에 '한낱'이라는 '이'와 말");
    expect(tokens.map((t) => `${t.text}${t.attached ? '+' : ''}`)).toEqual(['mac', '에+', '한낱', '이라는+', '이', '와+', '말']);
  });

  it('keeps jamo with the syllables they follow and separates symbols and emoji', () => {
    expect(tokenize('메시ㅈ ㅅㄱ').map((t) => `${t.text}:${t.kind}`)).toEqual(['메시ㅈ:jamo', 'ㅅㄱ:jamo']);
    expect(tokenize('a:b~c^d*e+f-g 😀친구').map((t) => t.text)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', '친구']);
  });

  it('hashes each token as it scans, as wordHash hashes its ASCII-lower-cased text', () => {
    // Mixed scripts, upper-case ASCII, a surrogate-pair letter (𝐀), Han bigrams and digits.
    const text = 'Windows PC에서 24시간 MP3 𝐀bc 初心者モード Ж 메시ㅈ';
    const seen: string[] = [];
    scanTokens(text, (start, end, _classes, hash) => {
      expect(hash).toBe(wordHash(text, start, end));
      seen.push(text.slice(start, end));
    });
    expect(seen).toEqual(tokenize(text).map((t) => t.raw));
    expect(wordHash('MP3', 0, 3)).toBe(wordHash('mp3', 0, 3));
    expect(wordHash('Ж', 0, 1)).not.toBe(wordHash('ж', 0, 1));
  });
});

describe('Korean stems', () => {
  it.each([
    ['메시지를', '메시지'],
    ['메시지는', '메시지'],
    ['신고하기', '신고'],
    ['신고하려면', '신고'],
    ['신고합니다', '신고'],
    ['설정에서는', '설정'],
    ['바꾸려면', '바꾸'],
    ['바꿉니다', '바꾸'],
    ['톡안녕패스를', '톡안녕패스'],
    ['등록된', '등록'],
    ['무엇인가요', '무엇'],
  ])('%s → %s', (word, stem) => {
    expect(koreanStem(word)).toBe(stem);
  });

  it.each(['메시지', '신고', '추가', '사과', '속도', '차이', '프로', '화면', '권한', '광고'])('leaves the noun %s whole', (word) => {
    expect(koreanStem(word)).toBe(word);
  });
});

describe('English terms', () => {
  it('stems Latin words with lunr and drops stop words', () => {
    expect(englishTerm('messages')).toBe(englishTerm('message'));
    expect(englishTerm('reporting')).toBe('report');
    expect(englishTerm('the')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  choseong,
  completes,
  completions,
  composeJamo,
  composeSyllable,
  decomposeSyllable,
  hangulToKeys,
  isChoseongOnly,
  keysToHangul,
  toJamo,
} from '../../shared/hangul';
import { prng } from '../support/prng';


describe('Hangul syllables', () => {
  it('decomposes and composes every syllable losslessly', () => {
    for (let code = 0xac00; code <= 0xd7a3; code++) {
      const parts = decomposeSyllable(String.fromCharCode(code))!;
      expect(composeSyllable(parts.initial, parts.medial, parts.final)).toBe(String.fromCharCode(code));
    }
  });

  it('is not fooled by non-syllables', () => {
    expect(decomposeSyllable('ㄱ')).toBeNull();
    expect(decomposeSyllable('a')).toBeNull();
  });

  it('extracts 초성 as compatibility jamo and keeps other characters', () => {
    expect(choseong('신고하기')).toBe('ㅅㄱㅎㄱ');
    expect(choseong('톡안녕패스 PC')).toBe('ㅌㅇㄴㅍㅅ PC');
    expect(choseong('까치')).toBe('ㄲㅊ');
  });

  it('tells 초성-only text apart', () => {
    expect(isChoseongOnly('ㅅㄱ')).toBe(true);
    expect(isChoseongOnly('ㅅㅏ')).toBe(false);
    expect(isChoseongOnly('신ㄱ')).toBe(false);
    expect(isChoseongOnly('')).toBe(false);
  });

  it('splits compound vowels and finals into the jamo they are typed as', () => {
    expect(toJamo('읽')).toBe('ㅇㅣㄹㄱ');
    expect(toJamo('과')).toBe('ㄱㅗㅏ');
    expect(toJamo('ㅘ')).toBe('ㅗㅏ');
  });
});

describe('2-beolsik keyboard', () => {
  it('reads Latin keys typed with the IME off as Hangul', () => {
    expect(keysToHangul('tlsrh')).toBe('신고');
    expect(keysToHangul('dkssudgktpdy')).toBe('안녕하세요');
    expect(keysToHangul('aptlwl tkrwp')).toBe('메시지 삭제');
  });

  it('uses Shift for the double consonants and ㅒ/ㅖ, and ignores Caps Lock', () => {
    expect(keysToHangul('rPwjd')).toBe('계정');
    expect(keysToHangul('Tkdlf')).toBe('싸일');
    expect(keysToHangul('TLSRH')).toBe('신고');
  });

  it('moves a final consonant to the next syllable when a vowel follows, as an IME does', () => {
    expect(keysToHangul('ekfrdms')).toBe('닭은');
    expect(composeJamo('ㄷㅏㄹㄱㅇㅡㄴ')).toBe('닭은');
    expect(composeJamo('ㄱㅏㄹㄱㅣ')).toBe('갈기');
  });

  it('leaves unfinished jamo and other characters as they are', () => {
    expect(keysToHangul('tlsr')).toBe('신ㄱ');
    expect(keysToHangul('rk1')).toBe('가1');
  });

  it('gives the keys of Hangul typed for English, composed or not', () => {
    expect(hangulToKeys('ㅈㅑㅜㅇㅐㅈㄴ')).toBe('windows');
    expect(hangulToKeys('쟈ㅜ앶ㄴ')).toBe('windows');
    expect(hangulToKeys('신고')).toBe('tlsrh');
    expect(hangulToKeys('있')).toBe('dlT');
  });

  it('round-trips any string of syllables through keys and back (seeded random check)', () => {
    const random = prng(42);
    let checked = 0;
    for (let i = 0; i < 2000; i++) {
      const length = 1 + Math.floor(random() * 6);
      const word = Array.from({ length }, () => String.fromCharCode(0xac00 + Math.floor(random() * 11172))).join('');
      const keys = hangulToKeys(word);
      // Keys that are all Shift (ㄲㅒㄲ → ROR) read as Caps Lock on purpose.
      if (keys === keys.toUpperCase()) continue;
      expect(keysToHangul(keys)).toBe(word);
      checked++;
    }
    expect(checked).toBeGreaterThan(1900);
  });
});

describe('completions of a word being typed', () => {
  const matches = (typed: string, word: string): boolean => completions(typed).some((c) => completes(c, word));

  it('reads a trailing consonant as the start of the next syllable (메시ㅈ → 메시지)', () => {
    expect(matches('메시ㅈ', '메시지')).toBe(true);
    expect(matches('메시ㅈ', '메시아')).toBe(false);
  });

  it('reads a final consonant that may belong to the next syllable (메싲 → 메시지)', () => {
    expect(matches('메싲', '메시지')).toBe(true);
    expect(matches('닭', '달걀')).toBe(true);
  });

  it('lets the last syllable still gain a final consonant or a compound vowel', () => {
    expect(matches('메시', '메신저')).toBe(true);
    expect(matches('고', '과일')).toBe(true);
    expect(matches('달', '닭')).toBe(true);
  });

  it('always includes the literal prefix', () => {
    expect(matches('삭제', '삭제하려면')).toBe(true);
    expect(matches('windows', 'windows10')).toBe(true);
    expect(completions('')).toEqual([]);
  });
});

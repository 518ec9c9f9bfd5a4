/**
 * Reading a query: its words, each in the keyboard layout the index knows better (tlsrh →
 * 신고, ㅈㅑㅜㅇㅐㅈㄴ → windows), which one is still being typed, and which are platform
 * words (맥, windows…) rather than words to search for.
 */
import { completions, isChoseongOnly } from '../../../shared/hangul';
import { analyzeHangul, BIGRAM, CHOSEONG, CHOSEONG_WORD, isDanglingParticle } from './analyzer';
import { englishTerm, foldLatin } from './english';
import { koreanStem } from './korean';
import { readInOtherLayout } from './layout';
import type { Lexicon } from './lexicon';
import { platformOfWord, type PlatformWord } from './platform-words';
import { shouldJoin, splitCompound, splitInitials, type Vocabulary } from './spacing';
import { tokenize, type Token, type TokenKind } from './tokenizer';

/** A query word after the layout decision. */
export interface Word {
  text: string;
  kind: TokenKind;
  /** Being typed: the query ends right after it. */
  open: boolean;
  token: Token;
  /** Set when the word was read in the other layout. */
  replacement: string | null;
}

function kindOfText(text: string): TokenKind {
  return tokenize(text)[0]?.kind ?? 'other';
}

/**
 * How well the index knows a word: 2 — as a whole word, 1 — as the start of words or as
 * parts of words, 0 — not at all. Decides the keyboard-layout reading.
 */
export function evidence(lexicon: Lexicon, text: string, kind: TokenKind, open: boolean, vocabulary: Vocabulary | null = null): number {
  switch (kind) {
    case 'hangul': {
      const word = analyzeHangul(text);
      if (lexicon.has(word.stem) || lexicon.has(word.surface)) return 2;
      if (open && lexicon.completions('', completions(text), 1).length > 0) return 1;
      if (word.bigrams.length > 0 && word.bigrams.every((gram) => lexicon.has(BIGRAM + gram))) return 1;
      // 다크모드 typed as ekzmahem: a compound of known words.
      if (vocabulary && (vocabulary.knows(text) || splitCompound(text, vocabulary) !== null)) return 1;
      return 0;
    }
    case 'jamo':
      if (isChoseongOnly(text)) {
        if (lexicon.completions(CHOSEONG, [{ prefix: text + CHOSEONG_WORD, next: null }], 1).length > 0) return 2;
        if (lexicon.completions(CHOSEONG, [{ prefix: text, next: null }], 1).length > 0) return 1;
        return vocabulary && splitInitials(text, vocabulary) !== null ? 1 : 0;
      }
      return lexicon.completions('', completions(text), 1).length > 0 ? 1 : 0;
    case 'latin': {
      const folded = foldLatin(text);
      const stem = englishTerm(folded);
      if (stem !== null && lexicon.has(stem)) return 2;
      return open && lexicon.latinCompletions(folded, 1).length > 0 ? 1 : 0;
    }
    default:
      return lexicon.has(text) ? 2 : 0;
  }
}

export function readWords(tokens: readonly Token[], normalized: string, lexicon: Lexicon, vocabulary: Vocabulary | null = null): Word[] {
  const words: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isDanglingParticle(token, tokens[i - 1])) continue;
    const open = i === tokens.length - 1 && token.end === normalized.length;
    const word: Word = { text: token.text, kind: token.kind, open, token, replacement: null };
    const other = readInOtherLayout(token);
    if (other !== null) {
      const otherKind = kindOfText(other);
      if (evidence(lexicon, other, otherKind, open, vocabulary) > evidence(lexicon, token.text, token.kind, open, vocabulary)) {
        word.text = other;
        word.kind = otherKind;
        word.replacement = other;
      }
    }
    words.push(word);
  }
  return words;
}

/**
 * The words as people meant them spaced: a compound typed without its spaces becomes its
 * words (다크모드 → 다크 모드, ㄷㅋㅁㄷ → ㄷㅋ ㅁㄷ), two halves of one word typed apart become
 * that word (채팅 방 → 채팅방). Each change is a replacement, so the page can say what it read.
 */
export function respace(words: readonly Word[], vocabulary: Vocabulary): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    if (word.kind === 'hangul' && next?.kind === 'hangul' && shouldJoin(word.text, next.text, vocabulary)) {
      const text = word.text + next.text;
      const token: Token = { ...word.token, text, raw: word.token.raw + next.token.raw, end: next.token.end };
      out.push({ text, kind: 'hangul', open: next.open, token, replacement: text });
      i++;
      continue;
    }
    const parts = partsOf(word, vocabulary);
    if (parts) {
      parts.forEach((text, at) => out.push({ text, kind: word.kind, open: word.open && at === parts.length - 1, token: word.token, replacement: at === 0 ? parts.join(' ') : null }));
      continue;
    }
    out.push(word);
  }
  return out;
}

function partsOf(word: Word, vocabulary: Vocabulary): string[] | null {
  if (word.kind === 'hangul' && word.text.length >= 3 && !vocabulary.knows(word.text)) {
    // The stem is split, so an ending is not mistaken for a word (지워지나요 is not 지워 + 지나요).
    if (vocabulary.prefixWord(word.text[0]!)) return splitCompound(word.text, vocabulary);
    // 로그인안됨, 업데이트어떻게해요: a spoken tail typed onto the word.
    for (let at = 2; at < word.text.length; at++) {
      const head = word.text.slice(0, at);
      if (vocabulary.isFunctionWord(word.text.slice(at)) && vocabulary.knows(head)) return [head, word.text.slice(at)];
    }
    const stem = koreanStem(word.text);
    return stem.length >= 3 ? splitCompound(stem, vocabulary) : null;
  }
  if (word.kind === 'jamo' && isChoseongOnly(word.text) && word.text.length >= 4 && !vocabulary.knowsInitials(word.text)) return splitInitials(word.text, vocabulary);
  return null;
}

/** The platform a word names (맥, 윈도우에서, windows, PC), if any. */
export function platformOfQueryWord(word: Word): PlatformWord | null {
  if (word.kind === 'hangul') return platformOfWord(word.text, analyzeHangul(word.text).stem);
  if (word.kind === 'latin') return platformOfWord(word.text);
  return null;
}

/** True when a Latin word is an English stop word (how, the…). */
export function isStopWord(word: Word): boolean {
  return word.kind === 'latin' && englishTerm(foldLatin(word.text)) === null;
}

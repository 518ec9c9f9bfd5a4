/**
 * Reading a query: its words, each in the keyboard layout the index knows better (tlsrh →
 * 신고, ㅈㅑㅜㅇㅐㅈㄴ → windows), which one is still being typed, and which are platform
 * words (맥, windows…) rather than words to search for.
 */
import { completions, isChoseongOnly } from '../../../shared/hangul';
import type { Platform } from '../../../shared/platform';
import { analyzeHangul, BIGRAM, CHOSEONG, CHOSEONG_WORD, isDanglingParticle } from './analyzer';
import { englishTerm, foldLatin } from './english';
import { readInOtherLayout } from './layout';
import type { Lexicon } from './lexicon';
import { platformOfWord } from './platform-words';
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
export function evidence(lexicon: Lexicon, text: string, kind: TokenKind, open: boolean): number {
  switch (kind) {
    case 'hangul': {
      const word = analyzeHangul(text);
      if (lexicon.has(word.stem) || lexicon.has(word.surface)) return 2;
      if (open && lexicon.completions('', completions(text), 1).length > 0) return 1;
      if (word.bigrams.length > 0 && word.bigrams.every((gram) => lexicon.has(BIGRAM + gram))) return 1;
      return 0;
    }
    case 'jamo':
      if (isChoseongOnly(text)) {
        if (lexicon.completions(CHOSEONG, [{ prefix: text + CHOSEONG_WORD, next: null }], 1).length > 0) return 2;
        return lexicon.completions(CHOSEONG, [{ prefix: text, next: null }], 1).length > 0 ? 1 : 0;
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

export function readWords(tokens: readonly Token[], normalized: string, lexicon: Lexicon): Word[] {
  const words: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isDanglingParticle(token, tokens[i - 1])) continue;
    const open = i === tokens.length - 1 && token.end === normalized.length;
    const word: Word = { text: token.text, kind: token.kind, open, token, replacement: null };
    const other = readInOtherLayout(token);
    if (other !== null) {
      const otherKind = kindOfText(other);
      if (evidence(lexicon, other, otherKind, open) > evidence(lexicon, token.text, token.kind, open)) {
        word.text = other;
        word.kind = otherKind;
        word.replacement = other;
      }
    }
    words.push(word);
  }
  return words;
}

/** The platform a word names (맥, 윈도우에서, windows), if any. */
export function platformOfQueryWord(word: Word): Platform | null {
  if (word.kind === 'hangul') return platformOfWord(word.text, analyzeHangul(word.text).stem);
  if (word.kind === 'latin') return platformOfWord(word.text);
  return null;
}

/** True when a Latin word is an English stop word (how, the…). */
export function isStopWord(word: Word): boolean {
  return word.kind === 'latin' && englishTerm(foldLatin(word.text)) === null;
}

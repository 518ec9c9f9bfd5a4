/**
 * Article text → index terms. Terms live in a few namespaces, told apart by a first
 * character no token can contain:
 *
 *   메시지를, 메시지, messag, 24   words: the surface form and the stem of Hangul words
 *                                 (both, so an exact form scores above a mere stem match),
 *                                 the lunr-stemmed form of Latin words, numbers
 *   ~메시 ~시지                     Hangul syllable bigrams of stems: partial words and compounds
 *                                 (안녕패스 finds 톡안녕패스, 톡안녕패스등록 finds both words)
 *   ^ㅅㄱ:신고 ^ㅅㄱㅎㄹㅁ:신고하려면  초성 of title and tag words, with the word (ㅅㄱ finds 신고;
 *                                 keeping the word lets the common 신고 outrank the rare 숨기)
 *   @메시지를 @messages @messag     title words as written, for as-you-type suggestions
 */
import { choseong } from '../../../shared/hangul';
import { englishTerm, foldLatin } from './english';
import { bigrams, isBareParticle, koreanStem } from './korean';
import type { Token, TokenKind } from './tokenizer';

export const BIGRAM = '~';
export const CHOSEONG = '^';
export const TITLE = '@';
/** Separates a 초성 string from its word; sorts below every jamo, so ^ㅅㄱ is a prefix range. */
export const CHOSEONG_WORD = ':';

export type Field = 'title' | 'tags' | 'body';
export const FIELDS: readonly Field[] = ['title', 'tags', 'body'];

/** Hangul analysis of one word. */
export interface HangulWord {
  surface: string;
  stem: string;
  bigrams: string[];
  /** 초성 terms of the stem and (when different) of the surface form. */
  choseong: string[];
}

const hangulCache = new Map<string, HangulWord>();

/** The analysis of a query word, memoised: the query planner asks for the same words again and again. */
export function analyzeHangul(surface: string): HangulWord {
  let word = hangulCache.get(surface);
  if (!word) {
    word = hangulWord(surface);
    if (hangulCache.size > 200_000) hangulCache.clear();
    hangulCache.set(surface, word);
  }
  return word;
}

function hangulWord(surface: string): HangulWord {
  const stem = koreanStem(surface);
  return { surface, stem, bigrams: bigrams(stem), choseong: choseongTerms(surface, stem) };
}

function choseongTerms(surface: string, stem: string): string[] {
  const initials = [CHOSEONG + choseong(stem) + CHOSEONG_WORD + stem];
  if (stem !== surface) initials.push(CHOSEONG + choseong(surface) + CHOSEONG_WORD + surface);
  return initials;
}

/**
 * A Hangul token that only carries the particle of the word before it: the 에서 of Mac에서,
 * the 이라는 of ‘한낱’이라는 (a quoted word's particle comes after the closing quote).
 */
export function isDanglingParticle(token: Token, previous: Pick<Token, 'kind' | 'end'> | undefined): boolean {
  if (token.kind !== 'hangul' || previous === undefined || !isBareParticle(token.text)) return false;
  return particleDangles(token.attached, token.start, previous.kind, previous.end);
}

/**
 * isDanglingParticle for a token known to be a bare particle, from offsets alone: the index
 * builder makes no token object for a word it has met before.
 */
export function particleDangles(attached: boolean, start: number, previousKind: TokenKind, previousEnd: number): boolean {
  // Directly after Hangul (no quote between), it is part of that word's run: 가요 is a word.
  return attached && (previousEnd !== start || (previousKind !== 'hangul' && previousKind !== 'jamo'));
}

/**
 * The index terms of one token of a field (empty for a stop word). The same token in the same
 * field always gives the same terms, so the index builder caches them per word.
 */
export function termsOfToken(token: Token, field: Field): string[] {
  switch (token.kind) {
    case 'hangul': {
      // Not analyzeHangul: the index builder asks once per word and field, and a cache of
      // every word of a build cost more than the analysis (measured: 10,000 articles built
      // in a fresh worker spent 0.15 s more with it). 초성 only where they are indexed.
      const surface = token.text;
      const stem = koreanStem(surface);
      const terms = [surface];
      if (stem !== surface) terms.push(stem);
      for (const gram of bigrams(stem)) terms.push(BIGRAM + gram);
      if (field !== 'body') terms.push(...choseongTerms(surface, stem));
      if (field === 'title') terms.push(TITLE + surface);
      return terms;
    }
    case 'latin': {
      const folded = foldLatin(token.text);
      const stem = englishTerm(folded);
      // Suggestions match title words as typed, stop words included ("how do…").
      const terms = field === 'title' ? [TITLE + folded] : [];
      if (stem === null) return terms;
      terms.push(stem);
      if (field === 'title' && stem !== folded) terms.push(TITLE + stem);
      return terms;
    }
    default:
      return field === 'title' ? [token.text, TITLE + token.text] : [token.text];
  }
}

/** The Latin surface word and its stem, for prefix and typo matching of Latin queries. */
export function latinWordOf(token: Token): [word: string, stem: string] | null {
  if (token.kind !== 'latin') return null;
  const folded = foldLatin(token.text);
  const stem = englishTerm(folded);
  return stem === null ? null : [folded, stem];
}

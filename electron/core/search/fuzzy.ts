/**
 * One-typo tolerance: words of the index within one edit of an unknown query word, found
 * with lunr's TokenSet (a minimised automaton of the vocabulary intersected with a Levenshtein
 * automaton of the word). For Hangul an edit is a whole syllable (신고 ↔ 싱고), so candidates
 * are ranked by how many jamo differ — the typo a person actually made is usually one key —
 * then by how common they are.
 *
 * The vocabulary is the words of titles and tags — what people search for, and a tenth of
 * all words, so the automaton builds in tens of milliseconds on first use (loading an index
 * never pays for it) and a lookup stays around a millisecond at 20,000 articles. A typo in a
 * word that only appears in bodies is not corrected.
 */
import lunr from 'lunr';
import { toJamo } from '../../../shared/hangul';
import { CHOSEONG, CHOSEONG_WORD, TITLE } from './analyzer';
import { prefixRange } from './inverted-index';
import { englishTerm } from './english';
import type { Lexicon } from './lexicon';
import type { TokenKind } from './tokenizer';
import { editDistance } from '../../../shared/edit-distance';

/** The parts of lunr.TokenSet used here (its published typings declare them as instance methods). */
interface TokenSetLike {
  intersect(other: TokenSetLike): TokenSetLike;
  toArray(): string[];
}
interface TokenSetStatics {
  fromArray(words: string[]): TokenSetLike;
  fromFuzzyString(word: string, editDistance: number): TokenSetLike;
}
const TokenSet = lunr.TokenSet as unknown as TokenSetStatics;

const MAX_CANDIDATES = 3;
/** Shorter words have too many neighbours one edit away to guess from. */
const MIN_LENGTH = { hangul: 2, latin: 4 };

export class FuzzyMatcher {
  private hangulWords: TokenSetLike | null = null;
  private latinWords: TokenSetLike | null = null;

  constructor(private readonly lexicon: Lexicon) {}

  private vocabulary(kind: 'hangul' | 'latin'): TokenSetLike {
    const { terms } = this.lexicon.index;
    if (kind === 'latin') {
      // Title words as written (@report, @messages…), Latin ones only.
      if (!this.latinWords) {
        const [from, to] = prefixRange(terms, TITLE);
        const words = new Set<string>();
        for (let i = from; i < to; i++) if (/^@[a-z]/.test(terms[i]!)) words.add(terms[i]!.slice(1));
        this.latinWords = TokenSet.fromArray([...words].sort());
      }
      return this.latinWords;
    }
    if (!this.hangulWords) {
      // The words behind the 초성 terms of titles and tags (^ㅅㄱ:신고 → 신고).
      const [from, to] = prefixRange(terms, CHOSEONG);
      const words = new Set<string>();
      for (let i = from; i < to; i++) {
        const word = terms[i]!.slice(terms[i]!.indexOf(CHOSEONG_WORD) + 1);
        if (word.length >= MIN_LENGTH.hangul) words.add(word);
      }
      this.hangulWords = TokenSet.fromArray([...words].sort());
    }
    return this.hangulWords;
  }

  /** Index words one edit away from `word`, the likeliest first. */
  candidates(word: string, kind: TokenKind): string[] {
    if (kind !== 'hangul' && kind !== 'latin') return [];
    if (word.length < MIN_LENGTH[kind] || word.length > 30) return [];
    const found = this.vocabulary(kind).intersect(TokenSet.fromFuzzyString(word, 1)).toArray();
    const frequency = (candidate: string): number => {
      const term = kind === 'latin' ? englishTerm(candidate) : candidate;
      return term === null ? 0 : this.lexicon.df(this.lexicon.id(term));
    };
    const typed = kind === 'hangul' ? toJamo(word) : word;
    return found
      .filter((candidate) => candidate !== word)
      .map((candidate) => ({ candidate, distance: kind === 'hangul' ? editDistance(typed, toJamo(candidate)) : 1, df: frequency(candidate) }))
      .filter((c) => c.distance <= 2 && c.df > 0)
      .sort((a, b) => a.distance - b.distance || b.df - a.df || (a.candidate < b.candidate ? -1 : 1))
      .slice(0, MAX_CANDIDATES)
      .map((c) => c.candidate);
  }
}

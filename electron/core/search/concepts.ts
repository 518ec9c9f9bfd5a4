/**
 * Concepts: one per query word, each a set of term groups that can match it — the exact word
 * and its stem, Hangul bigrams (partial words and compounds), completions of the word being
 * typed, 초성 readings, close spellings — with the matcher that highlights it. A concept
 * scores as its best group, so a word that matches several ways is not counted twice.
 *
 * Search matches words anywhere in an article; suggest matches title words only, by prefix.
 */
import { completions, isChoseongOnly } from '../../../shared/hangul';
import type { Platform } from '../../../shared/platform';
import { analyzeHangul, BIGRAM, CHOSEONG, CHOSEONG_WORD, TITLE } from './analyzer';
import { englishTerm, foldLatin } from './english';
import type { FuzzyMatcher } from './fuzzy';
import type { Lexicon } from './lexicon';
import { eitherMatcher, exactMatcher, hangulMatcher, latinMatcher, NO_MATCH, prefixMatcher, type Matcher } from './matchers';
import { wordsForPlatform } from './platform-words';
import type { Word } from './query-words';

export type Mode = 'search' | 'suggest';

/** At most this many completions of a word being typed. */
const MAX_COMPLETIONS = 24;
/** Words in more than this share of articles are not also searched by bigrams. */
const BIGRAM_SKIP_SHARE = 0.1;

/** How much each kind of match counts, relative to the exact word. */
export const MATCH_WEIGHTS = {
  /** The surface form (메시지를) on top of its stem (메시지), when the query has that form. */
  surface: 0.5,
  bigram: 0.6,
  completion: 0.8,
  /** A word whose last syllable is visibly unfinished (메시ㅈ): completion is what was meant. */
  partial: 1,
  choseong: 1,
  fuzzy: 0.6,
  /** A platform word (맥): articles that mention the platform rank a little higher. */
  platform: 0.5,
};

export interface WeightedTerm {
  id: number;
  weight: number;
}

/** Terms scored together: summed, or their best one (alternative completions of one word). */
export interface TermGroup {
  terms: WeightedTerm[];
  combine: 'sum' | 'max';
  /** A document must contain at least this many of the terms (all bigrams of a short word). */
  minMatch: number;
  scale: number;
}

/** A concept being built: groups that found no terms are null. */
export interface ConceptDraft {
  key: string;
  optional?: boolean;
  groups: Array<TermGroup | null>;
  matcher: Matcher;
  /** The likeliest close spelling, for didYouMean. */
  correction?: string;
}

function group(terms: WeightedTerm[], combine: TermGroup['combine'], scale: number, minMatch = 1): TermGroup | null {
  return terms.length > 0 && terms.length >= minMatch ? { terms, combine, minMatch, scale } : null;
}

function ids(list: readonly number[], weight = 1): WeightedTerm[] {
  return list.map((id) => ({ id, weight }));
}

/**
 * Alternatives for one typed word (completions, 초성 readings, close spellings), weighted by
 * how common each is: the likelier reading of 메시ㅈ is 메시지, not a rare 메시지로. Without
 * this, IDF would favour the rarest completion.
 */
function byPopularity(lexicon: Lexicon, list: readonly number[], weightOf: (id: number) => number = () => 1): WeightedTerm[] {
  let most = 1;
  for (const id of list) most = Math.max(most, lexicon.df(id));
  return list.map((id) => ({ id, weight: weightOf(id) * Math.sqrt(lexicon.df(id) / most) }));
}

function exact(lexicon: Lexicon, term: string, weight = 1): WeightedTerm[] {
  const id = lexicon.id(term);
  return id >= 0 ? [{ id, weight }] : [];
}

/**
 * Completions that are other words, not forms of the typed one: 보안이라는 adds nothing to 보안
 * (its stem is already searched) and, being rare, would outscore it.
 */
function otherWords(lexicon: Lexicon, found: readonly number[], stem: string): number[] {
  return found.filter((id) => analyzeHangul(lexicon.index.terms[id]!).stem !== stem);
}

function hangulConcept(word: Word, lexicon: Lexicon, mode: Mode): ConceptDraft {
  const analyzed = analyzeHangul(word.text);
  const typed = completions(word.text);
  if (mode === 'suggest') {
    // A title word starting with what was typed, or containing it (안녕패스 in 톡안녕패스).
    const grams = analyzed.surface.length >= 2 ? analyzeHangul(analyzed.surface).bigrams.map((gram) => lexicon.id(BIGRAM + gram)) : [];
    return {
      key: analyzed.surface,
      groups: [
        group(ids(lexicon.completions(TITLE, typed, MAX_COMPLETIONS * 4)), 'max', 1),
        grams.every((id) => id >= 0) ? group(ids(grams, 1 / Math.max(1, grams.length)), 'sum', MATCH_WEIGHTS.bigram, grams.length) : null,
      ],
      matcher: hangulMatcher(analyzed.surface.length >= 2 ? [analyzed.surface] : [], prefixMatcher(typed, word.text.length)),
    };
  }
  // A common word is found as itself; its bigrams would add cost, not results.
  const common = lexicon.df(lexicon.id(analyzed.stem)) > lexicon.docCount * BIGRAM_SKIP_SHARE;
  const grams = common ? [] : analyzed.bigrams.map((gram) => lexicon.id(BIGRAM + gram));
  const gramTerms = grams.filter((id) => id >= 0).map((id) => ({ id, weight: 1 / grams.length }));
  const minMatch = grams.length <= 2 ? grams.length : Math.ceil(grams.length * 0.75);
  return {
    key: analyzed.stem,
    groups: [
      group([...exact(lexicon, analyzed.stem), ...(analyzed.surface !== analyzed.stem ? exact(lexicon, analyzed.surface, MATCH_WEIGHTS.surface) : [])], 'sum', 1),
      group(gramTerms, 'sum', MATCH_WEIGHTS.bigram, minMatch),
      word.open ? group(byPopularity(lexicon, otherWords(lexicon, lexicon.completions('', typed, MAX_COMPLETIONS), analyzed.stem)), 'max', MATCH_WEIGHTS.completion) : null,
    ],
    matcher: hangulMatcher([analyzed.stem, analyzed.surface], word.open ? prefixMatcher(typed, word.text.length) : null),
  };
}

function jamoConcept(word: Word, lexicon: Lexicon, mode: Mode): ConceptDraft {
  if (isChoseongOnly(word.text)) {
    // ㅅㄱ: words whose 초성 is exactly ㅅㄱ (신고), then longer ones (신고하기), common first.
    const exactPrefix = CHOSEONG + word.text + CHOSEONG_WORD;
    const found = lexicon.completions(CHOSEONG, [{ prefix: word.text, next: null }], MAX_COMPLETIONS);
    const weightOf = (id: number): number => (lexicon.index.terms[id]!.startsWith(exactPrefix) ? 1 : MATCH_WEIGHTS.completion);
    // Highlight the words the 초성 stood for (신고), not every word with those initials.
    const words = found.map((id) => lexicon.index.terms[id]!.slice(lexicon.index.terms[id]!.indexOf(CHOSEONG_WORD) + 1));
    return {
      key: CHOSEONG + word.text,
      // The jamo may also be meant literally (ㄲ의 이름, ㅋㅋ).
      groups: [group(byPopularity(lexicon, found, weightOf), 'max', MATCH_WEIGHTS.choseong), group(exact(lexicon, word.text), 'sum', 1)],
      matcher: eitherMatcher(hangulMatcher(words), exactMatcher(word.text)),
    };
  }
  const typed = completions(word.text);
  const namespace = mode === 'suggest' ? TITLE : '';
  const syllables = word.text.replace(/[\u3131-\u318e]+$/u, '');
  const grams = mode === 'search' && syllables.length >= 2 ? analyzeHangul(syllables).bigrams : [];
  const gramTerms = grams.map((gram) => lexicon.id(BIGRAM + gram)).filter((id) => id >= 0);
  return {
    key: word.text,
    groups: [
      group(byPopularity(lexicon, lexicon.completions(namespace, typed, MAX_COMPLETIONS)), 'max', MATCH_WEIGHTS.partial),
      group(ids(gramTerms, 1 / Math.max(1, grams.length)), 'sum', MATCH_WEIGHTS.bigram, grams.length),
    ],
    matcher: prefixMatcher(typed, word.text.length),
  };
}

function latinConcept(word: Word, lexicon: Lexicon, mode: Mode, keepStopWords: boolean): ConceptDraft | null {
  const folded = foldLatin(word.text);
  const stem = englishTerm(folded) ?? (keepStopWords ? folded : null);
  if (stem === null) return null;
  if (mode === 'suggest') {
    return {
      key: stem,
      groups: [group([...exact(lexicon, TITLE + stem), ...ids(lexicon.completions(TITLE, [{ prefix: folded, next: null }], MAX_COMPLETIONS * 4))], 'max', 1)],
      matcher: latinMatcher(new Set([stem]), folded),
    };
  }
  return {
    key: stem,
    groups: [
      group(exact(lexicon, stem), 'sum', 1),
      word.open ? group(byPopularity(lexicon, lexicon.latinCompletions(folded, MAX_COMPLETIONS).filter((id) => id !== lexicon.id(stem))), 'max', MATCH_WEIGHTS.completion) : null,
    ],
    matcher: latinMatcher(new Set([stem]), word.open ? folded : null),
  };
}

function otherConcept(word: Word, lexicon: Lexicon, mode: Mode): ConceptDraft {
  if (mode === 'suggest') {
    return { key: word.text, groups: [group(ids(lexicon.completions(TITLE, [{ prefix: word.text, next: null }], MAX_COMPLETIONS * 4)), 'max', 1)], matcher: prefixMatcher([{ prefix: word.text, next: null }], word.text.length) };
  }
  return { key: word.text, groups: [group(exact(lexicon, word.text), 'sum', 1)], matcher: exactMatcher(word.text) };
}

export function conceptOf(word: Word, lexicon: Lexicon, mode: Mode, keepStopWords: boolean): ConceptDraft | null {
  switch (word.kind) {
    case 'hangul':
      return hangulConcept(word, lexicon, mode);
    case 'jamo':
      return jamoConcept(word, lexicon, mode);
    case 'latin':
      return latinConcept(word, lexicon, mode, keepStopWords);
    default:
      return otherConcept(word, lexicon, mode);
  }
}

/** Close spellings of an unknown word, as a fallback group (and a correction to show). */
export function fuzzyConcept(draft: ConceptDraft, word: Word, lexicon: Lexicon, fuzzy: FuzzyMatcher): ConceptDraft {
  const candidates = fuzzy.candidates(word.text, word.kind);
  if (candidates.length === 0) return draft;
  const found: number[] = [];
  const forms: string[] = [];
  const stems = new Set<string>();
  for (const candidate of candidates) {
    if (word.kind === 'latin') {
      const stem = englishTerm(candidate);
      if (stem) {
        found.push(lexicon.id(stem));
        stems.add(stem);
      }
    } else {
      const analyzed = analyzeHangul(candidate);
      found.push(lexicon.id(analyzed.stem), lexicon.id(candidate));
      forms.push(analyzed.stem, candidate);
    }
  }
  const matcher = word.kind === 'latin' ? latinMatcher(stems, null) : hangulMatcher(forms, null);
  return {
    key: draft.key,
    groups: [...draft.groups, group(byPopularity(lexicon, [...new Set(found.filter((id) => id >= 0))]), 'max', MATCH_WEIGHTS.fuzzy)],
    matcher: eitherMatcher(draft.matcher, matcher),
    correction: candidates[0],
  };
}

/** The words naming a platform, as an optional concept: Mac에 톡안녕패스 등록 ranks up for 맥. */
export function platformConcept(platform: Platform, lexicon: Lexicon): ConceptDraft {
  const terms = new Set<number>();
  for (const word of wordsForPlatform(platform)) {
    const term = /^[a-z]+$/.test(word) ? englishTerm(word) : analyzeHangul(word).stem;
    const id = term === null ? -1 : lexicon.id(term);
    if (id >= 0) terms.add(id);
  }
  return { key: `platform:${platform}`, optional: true, groups: [group(ids([...terms]), 'max', MATCH_WEIGHTS.platform)], matcher: NO_MATCH };
}


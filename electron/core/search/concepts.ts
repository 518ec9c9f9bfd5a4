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
import type { Phrase, SynonymTable } from './synonyms';
import { tokenize } from './tokenizer';
import { formsOf, lemmasOf } from './verb-forms';

export type Mode = 'search' | 'suggest';

/** At most this many completions of a word being typed. */
const MAX_COMPLETIONS = 24;
/** At most this many other forms of a verb. */
const MAX_VERB_FORMS = 12;
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
  /** Another form of the same verb (바꿨어요 for 바꾸기). */
  verbForm: 0.9,
  /** A synonym from the lexicon or the help center's synonyms.yml (비번 for 비밀번호). */
  synonym: 0.85,
  /** Negation in the query (안 와요): articles about something not working rank a little higher. */
  negation: 0.4,
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
  /** An optional concept that still counts in the title rerank (negation). */
  inTitle?: boolean;
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

function hangulConcept(word: Word, lexicon: Lexicon, mode: Mode, withForms: boolean): ConceptDraft {
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
  const forms = withForms ? verbForms(word.text, lexicon) : { ids: [], words: [] };
  return {
    key: analyzed.stem,
    groups: [
      group([...exact(lexicon, analyzed.stem), ...(analyzed.surface !== analyzed.stem ? exact(lexicon, analyzed.surface, MATCH_WEIGHTS.surface) : [])], 'sum', 1),
      group(gramTerms, 'sum', MATCH_WEIGHTS.bigram, minMatch),
      word.open ? group(byPopularity(lexicon, otherWords(lexicon, lexicon.completions('', typed, MAX_COMPLETIONS), analyzed.stem)), 'max', MATCH_WEIGHTS.completion) : null,
      group(byPopularity(lexicon, forms.ids), 'max', MATCH_WEIGHTS.verbForm),
    ],
    matcher: hangulMatcher([analyzed.stem, analyzed.surface, ...forms.words], word.open ? prefixMatcher(typed, word.text.length) : null),
  };
}

/**
 * Indexed forms of the verb a word is a form of (바꿨어요 → 바꾸기, 바꾸려면…), when the word
 * carries an ending or is not indexed as typed: a plain noun (메시지) is searched as itself.
 */
function verbForms(text: string, lexicon: Lexicon): { ids: number[]; words: string[] } {
  const memo = lexicon.memo<{ ids: number[]; words: string[] }>('verbForms');
  let found = memo.get(text);
  if (!found) {
    found = findVerbForms(text, lexicon);
    memo.set(text, found);
  }
  return found;
}

function findVerbForms(text: string, lexicon: Lexicon): { ids: number[]; words: string[] } {
  const stem = analyzeHangul(text).stem;
  if (stem === text && lexicon.has(text)) return { ids: [], words: [] };
  const ids = new Set<number>();
  const words: string[] = [];
  for (const lemma of lemmasOf(text)) {
    if (lemma === text || lemma === stem) continue;
    for (const form of formsOf(lemma)) {
      const id = lexicon.id(form);
      if (id >= 0 && form !== stem && form !== text && !ids.has(id)) {
        ids.add(id);
        words.push(form);
      }
    }
  }
  for (const form of formsOf(stem)) {
    const id = lexicon.id(form);
    if (id >= 0 && form !== stem && form !== text && !ids.has(id)) {
      ids.add(id);
      words.push(form);
    }
  }
  // A form in a large share of the articles (쓰는, 하고) says little and costs the most.
  const useful = [...ids].filter((id) => lexicon.df(id) <= lexicon.docCount * BIGRAM_SKIP_SHARE);
  return { ids: useful.slice(0, MAX_VERB_FORMS), words: words.filter((w) => useful.includes(lexicon.id(w))) };
}

/** The terms of one word of a synonym, and the forms to highlight. */
function wordTerms(text: string, lexicon: Lexicon): { ids: number[]; forms: string[] } {
  const memo = lexicon.memo<{ ids: number[]; forms: string[] }>('wordTerms');
  let found = memo.get(text);
  if (!found) {
    found = findWordTerms(text, lexicon);
    memo.set(text, found);
  }
  return found;
}

function findWordTerms(text: string, lexicon: Lexicon): { ids: number[]; forms: string[] } {
  const [token] = tokenize(text);
  if (!token) return { ids: [], forms: [] };
  if (token.kind === 'latin') {
    const stem = englishTerm(foldLatin(token.text));
    return stem === null ? { ids: [], forms: [] } : { ids: exact(lexicon, stem).map((t) => t.id), forms: [stem] };
  }
  if (token.kind !== 'hangul') return { ids: exact(lexicon, token.text).map((t) => t.id), forms: [token.text] };
  const analyzed = analyzeHangul(token.text);
  const ids = [...exact(lexicon, analyzed.stem), ...exact(lexicon, analyzed.surface)].map((t) => t.id);
  const forms = verbForms(token.text, lexicon);
  return { ids: [...new Set([...ids, ...forms.ids])], forms: [analyzed.stem, ...forms.words] };
}

/**
 * Groups for what a word or phrase may also be written as: a one-word synonym scores as its
 * best form; a phrase (프로필 사진) needs all its words.
 */
export function synonymGroups(phrases: readonly Phrase[], lexicon: Lexicon, queryScript: 'hangul' | 'latin' | 'other' = 'other', ownIdf: number | null = null): { groups: TermGroup[]; matcher: Matcher } {
  const groups: TermGroup[] = [];
  // A rare synonym (암호) must not outscore the common word it stands for (비밀번호): each
  // term counts at most as much as the commonest form of the concept would.
  const found = phrases.map((phrase) => ({ phrase, parts: phrase.map((w) => wordTerms(w, lexicon)) })).filter(({ parts }) => parts.every((p) => p.ids.length > 0));
  let common = ownIdf ?? Infinity;
  for (const { parts } of found) for (const part of parts) for (const id of part.ids) common = Math.min(common, lexicon.idf(id));
  const rarity = (id: number): number => Math.min(1, common / Math.max(1e-6, lexicon.idf(id)));
  const latin = new Set<string>();
  const hangul: string[] = [];
  for (const { phrase, parts } of found) {
    // A synonym in another script (비번 → password) is mostly another language's article.
    const script = /^[a-z0-9 ]+$/.test(phrase.join(' ')) ? 'latin' : 'hangul';
    const scale = MATCH_WEIGHTS.synonym * (queryScript !== 'other' && script !== queryScript ? 0.5 : 1);
    for (const [i, p] of parts.entries()) {
      if (/^[a-z0-9]/.test(phrase[i]!)) for (const form of p.forms) latin.add(form);
      else hangul.push(...p.forms);
    }
    const made =
      parts.length === 1
        ? group(byPopularity(lexicon, parts[0]!.ids).map((t) => ({ id: t.id, weight: t.weight * rarity(t.id) })), 'max', scale)
        : group(
            parts.map((p) => {
              const id = p.ids.reduce((a, b) => (lexicon.df(b) > lexicon.df(a) ? b : a));
              return { id, weight: rarity(id) / parts.length };
            }),
            'sum',
            scale,
            parts.length,
          );
    if (made) groups.push(made);
  }
  return { groups, matcher: eitherMatcher(hangulMatcher(hangul), latinMatcher(latin, null)) };
}

/** Adds a word's synonyms to its concept (search only). */
export function withSynonyms(draft: ConceptDraft, word: Word, lexicon: Lexicon, synonyms: SynonymTable): ConceptDraft {
  const phrases = synonyms.alternatives(word.text, word.kind);
  if (phrases.length === 0) return draft;
  const own = draft.groups[0]?.terms ?? [];
  const ownIdf = own.length > 0 ? Math.min(...own.map((t) => lexicon.idf(t.id))) : null;
  const { groups, matcher } = synonymGroups(phrases, lexicon, word.kind === 'latin' ? 'latin' : word.kind === 'hangul' ? 'hangul' : 'other', ownIdf);
  if (groups.length === 0) return draft;
  return { ...draft, groups: [...draft.groups, ...groups], matcher: eitherMatcher(draft.matcher, matcher) };
}

/** Two words read as one phrase with synonyms (계정 삭제 → 탈퇴): its words together, or a synonym. */
export function phraseConcept(first: ConceptDraft, second: ConceptDraft, phrases: readonly Phrase[], lexicon: Lexicon): ConceptDraft {
  const best = (draft: ConceptDraft): WeightedTerm | null => draft.groups[0]?.terms[0] ?? null;
  const a = best(first);
  const b = best(second);
  const own = a && b ? group([{ id: a.id, weight: 0.5 }, { id: b.id, weight: 0.5 }], 'sum', 1, 2) : null;
  const { groups, matcher } = synonymGroups(phrases, lexicon, 'hangul');
  return { key: `${first.key} ${second.key}`, groups: [own, ...groups], matcher: eitherMatcher(eitherMatcher(first.matcher, second.matcher), matcher) };
}

/** Negation in the query (알림 안 와요): an optional concept for articles about what does not work. */
export function negationConcept(articleWords: readonly string[], lexicon: Lexicon): ConceptDraft {
  const terms = new Set<number>();
  for (const word of articleWords) {
    const id = lexicon.id(word);
    if (id >= 0) terms.add(id);
  }
  // Every way of saying "does not work" counts the same: a rare one (실패 in a tag) must not
  // decide the ranking, so each term is scaled to the commonest one's IDF.
  let common = Infinity;
  for (const id of terms) common = Math.min(common, lexicon.idf(id));
  const weighted = [...terms].map((id) => ({ id, weight: Math.min(1, common / Math.max(1e-6, lexicon.idf(id))) }));
  // In a title, any word of negation but the bare 안 (which starts 안녕, 안내…) shows the topic.
  const titleWords = articleWords.filter((word) => word !== '안');
  return { key: 'negation', optional: true, inTitle: true, groups: [group(weighted, 'max', MATCH_WEIGHTS.negation)], matcher: hangulMatcher(titleWords) };
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

/**
 * `verbForms`: also match the word's other verb forms (바꿨어요 ↔ 바꾸기). The query builder
 * asks for it in short queries, where one word is much of the meaning; in a long question the
 * other words carry it, and the forms of common verbs would only add cost.
 */
export function conceptOf(word: Word, lexicon: Lexicon, mode: Mode, keepStopWords: boolean, verbForms = false): ConceptDraft | null {
  switch (word.kind) {
    case 'hangul':
      return hangulConcept(word, lexicon, mode, verbForms);
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


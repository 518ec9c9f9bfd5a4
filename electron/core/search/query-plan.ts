/**
 * The query builder: what a person typed → a bounded plan of concepts to score. User text
 * never reaches a query parser (lunr's or anyone's), so `:~^*+-` are just separators.
 *
 * 1. Words, each read in the keyboard layout the index knows better (query-words).
 * 2. Platform words (맥, windows…) become the preferred platform, plus an optional concept
 *    that favours articles naming it, instead of words every result must contain.
 * 3. Concepts (concepts.ts), deduplicated; close spellings for unknown words of a short
 *    query; in a longer query the very common words dropped; at most MAX_CONCEPTS, the
 *    rarest kept: a pasted paragraph costs no more than a long question.
 */
import type { Platform } from '../../../shared/platform';
import { CHOSEONG, CHOSEONG_WORD } from './analyzer';
import { conceptOf, fuzzyConcept, negationConcept, phraseConcept, platformConcept, withSynonyms, type ConceptDraft, type Mode, type TermGroup } from './concepts';
import { everydayWords } from './everyday-words';
import type { FuzzyMatcher } from './fuzzy';
import type { Lexicon } from './lexicon';
import { hangulMatcher, latinMatcher, type Matcher } from './matchers';
import { englishTerm } from './english';
import { normalizeQuery } from './normalize';
import { koreanStem } from './korean';
import { platformOfWord, resolvePlatformWord, wordsForPlatform } from './platform-words';
import { isStopWord, platformOfQueryWord, readWords, respace, type Word } from './query-words';
import type { Vocabulary } from './spacing';
import type { SynonymTable } from './synonyms';
import { tokenize } from './tokenizer';
import { endsLikeVerb, formsOf, lemmasOf } from './verb-forms';

export type { Matcher } from './matchers';
export { MATCH_WEIGHTS, type TermGroup, type WeightedTerm } from './concepts';

/** At most this many concepts are scored; the rarest words carry the meaning. */
export const MAX_CONCEPTS = 12;
/**
 * In a query of three or more words, words this common (IDF below, i.e. in more than about a
 * third of the articles: 어떻게, 하나요) are dropped: they barely change the ranking, and they
 * would make every article a result and cost the most postings.
 */
const STOP_IDF = 1.2;
/** Queries of up to this many words are read as typed speech: spacing, fillers, negation. */
const SPOKEN_QUERY_MAX_WORDS = 6;
/** Verbs are matched in all their forms in queries of up to this many words. */
const VERB_FORM_MAX_WORDS = 4;
/** Typo correction only for short queries, where one unknown word is most of the query. */
const FUZZY_MAX_CONCEPTS = 4;

export interface Concept {
  key: string;
  groups: TermGroup[];
  /** Scores when matched but is not one of the words a result must match (a platform word). */
  optional: boolean;
  /** Counts in the title rerank although optional (negation: "안 켜져요" is about not starting). */
  inTitle: boolean;
  /** How rare the concept is (the IDF of its best term): decides what a long query keeps. */
  idf: number;
  matcher: Matcher;
}

export interface QueryPlan {
  /** The query as normalised. */
  text: string;
  concepts: Concept[];
  /** The platform named in the query, if any. */
  platform: Platform | null;
  /** The query as understood, when that differs from what was typed (layout, typo). */
  corrected: string | null;
  /** Highlighters for every word, platform words included. */
  matchers: Matcher[];
  /**
   * Words of the query that carry its meaning (not fillers, platform or negation words) and
   * that no article has in any form, synonym or close spelling: results cannot cover them.
   */
  unknownWords: number;
}

export interface PlanOptions {
  /** 'suggest' matches title words by prefix, every word of the query. */
  mode: Mode;
  fuzzy?: FuzzyMatcher | null;
  /** The built-in lexicon and the help center's synonyms.yml (search only). */
  synonyms?: SynonymTable | null;
  /** The preferred platform: what a desktop word (PC, 컴퓨터) means. */
  preferred?: Platform;
}

const QUOTES = /['"‘’“”「」『』`]/;

/** What the spacing rules may ask about words, over this index and the lexicon. */
export function vocabularyOf(lexicon: Lexicon, synonyms: SynonymTable | null): Vocabulary {
  const everyday = everydayWords();
  // A one-syllable stem (지 of 지나요) is too short to vouch for a word.
  const indexed = (word: string): boolean => {
    if (lexicon.has(word)) return true;
    const stem = koreanStem(word);
    return stem.length >= 2 && lexicon.has(stem);
  };
  const known = new Map<string, boolean>();
  const knows = (word: string): boolean =>
    indexed(word) ||
    everyday.fillers.has(word) ||
    everyday.negations.query.has(word) ||
    platformOfWord(word) !== null ||
    (synonyms?.knows(word, 'hangul') ?? false) ||
    // A verb form (보내기 → 보내려면); one-syllable bases (지 of 지나요) say too little.
    lemmasOf(word).some((lemma) => lemma !== word && lemma.length >= 2 && formsOf(lemma).some((form) => lexicon.has(form)));
  return {
    indexed,
    knows: (word) => {
      let answer = known.get(word);
      if (answer === undefined) known.set(word, (answer = knows(word)));
      return answer;
    },
    knowsInitials: (initials) => lexicon.completions(CHOSEONG, [{ prefix: initials + CHOSEONG_WORD, next: null }], 1).length > 0,
    prefixWord: (word) => everyday.negations.query.has(word),
    knowsPhrase: (first, second) => synonyms?.phraseAlternatives(first, second, ['hangul', 'hangul']) != null,
    isFunctionWord: (word) => everyday.fillers.has(word) || everyday.negations.query.has(word),
  };
}

/**
 * Spoken words that carry no topic (어떻게 해요, 싶어요, 방법) and words of negation (안, 안돼요)
 * leave the words to search for; negation is remembered. Nothing is dropped from a query made
 * only of such words.
 */
function withoutFillers(words: readonly Word[], text: string): { words: Word[]; negated: boolean } {
  const everyday = everydayWords();
  // A quoted word is mentioned, not used: '어떻게'와 '어떡해', '않-'과 '안' are the topic.
  const quoted = (w: Word): boolean => w.token.start > 0 && QUOTES.test(text[w.token.start - 1]!);
  const isFiller = (w: Word): boolean => (w.kind === 'hangul' || w.kind === 'latin') && everyday.fillers.has(w.text) && !quoted(w);
  const isNegation = (w: Word): boolean => w.kind === 'hangul' && everyday.negations.query.has(w.text) && !quoted(w);
  const kept = words.filter((w) => !isFiller(w) && !isNegation(w));
  if (kept.length === 0) return { words: [...words], negated: false };
  return { words: kept, negated: words.some(isNegation) };
}

function conceptIdf(groups: readonly TermGroup[], lexicon: Lexicon): number {
  let best = 0;
  for (const g of groups) for (const term of g.terms) best = Math.max(best, lexicon.idf(term.id) * (g.combine === 'sum' && g.minMatch > 1 ? 0.5 : 1));
  return best;
}

function replaceSpans(text: string, replacements: ReadonlyArray<{ start: number; end: number; text: string }>): string {
  let out = '';
  let at = 0;
  for (const r of [...replacements].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}

function platformMatchersFor(platform: Platform): Matcher[] {
  const names = wordsForPlatform(platform);
  const latin = names.filter((name) => /^[a-z]+$/.test(name)).map((name) => englishTerm(name) ?? name);
  const hangul = names.filter((name) => !/^[a-z]/.test(name));
  return [latinMatcher(new Set(latin), null), hangulMatcher(hangul)];
}

export function buildPlan(input: string, lexicon: Lexicon, options: PlanOptions): QueryPlan {
  const text = normalizeQuery(input);
  const searching = options.mode === 'search';
  const synonyms = searching ? options.synonyms ?? null : null;
  const vocabulary = searching ? vocabularyOf(lexicon, synonyms) : null;
  const read = readWords(tokenize(text), text, lexicon, vocabulary);
  // Spacing and spoken fillers are read in what people type into a help box; a long question
  // is written, and its every word counts (measured on the Korean FAQ: reading them there too
  // lowered MRR@10 from 0.976 to 0.971).
  const spoken = searching && read.length <= SPOKEN_QUERY_MAX_WORDS;
  const spaced = vocabulary && spoken ? respace(read, vocabulary) : read;
  const { words, negated } = spoken ? withoutFillers(spaced, text) : { words: spaced, negated: false };

  // Platform words: a preference, unless they are all there is to search for.
  let platform: Platform | null = null;
  // A number right after a platform word is its version (윈도우10, iOS 17): part of the preference.
  const isVersion = (index: number): boolean => words[index]!.kind === 'number' && index > 0 && platformOfQueryWord(words[index - 1]!) !== null;
  const content = words.filter((word, index) => platformOfQueryWord(word) === null && !isVersion(index));
  for (const word of words) {
    const named = platformOfQueryWord(word);
    if (named) platform ??= resolvePlatformWord(named, options.preferred ?? 'windows');
  }
  // Mark every name of the platform: 맥 in the query, Mac in the title.
  const platformMatchers: Matcher[] = platform && content.length > 0 ? platformMatchersFor(platform) : [];
  const searchWords = content.length > 0 ? content : words;
  const keepStopWords = searchWords.every(isStopWord);

  const drafts: Array<{ draft: ConceptDraft; word: Word }> = [];
  const seen = new Set<string>();
  const shortQuery = searchWords.length <= VERB_FORM_MAX_WORDS;
  for (let i = 0; i < searchWords.length; i++) {
    const word = searchWords[i]!;
    let draft = conceptOf(word, lexicon, options.mode, keepStopWords, shortQuery);
    if (!draft) continue;
    const next = searchWords[i + 1];
    const phrase = synonyms && next ? synonyms.phraseAlternatives(word.text, next.text, [word.kind, next.kind]) : null;
    const second = phrase ? conceptOf(next!, lexicon, options.mode, keepStopWords, shortQuery) : null;
    if (phrase && second) {
      draft = phraseConcept(draft, second, phrase, lexicon);
      i++;
    } else if (synonyms) {
      draft = withSynonyms(draft, word, lexicon, synonyms);
    }
    if (seen.has(draft.key)) continue;
    seen.add(draft.key);
    drafts.push({ draft, word });
  }

  // Unknown words of a short query may be typos: add close spellings.
  if (options.fuzzy && options.mode === 'search') {
    const unknown = drafts.filter(({ draft }) => draft.groups.every((g) => g === null));
    if (unknown.length > 0 && (drafts.length <= FUZZY_MAX_CONCEPTS || unknown.length === drafts.length)) {
      for (const item of unknown.slice(0, FUZZY_MAX_CONCEPTS)) {
        if (item.word.kind === 'hangul' || item.word.kind === 'latin') item.draft = fuzzyConcept(item.draft, item.word, lexicon, options.fuzzy);
      }
    }
  }

  // An unknown verb form (깨고, 떼려면) is a way of saying; an unknown noun (대출) is a topic.
  const unknownWords = drafts.filter(({ draft, word }) => draft.groups.every((g) => g === null) && !(word.kind === 'hangul' && endsLikeVerb(word.text))).length;
  const all = drafts.map((d) => d.draft);
  if (platform && content.length > 0 && options.mode === 'search') all.push(platformConcept(platform, lexicon));
  if (negated) all.push(negationConcept(everydayWords().negations.article, lexicon));
  let concepts: Concept[] = all.map((draft) => {
    const groups = draft.groups.filter((g): g is TermGroup => g !== null);
    return { key: draft.key, groups, optional: draft.optional === true, inTitle: draft.optional !== true || draft.inTitle === true, idf: conceptIdf(groups, lexicon), matcher: draft.matcher };
  });
  // In search, a word nothing matches only dilutes; in suggest, it means no title matches.
  if (options.mode === 'search') {
    concepts = concepts.filter((c) => c.groups.length > 0);
    const required = concepts.filter((c) => !c.optional);
    const kept = concepts.filter((c) => c.optional || c.idf >= STOP_IDF);
    if (required.length >= 3 && kept.filter((c) => !c.optional).length >= 2) concepts = kept;
  }
  if (concepts.length > MAX_CONCEPTS) concepts = [...concepts].sort((a, b) => Number(a.optional) - Number(b.optional) || b.idf - a.idf).slice(0, MAX_CONCEPTS);

  const replacements = [
    ...words.filter((w) => w.replacement !== null).map((w) => ({ start: w.token.start, end: w.token.end, text: w.replacement! })),
    ...drafts.filter(({ draft }) => draft.correction !== undefined).map(({ draft, word }) => ({ start: word.token.start, end: word.token.end, text: draft.correction! })),
  ];
  return {
    text,
    concepts,
    platform,
    corrected: replacements.length > 0 ? replaceSpans(text, replacements).trim() : null,
    matchers: [...concepts.map((c) => c.matcher), ...platformMatchers],
    unknownWords,
  };
}

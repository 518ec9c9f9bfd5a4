/**
 * The built-in lexicon of everyday Korean help-desk words (everyday-words.ko.json, a reviewed
 * data file): spoken fillers that never decide a ranking, words of negation, and synonym
 * groups and one-way expansions for any product a Korean help center documents. Checked once
 * when first used, so a bad edit to the data fails every test at once, naming the entry.
 */
import data from './everyday-words.ko.json';

export interface SynonymRule {
  /** Words or phrases (words separated by spaces) that mean the same. */
  words: readonly string[];
  /** One-way: only words[0] is read as the others (카톡 → 톡플러스), not the reverse. */
  oneWay: boolean;
}

export interface EverydayWords {
  fillers: ReadonlySet<string>;
  negations: { query: ReadonlySet<string>; article: readonly string[] };
  synonyms: readonly SynonymRule[];
}

function words(list: unknown, where: string): string[] {
  if (!Array.isArray(list) || list.some((w) => typeof w !== 'string' || w.trim() === '' || w !== w.trim().toLowerCase())) {
    throw new Error(`everyday-words.ko.json: ${where} must be a list of non-empty, trimmed, lower-case words`);
  }
  return list as string[];
}

let loaded: EverydayWords | null = null;

export function everydayWords(): EverydayWords {
  if (loaded) return loaded;
  const synonyms: SynonymRule[] = [];
  data.synonyms.forEach((group, i) => {
    const list = words(group, `synonyms[${i}]`);
    if (list.length < 2) throw new Error(`everyday-words.ko.json: synonyms[${i}] needs at least two words`);
    synonyms.push({ words: list, oneWay: false });
  });
  data.expansions.forEach((pair, i) => {
    const list = words(pair, `expansions[${i}]`);
    if (list.length < 2) throw new Error(`everyday-words.ko.json: expansions[${i}] needs a word and what it stands for`);
    synonyms.push({ words: list, oneWay: true });
  });
  loaded = {
    fillers: new Set(words(data.fillers, 'fillers')),
    negations: { query: new Set(words(data.negations.query, 'negations.query')), article: words(data.negations.article, 'negations.article') },
    synonyms,
  };
  return loaded;
}

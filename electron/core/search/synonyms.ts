/**
 * Synonyms: words and phrases that mean the same (비번 = 비밀번호, 프사 = 프로필 사진, 탈퇴 =
 * 계정 삭제) and one-way expansions (카톡 → 톡플러스), from the built-in lexicon and a help
 * center's own synonyms.yml (carried in its feed). A query word is looked up by its bases, so
 * 탈퇴하고 and 켜져요 find the entries for 탈퇴 and 켜지다.
 */
import { englishTerm, foldLatin } from './english';
import type { SynonymRule } from './everyday-words';
import { koreanStem } from './korean';
import { normalizeText } from './normalize';
import { tokenize } from './tokenizer';
import { lemmasOf } from './verb-forms';

/** A phrase as the words of the text it stands for (큐알코드 → ['큐알코드'], QR코드 → ['qr', '코드']). */
export type Phrase = readonly string[];

/** The lookup key of one written word: its stem (Korean), its stem (English), or itself. */
export function wordKey(word: string): string {
  const [token] = tokenize(normalizeText(word));
  if (!token) return word;
  if (token.kind === 'hangul') return koreanStem(token.text);
  if (token.kind === 'latin') return englishTerm(foldLatin(token.text)) ?? token.text;
  return token.text;
}

/** The words of a phrase as the tokenizer splits them (qr코드 → qr, 코드). */
export function phraseWords(text: string): string[] {
  return tokenize(normalizeText(text)).map((token) => token.text);
}

function phraseKey(text: string): string {
  return phraseWords(text).map(wordKey).join(' ');
}

export class SynonymTable {
  private readonly byKey = new Map<string, Phrase[]>();

  constructor(rules: readonly SynonymRule[]) {
    for (const rule of rules) {
      const sources = rule.oneWay ? rule.words.slice(0, 1) : rule.words;
      for (const source of sources) {
        const key = phraseKey(source);
        if (key === '') continue;
        const list = this.byKey.get(key) ?? [];
        for (const other of rule.words) {
          if (other === source) continue;
          const words = phraseWords(other);
          if (words.length > 0 && phraseKey(other) !== key && !list.some((p) => p.join(' ') === words.join(' '))) list.push(words);
        }
        this.byKey.set(key, list);
      }
    }
  }

  /** Keys a query word may be looked up by: its bases (Hangul) or its key. */
  private keysOf(word: string, kind: string): readonly string[] {
    return kind === 'hangul' ? [word, ...lemmasOf(word)] : [wordKey(word)];
  }

  /** What a query word may also be written as (비번 → 비밀번호, 패스워드…). */
  alternatives(word: string, kind: string): Phrase[] {
    const out: Phrase[] = [];
    for (const key of this.keysOf(word, kind)) for (const phrase of this.byKey.get(key) ?? []) if (!out.includes(phrase)) out.push(phrase);
    return out;
  }

  /** What two adjacent query words, read as one phrase, may also be written as (계정 삭제 → 탈퇴). */
  phraseAlternatives(first: string, second: string, kinds: readonly [string, string]): Phrase[] | null {
    for (const a of this.keysOf(first, kinds[0])) for (const b of this.keysOf(second, kinds[1])) {
      const found = this.byKey.get(`${a} ${b}`);
      if (found) return found;
    }
    return null;
  }

  knows(word: string, kind: string): boolean {
    return this.keysOf(word, kind).some((key) => this.byKey.has(key));
  }
}

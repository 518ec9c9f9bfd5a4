/**
 * Spacing as people type it: compounds without their spaces (다크모드, 회원탈퇴, ㄷㅋㅁㄷ) are
 * read as their words (다크 모드), and a word cut by a stray space (채팅 방) is read whole
 * (채팅방). Only where the index (or the lexicon) knows the parts, or the whole, and the word as
 * typed is unknown: a word the articles use is never split.
 */

/** What the splitter asks about candidate words. */
export interface Vocabulary {
  /** A Hangul word the index or the lexicon knows, as itself, by its stem or as a verb form. */
  knows(word: string): boolean;
  /** A Hangul word the index has as a term (itself or its stem). */
  indexed(word: string): boolean;
  /** Initials that are exactly the 초성 of a title or tag word (ㄷㅋ → 다크). */
  knowsInitials(initials: string): boolean;
  /** A one-syllable word that may start a compound: negation (안와요), nothing else. */
  prefixWord(word: string): boolean;
  /** Two words the lexicon knows as one phrase (회원 탈퇴), though the first alone is unknown. */
  knowsPhrase(first: string, second: string): boolean;
  /** A spoken filler or negation (어떻게, 해요, 안): never part of a joined word. */
  isFunctionWord(word: string): boolean;
}

const MAX_PARTS = 3;
const MIN_PART = 2;
/** Longer runs are pasted text, not a compound someone typed. */
const MAX_COMPOUND = 12;

/**
 * The words of a compound (다크모드 → [다크, 모드], 회원탈퇴하기 → [회원, 탈퇴하기]), or null.
 * Prefers the split with the fewest parts, then the most even one.
 */
export function splitCompound(word: string, vocabulary: Vocabulary, parts = MAX_PARTS): string[] | null {
  if (parts < 2 || word.length < MIN_PART * 2 - 1 || word.length > MAX_COMPOUND) return null;
  let best: string[] | null = null;
  const consider = (candidate: string[]): void => {
    if (!best || candidate.length < best.length || (candidate.length === best.length && spread(candidate) < spread(best))) best = candidate;
  };
  // 안와요, 못봐요: a negation stuck to its verb.
  if (vocabulary.prefixWord(word[0]!) && vocabulary.knows(word.slice(1))) consider([word[0]!, word.slice(1)]);
  for (let at = MIN_PART; at <= word.length - MIN_PART; at++) {
    const head = word.slice(0, at);
    const tail = word.slice(at);
    const knownHead = vocabulary.indexed(head) || vocabulary.knows(head);
    if (!knownHead) {
      if (vocabulary.knows(tail) && vocabulary.knowsPhrase(head, tail)) consider([head, tail]);
      continue;
    }
    if (vocabulary.knows(tail)) consider([head, tail]);
    else {
      const rest = splitCompound(tail, vocabulary, parts - 1);
      if (rest) consider([head, ...rest]);
    }
  }
  return best;
}

function spread(parts: readonly string[]): number {
  return Math.max(...parts.map((p) => p.length)) - Math.min(...parts.map((p) => p.length));
}

/** 초성 of a compound (ㄷㅋㅁㄷ → [ㄷㅋ, ㅁㄷ]), each part the 초성 of a title or tag word. */
export function splitInitials(initials: string, vocabulary: Vocabulary, parts = MAX_PARTS): string[] | null {
  if (parts < 2 || initials.length < MIN_PART * 2 || initials.length > MAX_COMPOUND) return null;
  for (let at = MIN_PART; at <= initials.length - MIN_PART; at++) {
    const head = initials.slice(0, at);
    if (!vocabulary.knowsInitials(head)) continue;
    const tail = initials.slice(at);
    if (vocabulary.knowsInitials(tail)) return [head, tail];
    const rest = splitInitials(tail, vocabulary, parts - 1);
    if (rest) return [head, ...rest];
  }
  return null;
}

/**
 * Two Hangul words typed apart that are one word (채팅 방 → 채팅방, 로그 인 → 로그인): when the
 * whole is indexed and one part is a single syllable or unknown on its own.
 */
export function shouldJoin(first: string, second: string, vocabulary: Vocabulary): boolean {
  if (vocabulary.isFunctionWord(first) || vocabulary.isFunctionWord(second) || !vocabulary.indexed(first + second)) return false;
  return first.length === 1 || second.length === 1 || !vocabulary.indexed(first) || !vocabulary.indexed(second);
}

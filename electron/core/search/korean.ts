/**
 * A light Korean stemmer: strips the particle (조사) and the verb ending (어미) from a word
 * so that 메시지를/메시지는 → 메시지 and 신고하기/신고하려면/신고합니다 → 신고. No dictionary:
 * suffix lists plus length guards chosen so that common nouns survive (추가 is not 추+가,
 * 메시지 is not 메시+지, 신고 is not 신+고). The surface word is always indexed next to the
 * stem, so a wrong cut costs a little precision, never recall.
 */
import { composeSyllable, decomposeSyllable } from '../../../shared/hangul';

/** Particles that may follow a noun of any length. */
const PARTICLES_ANY = [
  '에서부터', '으로부터', '로부터', '에게서', '한테서', '에서는', '에서도', '에서의', '에서만', '에게는', '에게도', '에게만',
  '으로는', '으로도', '으로만', '으로서', '으로써', '이라고', '이라는', '이라도', '이라면', '이라서', '까지는', '까지도',
  '부터는', '부터도', '에는', '에도', '에만', '에의', '에게', '한테', '께서', '에서', '으로', '로는', '로도', '로만', '로서',
  '로써', '라고', '라는', '이나', '이란', '이며', '이랑', '까지', '부터', '마다', '처럼', '보다', '만큼', '밖에', '조차',
  '마저', '이든', '든지', '과는', '와는', '과도', '와도', '과의', '와의', '만은', '만이', '만을', '만의',
  '을', '를', '은', '는', '에',
];

/**
 * One-syllable particles that also end many nouns (추가, 사과, 속도, 차이, 회의, 프로): only
 * stripped when at least two syllables remain.
 */
const PARTICLES_LONG_STEM = ['이', '가', '도', '로', '의', '와', '과', '랑', '나', '만', '께', '야', '란'];

/** Endings of 하다/되다 verbs (신고하려면 → 신고): at least two syllables must remain. */
const LIGHT_VERB_ENDINGS = [
  '하였습니다', '하였으며', '하였는데', '하였다', '하였고', '하였', '하시려면', '하려면', '하려고', '하려는', '하시면', '하시는', '하시기', '하세요', '하십시오', '하기가', '하기를', '하기도',
  '하기는', '하기에', '하면서', '하는데', '하는지', '했어요', '했는데', '했습니다', '했나요', '합니다', '합니까', '하나요',
  '하고요', '하지만', '할까요', '하도록', '되려면', '되는데', '되나요', '되지만', '되어요', '되었어요', '되었습니다', '됐어요',
  '됩니다', '될까요', '되도록', '한가요', '하신가요', '돼요', '돼서', '되었', '하려', '하신', '하실', '하기', '하면', '하는', '해요', '해서', '해도',
  '해야', '했어', '했다', '하다', '하고', '하여', '하지', '한다', '했던', '하던', '할지', '하게', '되면', '되는', '되지', '되어',
  '된다', '되고', '되기', '되게', '됐', '했', '한', '할', '함', '해', '된', '될', '돼', '됨',
];

/** Ending-only forms of other verbs (바꾸려면 → 바꾸): unambiguous, so one syllable may remain. */
const VERB_ENDINGS = [
  '으려면', '으려고', '으면서', '으니까', '으세요', '었어요', '았어요', '였어요', '었나요', '았나요', '었습니다', '았습니다',
  '습니다', '는데요', '을까요', '셨나요', '시려면', '려면', '려고', '면서', '는데', '는지', '나요', '니까', '지만', '지요',
  '어요', '아요', '여요', '세요', '시면', '으면',
  // The copula after a noun (무엇인가요, 표준어입니다).
  '이다',
  '인가요', '인가', '인데', '인지', '이에요', '예요', '입니다', '이죠',
];

/**
 * One-syllable endings that also end many nouns (화면, 바다): two syllables must remain. 다 is
 * the dictionary form (바르다, 예뻐지다 — how verbs are quoted), 면 the condition (바꾸면).
 */
const SHORT_ENDINGS = ['다', '면'];

const byLengthDesc = (a: string, b: string): number => b.length - a.length;
PARTICLES_ANY.sort(byLengthDesc);
LIGHT_VERB_ENDINGS.sort(byLengthDesc);
VERB_ENDINGS.sort(byLengthDesc);

/**
 * Each suffix list by its last syllable, order kept: a word is only tried against the
 * suffixes that can end it (the index builder stems every distinct word it meets).
 */
const byLastSyllable = new Map<readonly string[], ReadonlyMap<number, readonly string[]>>();
for (const list of [PARTICLES_ANY, PARTICLES_LONG_STEM, LIGHT_VERB_ENDINGS, VERB_ENDINGS, SHORT_ENDINGS]) {
  const groups = new Map<number, string[]>();
  for (const suffix of list) {
    const last = suffix.charCodeAt(suffix.length - 1);
    const group = groups.get(last);
    if (group) group.push(suffix);
    else groups.set(last, [suffix]);
  }
  byLastSyllable.set(list, groups);
}

/** Words that are only a particle or an ending (see isBareParticle). */
const BARE_PARTICLES: ReadonlySet<string> = new Set([...PARTICLES_ANY, ...PARTICLES_LONG_STEM, ...LIGHT_VERB_ENDINGS, ...VERB_ENDINGS, '이다', '입니다']);

function stripFirst(word: string, suffixes: readonly string[], minStem: number): string | null {
  // By code, not by character: a Hangul character read as a string is a new string each time.
  const candidates = byLastSyllable.get(suffixes)?.get(word.charCodeAt(word.length - 1)) ?? [];
  for (const suffix of candidates) {
    if (word.length - suffix.length >= minStem && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return null;
}

function stripParticle(word: string): string {
  const any = stripFirst(word, PARTICLES_ANY, 1);
  const long = stripFirst(word, PARTICLES_LONG_STEM, 2);
  // Prefer the longer particle (에서는 over 는), whichever list it came from.
  if (any !== null && (long === null || any.length <= long.length)) return any;
  return long ?? word;
}

/** 바꿉니다 → 바꾸, 합니다 → 하: the ㅂ of -ㅂ니다/-ㅂ니까 sits in the previous syllable. */
function stripFormalEnding(word: string): string | null {
  if (word.length < 3 || !(word.endsWith('니다') || word.endsWith('니까'))) return null;
  const parts = decomposeSyllable(word[word.length - 3]!);
  if (!parts || parts.final !== 17 /* ㅂ */) return null;
  return word.slice(0, -3) + composeSyllable(parts.initial, parts.medial, 0);
}

function stripEnding(word: string): string | null {
  const light = stripFirst(word, LIGHT_VERB_ENDINGS, 2);
  if (light !== null) return light;
  const verb = stripFirst(word, VERB_ENDINGS, 1);
  if (verb !== null) return verb;
  const formal = stripFormalEnding(word);
  if (formal !== null) return formal.length >= 3 && /[하되]$/.test(formal) ? formal.slice(0, -1) : formal;
  return stripFirst(word, SHORT_ENDINGS, 2);
}

/** True when the stemmer recognises a verb ending on the word (신고하려면, 바꿨어요). */
export function hasVerbEnding(word: string): boolean {
  return word.length >= 2 && stripEnding(word) !== null;
}

/** The stem of a word of Hangul syllables (the word itself when nothing is recognised). */
export function koreanStem(word: string): string {
  if (word.length < 2) return word;
  // Endings first: 삭제하는 ends in the particle-like 는 but is 삭제 + 하는.
  const verb = stripEnding(word);
  if (verb !== null) return verb;
  const noun = stripParticle(word);
  if (noun === word) return word;
  return stripEnding(noun) ?? noun;
}

/**
 * True when the whole word is a particle or an ending, as when it follows a Latin word or
 * a number without a space (Mac에서, 3개를 → the 에서 of Mac에서): such a token is dropped.
 */
export function isBareParticle(word: string): boolean {
  return BARE_PARTICLES.has(word);
}

/** Adjacent syllable pairs of a word (톡안녕패스 → 톡안 안녕 녕패 패스), for partial and compound matches. */
export function bigrams(word: string): string[] {
  if (word.length < 2) return [];
  const out: string[] = [];
  for (let i = 0; i < word.length - 1; i++) out.push(word.slice(i, i + 2));
  return out;
}

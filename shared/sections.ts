/**
 * Section ids: the anchor of a heading inside an article, as used in `doum://article/<id>#<section>`
 * and in the renderer's `#/article/<id>?section=<section>` route. Derived from the heading text
 * so a link stays valid while the heading does: NFC, lower case, letters (any script, Hangul
 * included), digits and combining marks, words joined by single hyphens. One rule, used by the
 * renderer (to make the ids) and by every parser of a link (to accept them).
 */

/** Longest section id, in code points (a heading longer than this is cut). */
export const SECTION_ID_MAX = 80;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SECTION_ID = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:-[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*$/u;
/** The id of a heading whose text has no letter or digit at all. */
export const FALLBACK_SECTION_ID = 'section';

/** The section id for a heading's text (not yet made unique within its article). */
export function sectionSlug(text: string): string {
  const words: string[] = [];
  let word = '';
  for (const char of text.normalize('NFC').toLowerCase()) {
    if (WORD_CHAR.test(char) && !(word === '' && /\p{M}/u.test(char))) {
      word += char;
    } else if (word) {
      words.push(word);
      word = '';
    }
  }
  if (word) words.push(word);
  let slug = '';
  for (const next of words) {
    const joined = slug ? `${slug}-${next}` : next;
    if ([...joined].length > SECTION_ID_MAX) {
      if (!slug) slug = [...next].slice(0, SECTION_ID_MAX).join('');
      break;
    }
    slug = joined;
  }
  return slug || FALLBACK_SECTION_ID;
}

/** Section ids for a list of headings, in order, made unique with -2, -3… */
export function sectionIds(headings: readonly string[]): string[] {
  const used = new Set<string>();
  return headings.map((text) => {
    const base = sectionSlug(text);
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/**
 * A section id from a link, or null when it is not one: decoded from percent-encoding when
 * asked, NFC and lower case, at most SECTION_ID_MAX code points, nothing but the characters
 * sectionSlug writes. Anything else (spaces, punctuation, control or format characters,
 * bidi overrides, broken escapes) is refused, never "cleaned".
 */
export function parseSectionId(raw: string, options: { percentEncoded?: boolean } = {}): string | null {
  if (raw.length === 0 || raw.length > SECTION_ID_MAX * 12) return null;
  let text = raw;
  if (options.percentEncoded) {
    try {
      text = decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  const id = text.normalize('NFC').toLowerCase();
  if ([...id].length > SECTION_ID_MAX) return null;
  return SECTION_ID.test(id) ? id : null;
}

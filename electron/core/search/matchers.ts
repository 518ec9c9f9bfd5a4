/**
 * Matchers: for one query word, which part of a token of an article's text it matched (for
 * highlighting titles and snippets, and for the title rerank). Each also names its anchors —
 * lower-case strings that every token it matches contains — so a long body is searched with
 * indexOf for those and only the words around them are tokenised.
 */
import type { Completion } from '../../../shared/hangul';
import type { MatchRange } from '../../../shared/types';
import { englishTerm, foldLatin } from './english';
import type { Token } from './tokenizer';

export interface Matcher {
  /** Strings one of which any matched token contains, or null when any token may match. */
  readonly anchors: readonly string[] | null;
  match(token: Token): MatchRange | null;
}

/** Completions whose last syllable is a range get one anchor per syllable, up to this many. */
const MAX_RANGE_ANCHORS = 64;

export const NO_MATCH: Matcher = { anchors: [], match: () => null };

function union(...lists: Array<readonly string[] | null>): string[] | null {
  const out = new Set<string>();
  for (const list of lists) {
    if (list === null) return null;
    for (const item of list) out.add(item);
  }
  return [...out];
}

/** The word being typed: tokens that complete it; the typed part is marked. */
export function prefixMatcher(completions: readonly Completion[], typedLength: number): Matcher {
  const anchors: string[] = [];
  let anchored = true;
  for (const c of completions) {
    if (c.prefix.length > 0) anchors.push(c.prefix);
    else if (c.next && c.next[1] - c.next[0] < MAX_RANGE_ANCHORS) for (let code = c.next[0]; code <= c.next[1]; code++) anchors.push(String.fromCharCode(code));
    else anchored = false;
  }
  return {
    anchors: anchored ? anchors : null,
    match(token) {
      for (const c of completions) {
        if (!token.text.startsWith(c.prefix)) continue;
        if (c.next) {
          const code = token.text.charCodeAt(c.prefix.length);
          if (!(code >= c.next[0] && code <= c.next[1])) continue;
        }
        return [token.start, token.start + Math.min(token.text.length, typedLength)];
      }
      return null;
    },
  };
}

/**
 * A Korean word by its stem and surface forms: the form at the start of a token (the 메시지
 * of 메시지를) or inside a compound (the 안녕패스 of 톡안녕패스).
 */
export function hangulMatcher(forms: readonly string[], partial: Matcher | null = null): Matcher {
  const usable = [...new Set(forms.filter((f) => f.length > 0))];
  return {
    anchors: union(usable, partial ? partial.anchors : []),
    match(token) {
      if (token.kind !== 'hangul' && token.kind !== 'jamo') return null;
      for (const form of usable) {
        if (token.text.startsWith(form)) return [token.start, token.start + form.length];
        if (form.length >= 2) {
          const at = token.text.indexOf(form);
          if (at > 0) return [token.start + at, token.start + at + form.length];
        }
      }
      return partial ? partial.match(token) : null;
    },
  };
}

/** A Latin word by its stem (reports, reporting), or by a typed prefix (repo…). */
export function latinMatcher(stems: ReadonlySet<string>, prefix: string | null): Matcher {
  // Porter stems keep a word's first letters: a cheap test before stemming a token.
  const starts = new Set([...stems].map((stem) => stem.slice(0, 2)));
  if (prefix) starts.add(prefix.slice(0, 2));
  return {
    anchors: [...starts],
    match(token) {
      if (token.kind !== 'latin' || !starts.has(token.text.slice(0, 2))) return null;
      const folded = foldLatin(token.text);
      const stem = englishTerm(folded);
      if (stem !== null && stems.has(stem)) return [token.start, token.end];
      if (prefix && folded.startsWith(prefix)) return [token.start, folded.length === token.text.length ? token.start + prefix.length : token.end];
      return null;
    },
  };
}

export function exactMatcher(text: string): Matcher {
  return { anchors: [text], match: (token) => (token.text === text ? [token.start, token.end] : null) };
}

/** The first of two matchers that matches. */
export function eitherMatcher(first: Matcher, second: Matcher): Matcher {
  return { anchors: union(first.anchors, second.anchors), match: (token) => first.match(token) ?? second.match(token) };
}

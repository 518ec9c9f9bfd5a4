/**
 * Snippets: a short window of an article's body around the densest cluster of query words,
 * with the match ranges relative to the snippet text.
 */
import type { MatchRange, Snippet } from '../../../shared/types';
import { displayText, findHighlights, mergeRanges } from './highlight';
import { normalizeText } from './normalize';
import type { Matcher } from './query-plan';

export const SNIPPET_LENGTH = 160;
/** Text shown before the first match of the window, so it does not start cold. */
const LEAD = 30;
const ELLIPSIS = '…';

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Moves a cut point off the middle of a surrogate pair. */
function safeCut(text: string, at: number): number {
  return at > 0 && at < text.length && isLowSurrogate(text, at) ? at - 1 : at;
}

/**
 * Only the start of a body is prepared and scanned for matches at first (articles say what
 * they are about early); the whole body only when nothing matched there. Keeps a long
 * article's snippet cheap.
 */
const HEAD_CHARS = 1500;
/** Recently shown bodies, prepared: as-you-type queries show the same articles again and again. */
const PREPARED_LIMIT = 256;

interface Prepared {
  /** Display text, whitespace collapsed. */
  flat: string;
  /** normalizeText(flat): same length, what the tokenizer reads. */
  analysed: string;
  /** True when `flat` is only the start of the body. */
  truncated: boolean;
}

const prepared = new Map<string, Prepared>();

function prepareText(text: string, truncated: boolean): Prepared {
  const flat = displayText(text).replace(/\s+/g, ' ').trim();
  return { flat, analysed: normalizeText(flat), truncated };
}

function prepareHead(body: string): Prepared {
  const key = body;
  let entry = prepared.get(key);
  if (entry) {
    prepared.delete(key);
  } else {
    let cut = body.length <= HEAD_CHARS ? body.length : body.indexOf(' ', HEAD_CHARS);
    if (cut < 0 || cut > HEAD_CHARS + 100) cut = Math.min(body.length, HEAD_CHARS);
    // Never cut a surrogate pair.
    if (cut < body.length && cut > 0 && body.charCodeAt(cut - 1) >= 0xd800 && body.charCodeAt(cut - 1) <= 0xdbff) cut--;
    entry = prepareText(body.slice(0, cut), cut < body.length);
    if (prepared.size >= PREPARED_LIMIT) prepared.delete(prepared.keys().next().value!);
  }
  prepared.set(key, entry);
  return entry;
}

export function makeSnippet(body: string, matchers: readonly Matcher[], length = SNIPPET_LENGTH): Snippet {
  let text = prepareHead(body);
  let highlights = findHighlights(text.flat, matchers, text.analysed);
  if (highlights.length === 0 && text.truncated) {
    const whole = prepareText(body, false);
    const rest = findHighlights(whole.flat, matchers, whole.analysed);
    if (rest.length > 0) {
      text = whole;
      highlights = rest;
    }
  }
  const { flat } = text;
  // The window that shows the most different query words, then the most matches.
  let bestStart = 0;
  let bestWords = 0;
  let bestCount = 0;
  for (let i = 0; i < highlights.length; i++) {
    const from = highlights[i]!.range[0];
    const words = new Set<number>();
    let count = 0;
    for (let j = i; j < highlights.length && highlights[j]!.range[1] <= from + length - LEAD; j++) {
      words.add(highlights[j]!.matcher);
      count++;
    }
    if (words.size > bestWords || (words.size === bestWords && count > bestCount)) {
      bestStart = from;
      bestWords = words.size;
      bestCount = count;
    }
  }
  let start = 0;
  if (bestStart > LEAD) {
    start = bestStart - LEAD;
    // Start at a sentence or a word when one is near.
    const sentence = Math.max(flat.lastIndexOf('. ', bestStart), flat.lastIndexOf('다. ', bestStart));
    const space = flat.lastIndexOf(' ', start);
    if (sentence >= bestStart - LEAD * 2 && sentence >= 0) start = sentence + 2;
    else if (space > bestStart - LEAD * 2) start = space + 1;
  }
  if (!text.truncated && flat.length - start < length) start = Math.max(0, flat.length - length);
  start = safeCut(flat, start);
  const end = safeCut(flat, Math.min(flat.length, start + length));
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < flat.length || text.truncated ? ELLIPSIS : '';
  const ranges: MatchRange[] = mergeRanges(
    highlights
      .map((h) => h.range)
      .filter(([s, e]) => s >= start && e <= end)
      .map(([s, e]): MatchRange => [s - start + prefix.length, e - start + prefix.length]),
  );
  return { text: prefix + flat.slice(start, end).trimEnd() + suffix, ranges: ranges.filter(([, e]) => e <= prefix.length + flat.slice(start, end).trimEnd().length) };
}

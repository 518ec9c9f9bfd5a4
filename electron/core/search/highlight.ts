/**
 * Match ranges for display: which parts of a title or snippet the query matched, as
 * half-open UTF-16 offsets into exactly the string returned (the renderer wraps them in
 * <mark>; no HTML is ever built here). Text is tokenised the way the index was, and each
 * query word's matcher decides what part of a token to mark (the 메시지 of 메시지를, the
 * 안녕패스 of 톡안녕패스, the 신고 of 신고하기 for ㅅㄱ).
 */
import type { MatchRange } from '../../../shared/types';
import { normalizeText, toNfc } from './normalize';
import type { Matcher } from './query-plan';
import { tokenize } from './tokenizer';

const HAS_SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The form of an article's text we return: well-formed and NFC. normalizeText() of it has the
 * same length, so offsets found while analysing are offsets into this string.
 */
export function displayText(text: string): string {
  return toNfc(HAS_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\uFFFD') : text);
}

export interface Highlight {
  range: MatchRange;
  /** Which matcher (query word) produced it. */
  matcher: number;
}

/**
 * Every match in `display` (a displayText() string), in order, one per token, the first
 * matcher that matches winning. `analysed` may pass normalizeText(display) when the caller has
 * it; `from`/`to` limit the scan.
 *
 * When every matcher has anchors, only the space-separated chunks containing an anchor are
 * tokenised (same tokens, same result as a full scan, a fraction of the work on long text).
 */
export function findHighlights(display: string, matchers: readonly Matcher[], analysed = normalizeText(display), from = 0, to = display.length): Highlight[] {
  if (matchers.length === 0 || from >= to) return [];
  const anchors = matchers.every((m) => m.anchors !== null) ? matchers.flatMap((m) => m.anchors!) : null;
  const lower = anchors ? lowerCased(analysed) : null;
  const found: Highlight[] = [];
  const scan = (start: number, end: number): void => {
    for (const token of tokenize(analysed.slice(start, end))) {
      token.start += start;
      token.end += start;
      for (let m = 0; m < matchers.length; m++) {
        const range = matchers[m]!.match(token);
        if (range && range[1] > range[0]) {
          // Han/kana bigram tokens overlap (初心 心者): overlapping marks become one.
          const last = found[found.length - 1];
          if (last && range[0] < last.range[1]) last.range = [last.range[0], Math.max(last.range[1], range[1])];
          else found.push({ range, matcher: m });
          break;
        }
      }
    }
  };
  if (!anchors || !lower) {
    scan(from, to);
    return found;
  }
  // Chunks (runs between spaces) that contain an anchor, each once, in order.
  const chunks = new Map<number, number>();
  for (const anchor of anchors) {
    if (anchor.length === 0) continue;
    for (let at = lower.indexOf(anchor, from); at >= 0 && at < to; at = lower.indexOf(anchor, at + anchor.length)) {
      let start = at;
      while (start > from && !isSpace(analysed.charCodeAt(start - 1))) start--;
      if (chunks.has(start)) continue;
      let end = at + anchor.length;
      while (end < to && !isSpace(analysed.charCodeAt(end))) end++;
      chunks.set(start, end);
    }
  }
  for (const start of [...chunks.keys()].sort((a, b) => a - b)) scan(start, chunks.get(start)!);
  return found;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/** Lower case with the same length (else null: anchors would not line up). */
function lowerCased(text: string): string | null {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : null;
}

/** Sorted, merged ranges. */
export function mergeRanges(ranges: readonly MatchRange[]): MatchRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: MatchRange[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function highlightRanges(display: string, matchers: readonly Matcher[]): MatchRange[] {
  return mergeRanges(findHighlights(display, matchers).map((h) => h.range));
}

/**
 * Finding text in a rendered article, for find-in-article and for the jump to a search match.
 * The visible text of an element is read once into a flat, normalised string — each grapheme
 * in NFC and lower case, runs of white space as one space, a line break between blocks — that
 * remembers where every character came from, so a match in it becomes a DOM Range (across
 * <strong>, links and the like) without touching the DOM. Highlights use the CSS Custom
 * Highlight API, which paints ranges without adding elements to the sanitized article.
 */
import type { Snippet } from '../../../shared/types';

/** One character of the flat text: the slice of a text node it came from (null: a block break). */
interface Origin {
  node: Text;
  start: number;
  end: number;
}

export interface TextMap {
  text: string;
  origins: Array<Origin | null>;
}

const BLOCKS = 'p, li, dt, dd, td, th, caption, figcaption, pre, blockquote, h1, h2, h3, h4, h5, h6, div, figure, table, ul, ol';
/** Text people do not see on screen (link hints for screen readers) is not searched. */
const SKIPPED = '[data-hint], [hidden], [aria-hidden="true"], script, style';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The form both sides are compared in: NFC, lower case. */
const fold = (grapheme: string): string => grapheme.normalize('NFC').toLowerCase();

/** A query in the flat text's form: graphemes folded, white space collapsed and trimmed. */
export function normalizeForFind(text: string): string {
  let out = '';
  for (const { segment } of graphemes.segment(text)) {
    if (/^\s+$/u.test(segment)) {
      if (out && !out.endsWith(' ')) out += ' ';
    } else {
      out += fold(segment);
    }
  }
  return out.trimEnd();
}

export function readText(root: Element): TextMap {
  let text = '';
  const origins: Array<Origin | null> = [];
  let block: Element | null = null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      const skipped = node.parentElement?.closest(SKIPPED);
      return skipped && root.contains(skipped) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    },
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const nodeBlock = node.parentElement?.closest(BLOCKS) ?? root;
    if (block !== null && nodeBlock !== block && text !== '' && !text.endsWith('\n')) {
      if (text.endsWith(' ')) {
        text = text.slice(0, -1);
        origins.pop();
      }
      text += '\n';
      origins.push(null);
    }
    block = nodeBlock;
    let at = 0;
    for (const { segment } of graphemes.segment(node.data)) {
      const origin: Origin = { node, start: at, end: at + segment.length };
      at += segment.length;
      if (/^\s+$/u.test(segment)) {
        if (text === '' || text.endsWith(' ') || text.endsWith('\n')) continue;
        text += ' ';
        origins.push(origin);
        continue;
      }
      const folded = fold(segment);
      text += folded;
      for (let i = 0; i < folded.length; i++) origins.push(origin);
    }
  }
  return { text, origins };
}

/** Every non-overlapping occurrence of the query, in document order, as [start, end) in map.text. */
export function findOffsets(map: TextMap, query: string): Array<[number, number]> {
  const needle = normalizeForFind(query);
  if (!needle) return [];
  const found: Array<[number, number]> = [];
  for (let at = map.text.indexOf(needle); at >= 0; at = map.text.indexOf(needle, at + needle.length)) {
    found.push([at, at + needle.length]);
  }
  return found;
}

/** The DOM range of [start, end) in the flat text. */
export function rangeOf(map: TextMap, [start, end]: [number, number]): Range | null {
  const first = map.origins[start];
  const last = map.origins[end - 1];
  if (!first || !last) return null;
  const range = document.createRange();
  range.setStart(first.node, first.start);
  range.setEnd(last.node, last.end);
  return range;
}

export function findRanges(map: TextMap, query: string): Range[] {
  return findOffsets(map, query)
    .map((offsets) => rangeOf(map, offsets))
    .filter((range): range is Range => range !== null);
}

/** The block (paragraph, list item, heading…) a range starts in. */
export function blockOf(range: Range, root: Element): Element {
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const block = start?.closest(BLOCKS);
  return block && root.contains(block) ? block : root;
}

/** The distinct words a search highlighted in a snippet: text as it stands in the article. */
export function matchedWords(snippet: Snippet): string[] {
  const words = snippet.ranges.map(([start, end]) => snippet.text.slice(start, end).trim()).filter((word) => word !== '');
  return [...new Set(words)];
}

/**
 * The passage to jump to for a search: the first block holding the most of the matched words,
 * with the ranges of those words in it. Null when no word occurs.
 */
export function firstPassage(root: Element, words: readonly string[]): { block: Element; ranges: Range[] } | null {
  const map = readText(root);
  const byBlock = new Map<Element, { words: Set<number>; ranges: Range[]; order: number }>();
  words.forEach((word, index) => {
    for (const offsets of findOffsets(map, word)) {
      const range = rangeOf(map, offsets);
      if (!range) continue;
      const block = blockOf(range, root);
      const entry = byBlock.get(block) ?? { words: new Set<number>(), ranges: [], order: offsets[0] };
      entry.words.add(index);
      entry.ranges.push(range);
      entry.order = Math.min(entry.order, offsets[0]);
      byBlock.set(block, entry);
    }
  });
  let best: { block: Element; words: Set<number>; ranges: Range[]; order: number } | null = null;
  for (const [block, entry] of byBlock) {
    if (!best || entry.words.size > best.words.size || (entry.words.size === best.words.size && entry.order < best.order)) best = { block, ...entry };
  }
  return best ? { block: best.block, ranges: best.ranges } : null;
}

/** Paints ranges under a highlight name (styled with ::highlight(name)); no ranges clears it. */
export function paintHighlight(name: string, ranges: readonly Range[]): void {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return;
  if (ranges.length === 0) CSS.highlights.delete(name);
  else CSS.highlights.set(name, new Highlight(...ranges));
}

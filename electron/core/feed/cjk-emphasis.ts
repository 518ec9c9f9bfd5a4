/**
 * Bold text that CommonMark leaves as literal `**` in Korean. Its flanking rules were made
 * for languages with spaces between words: `**삭제…**를` does not close (punctuation before
 * the closing `**`, a particle right after it) and `위 **⋮**를` does not close either. Korean
 * help text writes UI labels this way all the time, so such pairs are turned into <strong>
 * before the Markdown is parsed. Pairs CommonMark handles are left alone, and code spans and
 * fenced code blocks are never touched.
 */

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;
const STRONG_PAIR = /\*\*(?![\s*])([^*\n]*?[^\s*])\*\*/g;
const CODE_SPAN = /(`+)[^`]*?\1/g;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

const isSpace = (char: string | undefined): boolean => char === undefined || WHITESPACE.test(char);
const isPunctuation = (char: string | undefined): boolean => char !== undefined && PUNCTUATION.test(char);

/** CommonMark's left-flanking rule for an opening run between `before` and `after`. */
function canOpen(before: string | undefined, after: string): boolean {
  if (isSpace(after)) return false;
  return !isPunctuation(after) || isSpace(before) || isPunctuation(before);
}

/** CommonMark's right-flanking rule for a closing run between `before` and `after`. */
function canClose(before: string, after: string | undefined): boolean {
  if (isSpace(before)) return false;
  return !isPunctuation(before) || isSpace(after) || isPunctuation(after);
}

/** The whole character (code point) ending just before `index`, emoji included. */
function charBefore(text: string, index: number): string | undefined {
  return index > 0 ? Array.from(text.slice(Math.max(0, index - 2), index)).at(-1) : undefined;
}

/** The whole character (code point) starting at `index`. */
function charAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

function fixSegment(text: string): string {
  return text.replace(STRONG_PAIR, (whole: string, inner: string, offset: number) => {
    const opens = canOpen(charBefore(text, offset), charAt(inner, 0)!);
    const closes = canClose(charBefore(inner, inner.length)!, charAt(text, offset + whole.length));
    return opens && closes ? whole : `<strong>${inner}</strong>`;
  });
}

function fixLine(line: string): string {
  let out = '';
  let at = 0;
  for (const match of line.matchAll(CODE_SPAN)) {
    out += fixSegment(line.slice(at, match.index)) + match[0];
    at = match.index + match[0].length;
  }
  return out + fixSegment(line.slice(at));
}

export function strongForCjk(markdown: string): string {
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = FENCE.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return line;
      }
      if (marker) {
        fence = marker;
        return line;
      }
      return fixLine(line);
    })
    .join('\n');
}

/** Text with match ranges wrapped in <mark>; ranges come from the search engine as data. */
import type { MatchRange } from '../../../shared/types';

export function Highlight({ text, ranges }: { text: string; ranges: readonly MatchRange[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length || start >= end) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

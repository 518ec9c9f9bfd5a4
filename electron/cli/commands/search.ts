/** `doum search`: one query from the arguments, or one per line from stdin (--stdin). */
import { createInterface } from 'node:readline';
import { isPlatform, PLATFORM_LABELS, PLATFORMS, type Platform } from '../../../shared/platform';
import type { SearchQuery, SearchResult, Snippet } from '../../../shared/types';
import type { HelpCenter } from '../../core/help-center';
import type { CliOptions } from '../usage';
import { openForCli } from '../context';
import { searchContextCommand } from './contexts';
import { jsonText, printJson, printText, UsageError } from '../usage';

function platformOption(value: string | undefined, flag: string): Platform | undefined {
  if (value === undefined) return undefined;
  if (!isPlatform(value)) throw new UsageError(`${flag} must be one of ${PLATFORMS.join(', ')}`);
  return value;
}

function queryOptions(values: CliOptions): Omit<SearchQuery, 'text'> {
  const sort = values.sort;
  if (sort !== undefined && sort !== 'relevance' && sort !== 'recent') throw new UsageError('--sort must be relevance or recent');
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new UsageError('--limit must be a whole number from 1 to 200');
  }
  return {
    platform: platformOption(values.platform, '--platform'),
    onlyPlatform: platformOption(values['only-platform'], '--only-platform'),
    category: values.category,
    service: values.service,
    locale: values.locale,
    sort,
    limit,
  };
}

function highlight(snippet: Snippet, color: boolean): string {
  if (!color) return snippet.text;
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.ranges) {
    out += `${snippet.text.slice(at, start)}\u001b[1;33m${snippet.text.slice(start, end)}\u001b[0m`;
    at = end;
  }
  return out + snippet.text.slice(at);
}

function facetLine(label: string, counts: Record<string, number>, name: (key: string) => string = (key) => key): string | null {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return entries.length > 1 ? `  ${label}: ${entries.map(([key, n]) => `${name(key)} ${n}`).join(' · ')}` : null;
}

function printHuman(result: SearchResult): void {
  const color = process.stdout.isTTY === true;
  const lines = [`"${result.query}" 총 ${result.total}건 (${result.tookMs} ms, ${PLATFORM_LABELS[result.platform].ko} 우선)`];
  if (result.didYouMean) lines.push(`"${result.didYouMean}"(으)로 검색한 결과입니다.`);
  if (result.partial) lines.push('검색어에 정확히 맞는 답을 찾지 못했습니다. 가장 가까운 결과입니다.');
  for (const line of [
    facetLine('분류', result.facets.category),
    facetLine('플랫폼', result.facets.platform as Record<string, number>, (key) => (isPlatform(key) ? PLATFORM_LABELS[key].ko : key)),
  ]) {
    if (line) lines.push(line);
  }
  for (const hit of result.results) {
    const others = hit.variants.slice(1).map((v) => PLATFORM_LABELS[v.platform].ko);
    lines.push('');
    lines.push(`[${hit.service}][${hit.category}][${PLATFORM_LABELS[hit.platform].ko}] ${hit.title}  (${hit.id})`);
    lines.push(`  ${highlight(hit.snippet, color)}`);
    if (others.length) lines.push(`  다른 플랫폼: ${others.join(', ')}`);
  }
  printText(`${lines.join('\n')}\n`);
}

/**
 * One result line per input line, blank lines included (an empty query finds nothing), so
 * output line n always answers input line n. tookMs is the time for that query alone: the
 * index is loaded once, before the first line.
 */
async function searchStdin(center: HelpCenter, options: Omit<SearchQuery, 'text'>): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const started = performance.now();
    const result = await center.service.search({ ...options, text: line });
    const tookMs = Math.round((performance.now() - started) * 100) / 100;
    process.stdout.write(`${jsonText({ ...result, tookMs })}\n`);
  }
}

export async function searchCommand(rest: string[], values: CliOptions): Promise<number> {
  const options = queryOptions(values);
  if (values.context !== undefined) return searchContextCommand(values.context, rest, values, options);
  if (values.stdin) {
    if (rest.length > 0) throw new UsageError('search --stdin reads queries from standard input; give no query arguments');
    if (!values.json) throw new UsageError('search --stdin prints JSON Lines; add --json');
  } else if (rest.length === 0) throw new UsageError('search needs a query');
  const center = await openForCli({ db: values.db });
  try {
    if (values.stdin) {
      await searchStdin(center, options);
      return 0;
    }
    const result = await center.service.search({ ...options, text: rest.join(' ') });
    if (values.json) printJson(result);
    else printHuman(result);
    return 0;
  } finally {
    center.close();
  }
}

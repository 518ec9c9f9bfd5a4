/**
 * Context help on the command line: `doum search --context <id>` (what an app's Help button
 * opens, the same resolution as `doum://context/<id>`) and `doum contexts` (every context a
 * help center defines, for integrators wiring their screens to it).
 */
import { checkContextId, contextLabel } from '../../../shared/contexts';
import { PLATFORM_LABELS } from '../../../shared/platform';
import type { ContextResolution, SearchQuery, SearchResult } from '../../../shared/types';
import { ValidationError } from '../../../shared/validate';
import type { HelpCenter } from '../../core/help-center';
import type { CliOptions } from '../usage';
import { openForCli } from '../context';
import { noMorePositionals, printJson, UsageError } from '../usage';

function contextOption(value: string): string {
  try {
    return checkContextId(value, '--context');
  } catch (error) {
    if (error instanceof ValidationError) throw new UsageError(error.message);
    throw error;
  }
}

/** The resolution, plus the search it fell back to when the context is unknown. */
export type ContextAnswer = ContextResolution & { search?: SearchResult };

function printContextHuman(answer: ContextAnswer): void {
  const lines: string[] = [];
  if (answer.kind === 'search') {
    lines.push(`"${answer.context}" 화면의 도움말이 없어 "${answer.query}"(으)로 검색했습니다. (no article is tagged with this context; searched its words instead)`);
    for (const hit of answer.search?.results ?? []) lines.push(`  [${PLATFORM_LABELS[hit.platform].ko}] ${hit.title}  (${hit.id})`);
    if (answer.search?.results.length === 0) lines.push('  검색 결과가 없습니다.');
  } else {
    const broader = answer.matched !== answer.context ? ` (상위 화면 ${answer.matched})` : '';
    lines.push(`이 화면의 도움말: ${contextLabel(answer.matched!)}${broader}`);
    for (const article of answer.articles) {
      lines.push(`  [${PLATFORM_LABELS[article.platform].ko}] ${article.title}  (${article.id}; ${article.context})`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `search --context <id> [words…]`: the words, if any, are the app's extra words (`q`). */
export async function searchContextCommand(rawContext: string, rest: string[], values: CliOptions, query: Omit<SearchQuery, 'text'>): Promise<number> {
  if (values.stdin) throw new UsageError('search --context takes one context, not --stdin');
  const context = contextOption(rawContext);
  const center = await openForCli({ db: values.db });
  try {
    const answer = await answerContext(center, context, { ...query, text: rest.join(' ') });
    if (values.json) printJson(answer);
    else printContextHuman(answer);
    return 0;
  } finally {
    center.close();
  }
}

async function answerContext(center: HelpCenter, context: string, query: SearchQuery): Promise<ContextAnswer> {
  const resolution = await center.service.resolveContext(context, { platform: query.platform, locale: query.locale, query: query.text || undefined });
  if (resolution.kind !== 'search') return resolution;
  return { ...resolution, search: await center.service.search({ ...query, text: resolution.query }) };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `doum contexts [--json]`: each context id with its article (and topic) count. */
export async function contextsCommand(rest: string[], values: CliOptions): Promise<number> {
  noMorePositionals(rest, 'contexts');
  const center = await openForCli({ db: values.db });
  try {
    const contexts = await center.service.listContexts();
    if (values.json) printJson({ contexts });
    else if (contexts.length === 0) process.stdout.write('this help center tags no article with a context\n');
    else {
      const width = Math.max(...contexts.map((c) => c.id.length));
      process.stdout.write(`${contexts.map((c) => `${c.id.padEnd(width)}  ${plural(c.articles, 'article')}, ${plural(c.topics, 'topic')}`).join('\n')}\n`);
    }
    return 0;
  } finally {
    center.close();
  }
}

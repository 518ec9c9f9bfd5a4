/**
 * `doum report <what>`: what this computer has gathered for the content team. Each report is
 * one subcommand:
 *
 *   report feedback   the "도움이 되었나요?" answers with their articles
 *   report searches   searches that found nothing or only partly, with how often and when
 *                     last (kept only where the person turned on the search log in Settings)
 */
import type { FeedbackReport } from '../../../shared/feedback';
import type { SearchLogEntry } from '../../../shared/types';
import type { CliOptions } from '../usage';
import { openForCli } from '../context';
import { noMorePositionals, printJson, UsageError } from '../usage';

const REASON_WORDS: Record<string, string> = {
  'not-what-i-needed': 'not what they needed',
  'hard-to-follow': 'hard to follow',
  'screen-differs': 'their screen looks different',
  'did-not-work': 'the steps did not work',
  other: 'something else',
};

function feedbackText(report: FeedbackReport): string {
  if (report.entries.length === 0) return 'No feedback on this computer yet.\n';
  const lines = [`${report.entries.length} answers: ${report.helpful} helpful, ${report.notHelpful} not helpful`, ''];
  for (const entry of report.entries) {
    const what = entry.title ? `${entry.title} (${entry.articleId}, ${entry.locale}, ${entry.platform})` : `${entry.articleId} (no longer in the help center)`;
    lines.push(`${entry.at.slice(0, 10)}  ${entry.helpful ? 'helpful    ' : 'not helpful'}  ${what}`);
    if (entry.reason) lines.push(`             missing: ${REASON_WORDS[entry.reason] ?? entry.reason}`);
    if (entry.note) lines.push(`             note: ${entry.note.replace(/\s+/g, ' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

async function feedbackReport(rest: string[], values: CliOptions): Promise<number> {
  noMorePositionals(rest, 'report feedback');
  const center = await openForCli({ db: values.db });
  try {
    const report = await center.service.exportFeedback();
    if (values.json) printJson(report);
    else process.stdout.write(feedbackText(report));
    return 0;
  } finally {
    center.close();
  }
}

const OUTCOME_LABEL: Record<SearchLogEntry['outcome'], string> = { none: '결과 없음', partial: '일부만' };

async function reportSearches(rest: string[], values: CliOptions): Promise<number> {
  noMorePositionals(rest, 'report searches');
  const center = await openForCli({ db: values.db });
  try {
    const entries = await center.service.listSearchLog();
    const recording = (await center.service.getSettings()).recordSearches;
    if (values.json) {
      printJson({ recording, searches: entries });
      return 0;
    }
    const lines = [
      recording
        ? `검색 기록: 결과가 없거나 일부만 찾은 검색 ${entries.length}개 (이 컴퓨터에만 저장)`
        : `검색 기록이 꺼져 있습니다 (설정 › 검색 기록에서 켤 수 있습니다). 저장된 검색 ${entries.length}개`,
    ];
    for (const e of entries) lines.push(`${String(e.count).padStart(5)}  ${e.lastAt.slice(0, 10)}  ${OUTCOME_LABEL[e.outcome].padEnd(6)}  ${e.query}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    center.close();
  }
}

const REPORTS: Record<string, (rest: string[], values: CliOptions) => Promise<number>> = {
  feedback: feedbackReport,
  searches: reportSearches,
};

export async function reportCommand(rest: string[], values: CliOptions): Promise<number> {
  const [what, ...more] = rest;
  const run = what ? REPORTS[what] : undefined;
  if (!run) throw new UsageError(what ? `unknown report "${what}" (reports: ${Object.keys(REPORTS).join(', ')})` : `report needs what to report: ${Object.keys(REPORTS).join(', ')}`);
  return run(more, values);
}

/**
 * `doum report <what>`: reports for the content team from this computer's data.
 *
 *   report searches   searches that found nothing or only partly, with how often and when
 *                     last (kept only where the person turned on the search log in Settings)
 */
import type { SearchLogEntry } from '../../../shared/types';
import type { CliOptions } from '../index';
import { openForCli } from '../context';
import { noMorePositionals, printJson, UsageError } from '../usage';

const REPORTS = ['searches'] as const;

export async function reportCommand(rest: string[], values: CliOptions): Promise<number> {
  const [what, ...extra] = rest;
  switch (what) {
    case 'searches':
      noMorePositionals(extra, 'report searches');
      return reportSearches(values);
    default:
      throw new UsageError(what ? `unknown report "${what}"; known: ${REPORTS.join(', ')}` : `report needs what to report: ${REPORTS.join(', ')}`);
  }
}

const OUTCOME_LABEL: Record<SearchLogEntry['outcome'], string> = { none: '결과 없음', partial: '일부만' };

async function reportSearches(values: CliOptions): Promise<number> {
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

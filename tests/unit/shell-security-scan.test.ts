/**
 * The electronegativity step of `npm test`: the scanner's result is checked for shape before
 * it is read (a result it does not understand is "report unreadable", never findings), and
 * only findings accepted with a reason pass — an accepted finding that disappeared is flagged.
 * The fixture is a real result, recorded with `npx tsx tests/support/electronegativity.ts
 * --record tests/unit/fixtures/electronegativity-report.json`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, ReportUnreadableError, review, type AcceptedList } from '../support/electronegativity';

const RECORDED = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'electronegativity-report.json'), 'utf8')) as { issues: Record<string, unknown>[]; errors: unknown[] };
const ACCEPTED = JSON.parse(readFileSync(join(__dirname, '..', 'support', 'electronegativity-accepted.json'), 'utf8')) as AcceptedList;

function withIssue(change: (issue: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(RECORDED);
  change(copy.issues[0]!);
  return copy;
}

describe('the electronegativity report', () => {
  it('reads a recorded result field by field', () => {
    const findings = parseReport(RECORDED);
    expect(findings).toHaveLength(RECORDED.issues.length);
    const csp = findings.find((f) => f.check === 'CSP_GLOBAL_CHECK');
    expect(csp).toMatchObject({ file: 'renderer/index.html', severity: 'LOW', confidence: 'FIRM' });
    expect(csp?.sample).toContain("script-src 'self'");
    const external = findings.find((f) => f.check === 'OPEN_EXTERNAL_JS_CHECK' && f.file === 'electron/main/index.ts');
    expect(external?.location).toMatch(/^\d+:\d+$/);
    expect(external?.sample).toContain('shell.openExternal(url)');
  });

  it.each([
    ['not an object', 'report'],
    ['issues missing', { errors: [] }],
    ['errors missing', { issues: [] }],
    ['an issue without id', withIssue((issue) => delete issue['id'])],
    ['an id that is a fragment of a CSP', withIssue((issue) => (issue['id'] = "lf'; script-src 'self'"))],
    ['a severity without name', withIssue((issue) => (issue['severity'] = 'LOW'))],
    ['a location that is text', withIssue((issue) => (issue['location'] = '5:0'))],
  ])('is unreadable, not a finding, with %s', (_case, report) => {
    expect(() => parseReport(report)).toThrow(ReportUnreadableError);
    expect(() => parseReport(report)).toThrow(/^electronegativity report unreadable: /);
  });

  it('fails when the scanner could not parse a file (that file was never checked)', () => {
    const report = { ...RECORDED, errors: [{ file: 'electron/main/window.ts', message: 'Unexpected token', tolerable: false }] };
    expect(() => parseReport(report)).toThrow(/could not parse electron\/main\/window\.ts: Unexpected token/);
  });

  it('passes only accepted findings, and flags accepted ones that are gone', () => {
    const list: AcceptedList = {
      excludedChecks: {},
      accepted: [
        { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/index.ts', sample: 'shell.openExternal(url)', reason: 'checked' },
        { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/core/**', reason: 'the check itself' },
        { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'renderer/**', reason: 'via the HelpApi' },
        { check: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts', reason: 'reviewed' },
        { check: 'PROTOCOL_HANDLER_JS_CHECK', file: 'electron/main/deep-links.ts', reason: 'reviewed' },
        { check: 'ELECTRON_VERSION_JSON_CHECK', file: 'package.json', reason: 'informational' },
        { check: 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', file: 'N/A', reason: 'gone now' },
      ],
    };
    const { unaccepted, stale } = review(parseReport(RECORDED), list);
    expect(unaccepted.map((f) => f.check)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(stale.map((a) => a.check)).toEqual(['PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']);
  });

  it('gives every accepted finding and excluded check a reason', () => {
    for (const reason of [...ACCEPTED.accepted.map((a) => a.reason), ...Object.values(ACCEPTED.excludedChecks)]) expect(reason.length).toBeGreaterThan(40);
  });
});

/**
 * The electronegativity step of `npm test`: its report is read correctly, and only findings
 * accepted with a reason pass — an accepted finding that disappeared is flagged as well.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, review, type AcceptedList } from '../support/electronegativity';

const CSV = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","electron/main/index.ts","54:27","openExternal: (url) => shell.openExternal(url),","Review the use of openExternal",https://github.com/doyensec/electronegativity/wiki/OPEN_EXTERNAL_JS_CHECK',
  'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0","default-src \'self\'; script-src \'self\'","One or more ""CSP"" directives, it says",https://example.com',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","renderer/src/components/Article.tsx","3:4","api.openExternal(href)","Review the use of openExternal",https://example.com',
  '',
].join('\r\n');

describe('the electronegativity report', () => {
  it('is read field by field, quotes and commas included', () => {
    const findings = parseReport(CSV);
    expect(findings).toHaveLength(3);
    expect(findings[0]).toMatchObject({ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/index.ts', location: '54:27', sample: 'openExternal: (url) => shell.openExternal(url),' });
    expect(findings[1]?.description).toBe('One or more "CSP" directives, it says');
  });

  it('passes only accepted findings, and flags accepted ones that are gone', () => {
    const list: AcceptedList = {
      excludedChecks: {},
      accepted: [
        { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/index.ts', sample: 'shell.openExternal(url)', reason: 'checked' },
        { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'renderer/**', reason: 'via the HelpApi' },
        { check: 'PRELOAD_JS_CHECK', file: 'electron/main/window.ts', reason: 'gone now' },
      ],
    };
    const { unaccepted, stale } = review(parseReport(CSV), list);
    expect(unaccepted.map((f) => f.check)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(stale.map((a) => a.check)).toEqual(['PRELOAD_JS_CHECK']);
  });

  it('gives every accepted finding and excluded check a reason', () => {
    const list = JSON.parse(readFileSync(join(__dirname, '..', 'support', 'electronegativity-accepted.json'), 'utf8')) as AcceptedList;
    for (const reason of [...list.accepted.map((a) => a.reason), ...Object.values(list.excludedChecks)]) expect(reason.length).toBeGreaterThan(40);
  });
});

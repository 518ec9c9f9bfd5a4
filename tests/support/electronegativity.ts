/**
 * `npm run security`, and a step of `npm test`: Doyensec's Electronegativity over the app's
 * sources — electron/ and renderer/ scanned together (from a temporary copy with package.json),
 * so its global checks (CSP, navigation limits, permission handler) see the whole app at once.
 *
 * It fails on every finding that is not accepted, with a reason, in
 * electronegativity-accepted.json beside this file; an accepted finding that no longer
 * occurs is reported too, so the list stays true. It runs offline: the Electron version is
 * given (-e), and the one check that needs github.com is excluded there, with its reason.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const ACCEPTED_FILE = join(__dirname, 'electronegativity-accepted.json');

export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
  description: string;
}

export interface AcceptedFinding {
  check: string;
  /** Path from the repository root ("dir/**" for any file under dir), or "N/A" for global findings. */
  file: string;
  /** Text the finding's sample must contain, when one file has several of the same check. */
  sample?: string;
  reason: string;
}

export interface AcceptedList {
  excludedChecks: Record<string, string>;
  accepted: AcceptedFinding[];
}

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/** Findings from Electronegativity's CSV report (header row first). */
export function parseReport(csv: string): Finding[] {
  return parseCsv(csv)
    .slice(1)
    .map(([check = '', severity = '', confidence = '', file = '', location = '', sample = '', description = '']) => ({
      check: check.trim(),
      severity,
      confidence,
      file: file.replace(/\\/g, '/'),
      location,
      sample,
      description,
    }));
}

function fileMatches(pattern: string, file: string): boolean {
  return pattern.endsWith('/**') ? file.startsWith(pattern.slice(0, -2)) : pattern === file;
}

function matches(accepted: AcceptedFinding, finding: Finding): boolean {
  return accepted.check === finding.check && fileMatches(accepted.file, finding.file) && (accepted.sample === undefined || finding.sample.includes(accepted.sample));
}

export function review(findings: Finding[], list: AcceptedList): { unaccepted: Finding[]; stale: AcceptedFinding[] } {
  const unaccepted = findings.filter((finding) => !list.accepted.some((a) => matches(a, finding)));
  const stale = list.accepted.filter((a) => !findings.some((finding) => matches(a, finding)));
  return { unaccepted, stale };
}

function scan(list: AcceptedList): Finding[] {
  const work = mkdtempSync(join(tmpdir(), 'doum-electronegativity-'));
  try {
    for (const dir of ['electron', 'renderer']) cpSync(join(ROOT, dir), join(work, dir), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(work, 'package.json'));
    const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    const report = join(work, 'report.csv');
    const args = ['--no', '--', '@doyensec/electronegativity', '-i', work, '-o', report, '-r', '-e', electronVersion, '-x', Object.keys(list.excludedChecks).join(',')];
    const result = spawnSync('npx', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' }, shell: process.platform === 'win32', timeout: 300_000 });
    if (result.status !== 0) throw new Error(`electronegativity failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
    return parseReport(readFileSync(report, 'utf8'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function main(): void {
  const list = JSON.parse(readFileSync(ACCEPTED_FILE, 'utf8')) as AcceptedList;
  const findings = scan(list);
  const { unaccepted, stale } = review(findings, list);
  const out = process.stdout;
  out.write(`electronegativity: ${findings.length} finding(s), ${findings.length - unaccepted.length} accepted (reasons in tests/support/electronegativity-accepted.json); checks excluded: ${Object.keys(list.excludedChecks).join(', ')}\n`);
  for (const f of unaccepted) out.write(`  ✖ ${f.check} ${f.severity}/${f.confidence} ${f.file}:${f.location} ${f.sample}\n    ${f.description}\n`);
  for (const a of stale) out.write(`  ✖ accepted but no longer found (remove it from the list): ${a.check} ${a.file}${a.sample ? ` "${a.sample}"` : ''}\n`);
  if (unaccepted.length > 0 || stale.length > 0) process.exit(1);
}

if (require.main === module) main();

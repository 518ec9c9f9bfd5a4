/**
 * `npm run security`, and a step of `npm test`: Doyensec's Electronegativity over the app's
 * sources — electron/ and renderer/ scanned together (from a temporary copy with package.json),
 * so its global checks (CSP, navigation limits, permission handler) see the whole app at once.
 *
 * The scanner runs in this process and hands back its result as an object. Its own report
 * files are not used: 1.10.3 writes the CSV header and rows with two unsynchronised
 * `fs.writeFile` calls, so now and then the header overwrites the first row and a good tree
 * failed with a list of bogus findings. The result is checked for shape before it is read; one
 * that is not what we expect fails with "report unreadable", never as findings.
 *
 * It fails on every finding that is not accepted, with a reason, in
 * electronegativity-accepted.json beside this file; an accepted finding that no longer
 * occurs is reported too, so the list stays true. It runs offline: the Electron version is
 * given, the one check that needs github.com is excluded (with its reason), and the scanner's
 * start-up download of translations is answered "offline" at once.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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

/** The report is not what this harness understands: the scan fails without judging findings. */
export class ReportUnreadableError extends Error {
  constructor(detail: string) {
    super(`electronegativity report unreadable: ${detail}`);
    this.name = 'ReportUnreadableError';
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(record: Json, key: string, where: string, optional = false): string {
  const value = record[key];
  if (typeof value === 'string') return value;
  if (optional && value === undefined) return '';
  throw new ReportUnreadableError(`${where}.${key} should be a string, got ${JSON.stringify(value)}`);
}

function levelName(record: Json, key: string, where: string): string {
  const value = record[key];
  if (!isObject(value) || typeof value['name'] !== 'string') throw new ReportUnreadableError(`${where}.${key} should be { name }, got ${JSON.stringify(value)}`);
  return value['name'];
}

function location(record: Json, where: string): string {
  const value = record['location'];
  if (!isObject(value) || !Number.isInteger(value['line']) || !Number.isInteger(value['column'])) {
    throw new ReportUnreadableError(`${where}.location should be { line, column }, got ${JSON.stringify(value)}`);
  }
  return `${value['line'] as number}:${value['column'] as number}`;
}

/**
 * Findings from the object Electronegativity's `run()` resolves to (`{ issues, errors }`).
 * A file the scanner could not parse (a non-tolerable error) was never checked, so it is an
 * unreadable report too, not a pass.
 */
export function parseReport(report: unknown): Finding[] {
  if (!isObject(report)) throw new ReportUnreadableError(`expected an object with issues and errors, got ${typeof report}`);
  const { issues, errors } = report;
  if (!Array.isArray(issues)) throw new ReportUnreadableError('issues is not a list');
  if (!Array.isArray(errors)) throw new ReportUnreadableError('errors is not a list');
  for (const [i, error] of errors.entries()) {
    if (!isObject(error)) throw new ReportUnreadableError(`errors[${i}] is not an object`);
    if (error['tolerable'] !== true) throw new ReportUnreadableError(`the scanner could not parse ${text(error, 'file', `errors[${i}]`)}: ${text(error, 'message', `errors[${i}]`)}`);
  }
  return issues.map((issue, i) => {
    const where = `issues[${i}]`;
    if (!isObject(issue)) throw new ReportUnreadableError(`${where} is not an object`);
    const check = text(issue, 'id', where).trim();
    if (!/^[A-Z][A-Z0-9_]+$/.test(check)) throw new ReportUnreadableError(`${where}.id is not a check name: ${JSON.stringify(check)}`);
    return {
      check,
      severity: levelName(issue, 'severity', where),
      confidence: levelName(issue, 'confidence', where),
      file: text(issue, 'file', where).replace(/\\/g, '/'),
      location: location(issue, where),
      sample: text(issue, 'sample', where, true),
      description: text(issue, 'description', where),
    };
  });
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

interface RunOptions {
  input: string;
  isRelative: boolean;
  electronVersionOverride: string;
  customScan: string[];
  excludeFromScan: string[];
}

/**
 * The scanner fetches translations from github.com on every start (1 s timeout). Tests must not
 * touch the network, so its HTTP client is answered "offline" before the scanner loads.
 */
function loadScanner(): (options: RunOptions) => Promise<unknown> {
  const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
  const gotPath = scannerRequire.resolve('got');
  const offline = (): Promise<never> => Promise.reject(new Error('offline: translations are not downloaded during the scan'));
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as unknown as NodeJS.Module;
  const quiet = console.log;
  console.log = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('Could not retrieve updated translations')) quiet(...args);
  };
  const scanner = scannerRequire('@doyensec/electronegativity') as { default?: unknown } | ((options: RunOptions) => Promise<unknown>);
  const run = typeof scanner === 'function' ? scanner : scanner.default;
  if (typeof run !== 'function') throw new ReportUnreadableError('@doyensec/electronegativity exports no run function');
  return run as (options: RunOptions) => Promise<unknown>;
}

/** The scanner's raw result over a copy of the app's sources. */
async function runScanner(list: AcceptedList): Promise<unknown> {
  const work = mkdtempSync(join(tmpdir(), 'doum-electronegativity-'));
  try {
    for (const dir of ['electron', 'renderer']) cpSync(join(ROOT, dir), join(work, dir), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(work, 'package.json'));
    const electronVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    const run = loadScanner();
    return await run({
      input: work,
      isRelative: true,
      electronVersionOverride: electronVersion,
      customScan: [],
      excludeFromScan: Object.keys(list.excludedChecks).map((check) => check.toLowerCase()),
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const list = JSON.parse(readFileSync(ACCEPTED_FILE, 'utf8')) as AcceptedList;
  let findings: Finding[];
  try {
    const report = await runScanner(list);
    // `--record FILE` keeps a real result as the unit test's fixture.
    const record = process.argv.indexOf('--record');
    if (record > 0 && process.argv[record + 1]) writeFileSync(process.argv[record + 1]!, `${JSON.stringify(report, null, 2)}\n`);
    findings = parseReport(report);
  } catch (error) {
    process.stderr.write(`✖ ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  const { unaccepted, stale } = review(findings, list);
  const out = process.stdout;
  out.write(`electronegativity: ${findings.length} finding(s), ${findings.length - unaccepted.length} accepted (reasons in tests/support/electronegativity-accepted.json); checks excluded: ${Object.keys(list.excludedChecks).join(', ')}\n`);
  for (const f of unaccepted) out.write(`  ✖ ${f.check} ${f.severity}/${f.confidence} ${f.file}:${f.location} ${f.sample}\n    ${f.description}\n`);
  for (const a of stale) out.write(`  ✖ accepted but no longer found (remove it from the list): ${a.check} ${a.file}${a.sample ? ` "${a.sample}"` : ''}\n`);
  if (unaccepted.length > 0 || stale.length > 0) process.exit(1);
}

if (require.main === module) void main();

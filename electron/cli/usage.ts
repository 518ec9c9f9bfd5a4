import { UNPRINTABLE } from '../../shared/validate';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the CLI cannot act on: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Every option any command takes; each command checks which of them apply to it. */
const OPTIONS = {
  out: { type: 'string' },
  'sign-key': { type: 'string' },
  precompress: { type: 'boolean' },
  'valid-days': { type: 'string' },
  feed: { type: 'string' },
  db: { type: 'string' },
  platform: { type: 'string' },
  'only-platform': { type: 'string' },
  category: { type: 'string' },
  service: { type: 'string' },
  locale: { type: 'string' },
  sort: { type: 'string' },
  limit: { type: 'string' },
  context: { type: 'string' },
  port: { type: 'string' },
  os: { type: 'string' },
  json: { type: 'boolean' },
  stdin: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

export type CliOptions = ReturnType<typeof parseCommandLine>['values'];

export function parseCommandLine(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

export function requireOption(value: string | undefined, flag: string, command: string): string {
  if (!value) throw new UsageError(`${command} needs ${flag}`);
  return value;
}

export function noMorePositionals(rest: string[], command: string): void {
  if (rest.length > 0) throw new UsageError(`${command} takes no argument "${rest[0]}"`);
}


const escapeCode = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text as it may reach a terminal: anything unprintable written as a visible \uXXXX escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeCode);
}

/** JSON for stdout: JSON.stringify leaves C1 controls and bidi overrides raw; they are escaped too. */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNPRINTABLE, escapeCode);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${jsonText(value, 2)}\n`);
}

/** Writes text for people to stdout, unprintable characters escaped. */
export function printText(text: string): void {
  process.stdout.write(printable(text));
}

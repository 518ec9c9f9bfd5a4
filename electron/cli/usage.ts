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
  feed: { type: 'string' },
  db: { type: 'string' },
  platform: { type: 'string' },
  'only-platform': { type: 'string' },
  category: { type: 'string' },
  service: { type: 'string' },
  locale: { type: 'string' },
  sort: { type: 'string' },
  limit: { type: 'string' },
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

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

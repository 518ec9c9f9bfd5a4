import { UNPRINTABLE } from '../../shared/validate';

/** A command line the CLI cannot act on: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
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

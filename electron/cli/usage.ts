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

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

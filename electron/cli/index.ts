/**
 * `doum`: the command line over core/ (and the preview). See ../../README.md and DESIGN's
 * "Command line" for the contract. With --json, stdout carries one JSON document and nothing
 * else; messages go to stderr. Errors exit non-zero with one readable line.
 */
import { errorMessage } from '../core/errors';
import { contextsCommand } from './commands/contexts';
import { feedCommand } from './commands/feed';
import { previewCommand } from './commands/preview';
import { reportCommand } from './commands/report';
import { searchCommand } from './commands/search';
import { settingsCommand } from './commands/settings';
import { showCommand, statsCommand } from './commands/show';
import { syncCommand } from './commands/sync';
import { parseCommandLine, printable, UsageError } from './usage';

export const USAGE = `usage: doum <command> [options]

  feed build <content-dir> --out <feed-dir> [--sign-key <file>] [--valid-days <n>] [--precompress] [--json]
  feed keygen --out <dir>
  sync [--feed <url|dir>] [--db <file>] [--json]
  search <query...> [--db <file>] [--platform <p>] [--only-platform <p>] [--category <c>]
         [--service <s>] [--locale <l>] [--sort relevance|recent] [--limit <n>] [--json] [--stdin]
  search --context <id> [<extra words...>] [--db <file>] [--platform <p>] [--locale <l>] [--json]
  contexts [--db <file>] [--json]
  show <id> [--db <file>] [--json]
  stats [--db <file>] [--json]
  preview [--feed <url|dir>] [--db <file>] [--port <n>] [--os macos|windows|linux] [--context <id>]
  report feedback|searches [--db <file>] [--json]
  settings [get [<key>] | set <key> <value>] [--db <file>] [--json]`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    throw new UsageError(errorMessage(error).replace(/\. To specify.*$/, ''));
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'feed':
      return feedCommand(rest, values);
    case 'sync':
      return syncCommand(rest, values);
    case 'search':
      return searchCommand(rest, values);
    case 'contexts':
      return contextsCommand(rest, values);
    case 'show':
      return showCommand(rest, values);
    case 'stats':
      return statsCommand(rest, values);
    case 'preview':
      return previewCommand(rest, values);
    case 'report':
      return reportCommand(rest, values);
    case 'settings':
      return settingsCommand(rest, values);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`doum: ${error.message}\n${USAGE}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`doum: ${printable(errorMessage(error)).split('\n').join('\n  ')}\n`);
        process.exitCode = 1;
      }
    },
  );
}

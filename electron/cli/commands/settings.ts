/**
 * `doum settings [get [<key>] | set <key> <value>]`: the same settings as the Settings view,
 * with the same checks (the HelpApi's argument check, then the service's: feed location, key,
 * update URL, the administrator's policy). For administrators and tests; a person at the
 * terminal is the confirmation that security settings need from the page.
 */
import { checkArgs, settingsShape } from '../../../shared/api';
import type { Settings } from '../../../shared/types';
import type { CliOptions } from '../usage';
import { note, openForCli } from '../context';
import { noMorePositionals, printJson, printText, UsageError } from '../usage';

const KEYS = Object.keys(settingsShape) as Array<keyof Settings>;

function settingKey(name: string | undefined, command: string): keyof Settings {
  if (!name) throw new UsageError(`${command} needs a setting name (${KEYS.join(', ')})`);
  if (!(KEYS as string[]).includes(name)) throw new UsageError(`there is no setting "${name}"; the settings are ${KEYS.join(', ')}`);
  return name as keyof Settings;
}

/** A value as typed: JSON where it reads as JSON (true, 3, null), else the text itself. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function settingsCommand(rest: string[], values: CliOptions): Promise<number> {
  const [sub = 'get', ...args] = rest;
  if (sub !== 'get' && sub !== 'set') throw new UsageError(`unknown settings command "${sub}"; use get or set`);
  const center = await openForCli({ db: values.db });
  try {
    const locked = new Set((await center.service.getAppInfo()).lockedSettings as string[]);
    if (sub === 'get') {
      const [name, ...extra] = args;
      noMorePositionals(extra, 'settings get');
      const settings = await center.service.getSettings();
      if (name !== undefined) {
        const key = settingKey(name, 'settings get');
        if (values.json) printJson(settings[key]);
        else printText(`${settings[key] === null ? '' : String(settings[key])}\n`);
      } else if (values.json) printJson(settings);
      else printText(KEYS.map((key) => `${key} = ${JSON.stringify(settings[key])}${locked.has(key) ? '  (set by your administrator)' : ''}`).join('\n') + '\n');
      return 0;
    }
    const [name, value, ...extra] = args;
    const key = settingKey(name, 'settings set');
    if (value === undefined) throw new UsageError(`settings set ${key} needs a value (null clears it)`);
    noMorePositionals(extra, 'settings set');
    const [patch] = checkArgs('setSettings', [{ [key]: parseValue(value) }]);
    const settings = await center.service.setSettings(patch);
    await center.user.flushBackup();
    if (values.json) printJson(settings);
    else note(`doum: ${key} = ${JSON.stringify(settings[key])}`);
    return 0;
  } finally {
    center.close();
  }
}

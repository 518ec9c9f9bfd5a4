/**
 * Deep links and launch arguments: `doum://article/<id>` (optionally `#<section>`, a heading's
 * anchor), `doum://search?q=<text>`, `doum://context/<id>?platform=<p>&q=<text>` (context help:
 * the help for an app's screen), `--context <id>`, and a plain query on the command line
 * (`doum 메시지 삭제`). Windows and Linux deliver them in the
 * argv of a second launch (the single-instance lock hands that to the running app); macOS
 * sends `open-url`. Everything is validated strictly; anything else is logged and ignored.
 */
import type { App } from 'electron';
import { CONTEXT_ID_RULE, isContextId } from '../../shared/contexts';
import { parseArticleLink } from '../../shared/ids';
import { isPlatform, PLATFORMS } from '../../shared/platform';
import type { NavigateTarget } from '../../shared/types';
import type { Log } from './logging';

export const PROTOCOL = 'doum';
export const MAX_QUERY_LENGTH = 200;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export type LinkParse = { ok: true; target: NavigateTarget } | { ok: false; reason: string };

function cleanQuery(raw: string): LinkParse {
  if (CONTROL.test(raw)) return { ok: false, reason: 'the query contains control characters' };
  const query = raw.replace(/\s+/g, ' ').trim();
  if (!query) return { ok: false, reason: 'the query is empty' };
  if (query.length > MAX_QUERY_LENGTH) return { ok: false, reason: `the query is longer than ${MAX_QUERY_LENGTH} characters` };
  return { ok: true, target: { kind: 'search', query } };
}

const CONTEXT_PARAMS = new Set(['platform', 'q']);

/** A context target from an id and the link's (or command line's) optional platform and words. */
function contextTarget(id: string, platform: string | null, q: string | null): LinkParse {
  if (!isContextId(id)) return { ok: false, reason: `the context id is not ${CONTEXT_ID_RULE}` };
  const target: NavigateTarget & { kind: 'context' } = { kind: 'context', id };
  if (platform !== null) {
    if (!isPlatform(platform)) return { ok: false, reason: `the platform must be one of ${PLATFORMS.join(', ')}` };
    target.platform = platform;
  }
  if (q !== null) {
    const words = cleanQuery(q);
    if (!words.ok) return words;
    if (words.target.kind === 'search') target.query = words.target.query;
  }
  return { ok: true, target };
}

/**
 * `doum://context/<id>[?platform=<p>&q=<text>]`. The id is read from the link as written, not
 * from the parsed URL, which would quietly resolve `..` segments and percent-escapes into
 * something the app never asked for.
 */
function parseContextLink(raw: string, url: URL): LinkParse {
  if (url.hash) return { ok: false, reason: 'a context link takes no fragment' };
  const written = /^[a-z][a-z0-9+.-]*:\/\/context\/([^?#]*?)\/?(?:\?[^#]*)?$/i.exec(raw);
  if (!written) return { ok: false, reason: 'a context link is doum://context/<id>' };
  const keys = [...url.searchParams.keys()];
  if (keys.some((key) => !CONTEXT_PARAMS.has(key))) return { ok: false, reason: 'a context link takes only the parameters platform and q' };
  if (new Set(keys).size !== keys.length) return { ok: false, reason: 'a context link names each parameter once' };
  return contextTarget(written[1]!, url.searchParams.get('platform'), url.searchParams.get('q'));
}

/** Parses a `doum://` link. Only the documented forms are accepted. */
export function parseDeepLink(raw: string): LinkParse {
  if (raw.length > 4096) return { ok: false, reason: 'the link is too long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== `${PROTOCOL}:`) return { ok: false, reason: `not a ${PROTOCOL}:// link` };
  if (url.username || url.password || url.port) return { ok: false, reason: 'the link has a user, password or port' };
  const path = url.pathname.replace(/\/$/, '');
  if (url.hostname === 'article') {
    const link = parseArticleLink(raw);
    if (!link.ok) return link;
    return { ok: true, target: link.section ? { kind: 'article', id: link.id, section: link.section } : { kind: 'article', id: link.id } };
  }
  if (url.hostname === 'search') {
    if (path !== '') return { ok: false, reason: 'a search link has no path' };
    const keys = [...url.searchParams.keys()];
    if (keys.length !== 1 || keys[0] !== 'q') return { ok: false, reason: 'a search link takes exactly one parameter, q' };
    return cleanQuery(url.searchParams.get('q') ?? '');
  }
  if (url.hostname === 'context') return parseContextLink(raw, url);
  return { ok: false, reason: `unknown link kind "${url.hostname}"` };
}

export interface LaunchRequest {
  /** What to show; null just brings Doum to the front. */
  target: NavigateTarget | null;
  /** Why an argument that looked like a request was ignored (for the log). */
  rejected: string | null;
}

function rejectedLink(url: string, reason: string): string {
  return `ignored the link ${JSON.stringify(url.slice(0, 200))}: ${reason}`;
}

const LOOKS_LIKE_PATH = /^(?:[a-zA-Z]:[\\/]|\\\\|\/)/;
const CONTEXT_SWITCH = '--context';

/**
 * `--context <id>` or `--context=<id>` (the form Chromium itself keeps together when it passes
 * a second launch's command line on). Returns the id and the argv without the switch, or null
 * when there is none; an id that is missing or malformed is a rejection.
 */
function takeContextSwitch(argv: readonly string[]): { parsed: LinkParse; rest: string[] } | null {
  const at = argv.findIndex((arg) => arg === CONTEXT_SWITCH || arg.startsWith(`${CONTEXT_SWITCH}=`));
  if (at < 0) return null;
  const arg = argv[at]!;
  const inline = arg.startsWith(`${CONTEXT_SWITCH}=`);
  const id = inline ? arg.slice(CONTEXT_SWITCH.length + 1) : argv[at + 1];
  const rest = [...argv.slice(0, at), ...argv.slice(at + (inline ? 1 : 2))];
  if (id === undefined || id.startsWith('-')) return { parsed: { ok: false, reason: '--context needs a context id' }, rest };
  return { parsed: contextTarget(id, null, null), rest };
}

/**
 * What a launch asks for, from its argv. The executable comes first, then (when running from
 * sources, `electron <app>`) the app path; switches (`--hidden`, Chromium's own, macOS's
 * `-psn_…`) and file paths are skipped. A doum:// argument wins, then `--context <id>`;
 * otherwise the remaining words are a search.
 */
export function parseArgv(argv: readonly string[], options: { defaultApp: boolean }): LaunchRequest {
  const context = takeContextSwitch(argv);
  const positional = (context?.rest ?? argv).slice(1).filter((arg) => !arg.startsWith('-'));
  if (options.defaultApp) positional.shift();
  const link = positional.find((arg) => arg.toLowerCase().startsWith(`${PROTOCOL}:`));
  if (link !== undefined) {
    const parsed = parseDeepLink(link);
    return parsed.ok ? { target: parsed.target, rejected: null } : { target: null, rejected: rejectedLink(link, parsed.reason) };
  }
  if (context) {
    return context.parsed.ok
      ? { target: context.parsed.target, rejected: null }
      : { target: null, rejected: `ignored ${CONTEXT_SWITCH} from the command line: ${context.parsed.reason}` };
  }
  const words = positional.filter((arg) => !LOOKS_LIKE_PATH.test(arg));
  if (words.length === 0) return { target: null, rejected: null };
  const parsed = cleanQuery(words.join(' '));
  return parsed.ok ? { target: parsed.target, rejected: null } : { target: null, rejected: `ignored the search from the command line: ${parsed.reason}` };
}

function contextParams(target: NavigateTarget & { kind: 'context' }): string {
  const params = new URLSearchParams();
  if (target.platform) params.set('platform', target.platform);
  if (target.query) params.set('q', target.query);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The renderer's hash route for a target, so a cold start can open straight on it. */
export function routeHash(target: NavigateTarget | null): string {
  if (target?.kind === 'article') return `#/article/${target.id}${target.section ? `?${new URLSearchParams({ section: target.section }).toString()}` : ''}`;
  if (target?.kind === 'search') return `#/search?${new URLSearchParams({ q: target.query }).toString()}`;
  if (target?.kind === 'context') return `#/context/${target.id}${contextParams(target)}`;
  return '';
}

/**
 * Collects launch requests — from this launch's argv, later launches, and macOS `open-url`
 * (which can arrive before the app is ready) — and hands them to the shell once it attaches.
 */
export class LaunchRequests {
  private pending: Array<NavigateTarget | null> = [];
  private deliver: ((target: NavigateTarget | null) => void) | null = null;

  constructor(private readonly log: (message: string) => void) {}

  accept(request: LaunchRequest): void {
    if (request.rejected) this.log(request.rejected);
    if (request.rejected && !request.target) return;
    if (this.deliver) this.deliver(request.target);
    else this.pending.push(request.target);
  }

  /** A doum:// URL from macOS (`open-url`) or from a link clicked in the page. */
  acceptLink(url: string): void {
    const parsed = parseDeepLink(url);
    this.accept(parsed.ok ? { target: parsed.target, rejected: null } : { target: null, rejected: rejectedLink(url, parsed.reason) });
  }

  /**
   * Whether something asked for Doum before the shell attached — a link, a search, or a second
   * launch that only wants the window — so a start that would stay hidden (at login) shows it.
   */
  get waiting(): boolean {
    return this.pending.length > 0;
  }

  /** The target a cold start should open on: the last one asked for before the window exists. */
  takeInitial(): NavigateTarget | null {
    const last = this.pending.filter((t) => t !== null).pop() ?? null;
    this.pending = [];
    return last;
  }

  attach(deliver: (target: NavigateTarget | null) => void): void {
    this.deliver = deliver;
    for (const target of this.pending.splice(0)) deliver(target);
  }
}

/** Listens for links and second launches. Call before the app is ready (macOS sends `open-url` early). */
export function listenForLaunchRequests(app: Pick<App, 'on'>, requests: LaunchRequests, options: { defaultApp: boolean }): void {
  app.on('open-url', (event, url) => {
    event.preventDefault();
    requests.acceptLink(url);
  });
  app.on('second-instance', (_event, argv) => requests.accept(parseArgv(argv, options)));
}

/**
 * Makes Doum the handler of doum:// links. Installed builds are registered by their installer
 * (Info.plist, the NSIS script, the Linux .desktop file); the packaged app repairs that at
 * start. Runs from sources do not register, so a developer's machine is left alone.
 */
export function registerProtocol(
  app: Pick<App, 'isDefaultProtocolClient' | 'setAsDefaultProtocolClient'>,
  isPackaged: boolean,
  log: Pick<Log, 'warn'>,
  platform: NodeJS.Platform = process.platform,
  executable: string = process.execPath,
): void {
  if (!isPackaged) return;
  // Windows starts the handler with a command line: `--` before the link ends the switches,
  // so a crafted link can never be read as one (`doum://x" --inspect=…`). The installer
  // (resources/installer.nsh) writes the same command.
  if (platform === 'win32') {
    if (app.isDefaultProtocolClient(PROTOCOL, executable, ['--'])) return;
    if (!app.setAsDefaultProtocolClient(PROTOCOL, executable, ['--'])) log.warn(`could not register Doum as the handler of ${PROTOCOL}:// links`);
    return;
  }
  if (app.isDefaultProtocolClient(PROTOCOL)) return;
  if (!app.setAsDefaultProtocolClient(PROTOCOL)) log.warn(`could not register Doum as the handler of ${PROTOCOL}:// links`);
}

/**
 * Context ids: the names a documented app gives its screens and errors (`settings.display.theme`,
 * `chat.delete-message`, `error.login.e1001`), so it can open Doum at the help for the screen a
 * person is on. One rule for the whole of Doum — front matter, feed records, Zendesk labels,
 * deep links, the command line and the HelpApi all check ids here.
 *
 * An id is dot-separated segments of lowercase a-z, 0-9 and single inner hyphens. The dots make
 * a hierarchy: `settings.display` is the parent screen of `settings.display.theme`.
 */
import { string, type Check } from './validate';

export const CONTEXT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
export const MAX_CONTEXT_ID_LENGTH = 100;
/** Contexts one article may name (a screen, its sections and the errors shown there). */
export const MAX_CONTEXTS_PER_ARTICLE = 20;
/** What a person is shown when an id breaks the rule. */
export const CONTEXT_ID_RULE = `dot-separated parts of lowercase a-z, 0-9 and "-", like settings.display.theme; at most ${MAX_CONTEXT_ID_LENGTH} characters`;

export function isContextId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_CONTEXT_ID_LENGTH && CONTEXT_ID_PATTERN.test(value);
}

export const checkContextId: Check<string> = string({
  min: 1,
  max: MAX_CONTEXT_ID_LENGTH,
  pattern: CONTEXT_ID_PATTERN,
  patternName: `a context id (${CONTEXT_ID_RULE})`,
});

/** The broader screens of a context, nearest first: `a.b.c` → `a.b`, `a`. */
export function contextAncestors(id: string): string[] {
  const parts = id.split('.');
  const out: string[] = [];
  for (let depth = parts.length - 1; depth >= 1; depth--) out.push(parts.slice(0, depth).join('.'));
  return out;
}

/** How deep a context sits: `settings` 1, `settings.display.theme` 3. */
export function contextDepth(id: string): number {
  return id.split('.').length;
}

/** Whether `id` is `context` itself or one of its parts (`settings.display.theme` is within `settings`). */
export function isWithinContext(id: string, context: string): boolean {
  return id === context || id.startsWith(`${context}.`);
}

/** The words in an id, for a search when no article is tagged with it: `error.login.e1001` → `error login e1001`. */
export function contextWords(id: string): string {
  return id.split(/[.-]/).join(' ');
}

/**
 * A screen's name as people see it: the app's own id, read as a path
 * (`settings.display.theme` → `settings › display › theme`). Feeds name screens only by id.
 */
export function contextLabel(id: string): string {
  return id.split('.').map((part) => part.replace(/-/g, ' ')).join(' › ');
}

/**
 * Orders the contexts an article names, most specific first (deepest, then as the author
 * listed them): the first is the screen the article belongs to most closely.
 */
export function mostSpecificFirst(contexts: readonly string[]): string[] {
  return contexts
    .map((id, position) => ({ id, position }))
    .sort((a, b) => contextDepth(b.id) - contextDepth(a.id) || a.position - b.position)
    .map(({ id }) => id);
}

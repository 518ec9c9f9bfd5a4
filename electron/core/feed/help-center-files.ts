/**
 * The help center's own files at the content root, beside the articles:
 *
 * - `synonyms.yml`: per locale, groups of words that mean the same and one-way expansions,
 *
 *       ko:
 *         - [비밀번호, 비번, 패스워드]      # a group: each is read as the others
 *         - 카톡 → 톡플러스                 # one-way: 카톡 is read as 톡플러스, not the reverse
 *
 * - `help-center.yml`: `supportUrl: https://…` — where people can ask when no article answers.
 *
 * Both are optional. Every problem names the file and the line, and nothing is built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { isLocale, LOCALE_RULE } from '../../../shared/locale';
import { ContentError } from '../errors';
import { checkSupportUrl, checkSynonymRule, type FeedHelpCenter, type FeedSynonym } from './format';

export const SYNONYMS_FILE = 'synonyms.yml';
export const HELP_CENTER_FILE = 'help-center.yml';
const ARROW = /\s*(?:→|->)\s*/;

function lineOf(node: Node | null | undefined, lines: LineCounter): string {
  const at = node?.range?.[0];
  return at === undefined ? '' : `line ${lines.linePos(at).line}: `;
}

function parseYamlFile(dir: string, file: string, problems: ContentError[]): { root: Node | null; lines: LineCounter } | null {
  const path = join(dir, file);
  if (!existsSync(path)) return null;
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) problems.push(new ContentError(file, null, `line ${lines.linePos(error.pos[0]).line}: not valid YAML (${error.message.split('\n')[0]})`));
    return null;
  }
  return { root: doc.contents as Node | null, lines };
}

/** One entry of a locale's list: a group ([a, b, c]) or an expansion ("a → b, c"). */
function readEntry(node: Node, locale: string, lines: LineCounter): FeedSynonym {
  const where = lineOf(node, lines);
  let words: unknown;
  let oneWay = false;
  if (isSeq(node)) {
    words = node.items.map((item) => (isScalar(item) ? String(item.value) : null));
  } else if (isScalar(node) && typeof node.value === 'string' && ARROW.test(node.value)) {
    const [from, to, ...rest] = node.value.split(ARROW);
    if (rest.length > 0) throw new Error(`${where}write one arrow: "카톡 → 톡플러스, 톡"`);
    words = [from, ...(to ?? '').split(',')].map((w) => (w ?? '').trim());
    oneWay = true;
  } else {
    throw new Error(`${where}write a group as [비밀번호, 비번] or an expansion as "카톡 → 톡플러스"`);
  }
  try {
    return checkSynonymRule({ locale, words, oneWay }, 'entry');
  } catch (error) {
    throw new Error(`${where}${error instanceof Error ? error.message : String(error)}`);
  }
}

export function readSynonymsFile(dir: string, problems: ContentError[]): FeedSynonym[] {
  const parsed = parseYamlFile(dir, SYNONYMS_FILE, problems);
  if (!parsed || parsed.root === null) return [];
  const { root, lines } = parsed;
  if (!isMap(root)) {
    problems.push(new ContentError(SYNONYMS_FILE, null, `${lineOf(root, lines)}list the words per language: "ko:" then "- [비밀번호, 비번]" lines`));
    return [];
  }
  const out: FeedSynonym[] = [];
  for (const pair of root.items) {
    const key = pair.key as Node;
    const locale = isScalar(key) ? String(key.value) : '';
    if (!isLocale(locale)) {
      problems.push(new ContentError(SYNONYMS_FILE, null, `${lineOf(key, lines)}"${locale}" is not ${LOCALE_RULE}`));
      continue;
    }
    const list = pair.value as Node | null;
    if (!isSeq(list)) {
      problems.push(new ContentError(SYNONYMS_FILE, null, `${lineOf(list ?? key, lines)}under "${locale}:" write a list of "- [비밀번호, 비번]" or "- 카톡 → 톡플러스" lines`));
      continue;
    }
    for (const item of list.items) {
      try {
        out.push(readEntry(item as Node, locale, lines));
      } catch (error) {
        problems.push(new ContentError(SYNONYMS_FILE, null, error instanceof Error ? error.message : String(error)));
      }
    }
  }
  return out;
}

export function readSupportUrl(dir: string, problems: ContentError[]): string | null {
  const parsed = parseYamlFile(dir, HELP_CENTER_FILE, problems);
  if (!parsed || parsed.root === null) return null;
  const { root, lines } = parsed;
  if (!isMap(root)) {
    problems.push(new ContentError(HELP_CENTER_FILE, null, `${lineOf(root, lines)}write "supportUrl: https://…"`));
    return null;
  }
  let url: string | null = null;
  for (const pair of root.items) {
    const key = pair.key as Node;
    const name = isScalar(key) ? String(key.value) : '';
    if (name !== 'supportUrl') {
      problems.push(new ContentError(HELP_CENTER_FILE, null, `${lineOf(key, lines)}unknown field "${name}"; allowed: supportUrl`));
      continue;
    }
    const value = pair.value as Node | null;
    try {
      url = checkSupportUrl(isScalar(value) ? value.value : null, 'supportUrl');
    } catch (error) {
      problems.push(new ContentError(HELP_CENTER_FILE, 'supportUrl', `${lineOf(value ?? key, lines)}${error instanceof Error ? error.message : String(error)}`));
    }
  }
  return url;
}

/** The help center's synonyms and support link, from the content root. */
export function readHelpCenterFiles(dir: string, problems: ContentError[]): FeedHelpCenter {
  return { synonyms: readSynonymsFile(dir, problems), supportUrl: readSupportUrl(dir, problems) };
}

/**
 * Reads a content folder (Markdown files with YAML front matter, one article per file) into
 * feed articles. Every problem is collected and reported with the file, field and value, and
 * nothing is returned unless the whole folder is valid.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Marked, type Tokens } from 'marked';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { CONTEXT_ID_RULE, isContextId, MAX_CONTEXTS_PER_ARTICLE } from '../../../shared/contexts';
import { assetImgHtml, pictureProblem, sniffImage, type AssetType } from '../../../shared/assets';
import { categoryTrail } from '../../../shared/categories';
import { editDistance } from '../../../shared/edit-distance';
import { ARTICLE_ID_RULE, AUTHOR_LINK_PREFIX, isArticleId } from '../../../shared/ids';
import { isLocale, LOCALE_RULE } from '../../../shared/locale';
import { PLATFORMS, isPlatform } from '../../../shared/platform';
import { ContentBuildError, ContentError } from '../errors';
import { strongForCjk } from './cjk-emphasis';
import { type FeedArticle, type FeedCategory, type FeedHelpCenter } from './format';
import { readHelpCenterFiles } from './help-center-files';
import { articleLinksIn, sanitizeArticleHtml } from './sanitize';

const FIELDS = ['id', 'title', 'service', 'category', 'platform', 'locale', 'group', 'tags', 'updated', 'contexts'] as const;
type Field = (typeof FIELDS)[number];

interface ParsedFile {
  file: string;
  id: string;
  frontMatter: Record<Field, unknown>;
  markdown: string;
  /** Line of the file on which the Markdown body starts (after the front matter). */
  bodyLine: number;
}

/** A picture of the content, stored once however many articles use it. */
export interface ContentAsset {
  sha256: string;
  type: AssetType;
  bytes: Buffer;
}

export interface ContentSet {
  articles: FeedArticle[];
  categories: FeedCategory[];
  /** Every picture the articles use, by sha256 (absent: none). */
  assets?: ContentAsset[];
  /** synonyms.yml and help-center.yml; absent for sources that have neither (Zendesk). */
  helpCenter?: FeedHelpCenter;
}

/** Where a content folder is, so pictures can be found and kept inside it. */
interface PictureContext {
  root: string;
  assets: Map<string, ContentAsset>;
}

/** Lists the Markdown files under a folder, sorted, skipping dotfiles and README files. */
export function listContentFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.toLowerCase().endsWith('.md') && name.toLowerCase() !== 'readme.md') files.push(path);
    }
  };
  walk(dir);
  return files;
}

function splitFrontMatter(file: string, text: string): { yaml: string; body: string; bodyLine: number } {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normalized);
  if (!match) throw new ContentError(file, null, 'no front matter: the file must start with a "---" line, the YAML fields, and a closing "---" line');
  const bodyLine = 1 + (match[0].match(/\n/g)?.length ?? 0);
  return { yaml: match[1]!, body: normalized.slice(match[0].length), bodyLine };
}

function closestField(name: string): string | undefined {
  return FIELDS.find((field) => editDistance(name, field) <= 2);
}

function parseFile(file: string, text: string): ParsedFile {
  const { yaml, body, bodyLine } = splitFrontMatter(file, text);
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    throw new ContentError(file, null, `the front matter is not valid YAML: ${detail}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ContentError(file, null, 'the front matter must be a set of "field: value" lines');
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      const hint = closestField(key);
      throw new ContentError(file, key, `unknown field${hint ? ` (did you mean "${hint}"?)` : ''}; allowed: ${FIELDS.join(', ')}`);
    }
  }
  const id = record.id;
  if (!isArticleId(id)) {
    throw new ContentError(file, 'id', `${JSON.stringify(id ?? null)} is not a valid id (${ARTICLE_ID_RULE})`);
  }
  return { file, id, frontMatter: record as Record<Field, unknown>, markdown: body, bodyLine };
}

function requireText(file: string, field: Field, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ContentError(file, field, value === undefined ? 'is required' : `must be non-empty text, got ${JSON.stringify(value)}`);
  }
  const text = value.trim();
  if (text.length > max) throw new ContentError(file, field, `is ${text.length} characters long; at most ${max} are allowed`);
  return text;
}

function checkDate(file: string, value: unknown): string {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new ContentError(file, 'updated', `${JSON.stringify(text ?? null)} is not a date in the form YYYY-MM-DD`);
  }
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  if (date.getUTCMonth() !== m! - 1 || date.getUTCDate() !== d) {
    throw new ContentError(file, 'updated', `${text} is not a real calendar date`);
  }
  return text;
}

function checkTags(file: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ContentError(file, 'tags', `must be a list like [신고, 차단], got ${JSON.stringify(value)}`);
  return value.map((tag, i) => {
    if (typeof tag !== 'string' && typeof tag !== 'number') {
      throw new ContentError(file, 'tags', `item ${i + 1} must be text, got ${JSON.stringify(tag)}`);
    }
    const text = String(tag).trim();
    if (text === '' || text.length > 60) throw new ContentError(file, 'tags', `item ${i + 1} must be 1–60 characters, got ${JSON.stringify(text)}`);
    return text;
  });
}

/** `contexts: [settings.display.theme, error.login.e1001]`: the app's screens and errors this article helps with. */
function checkContexts(file: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ContentError(file, 'contexts', `must be a list like [settings.display, chat.delete-message], got ${JSON.stringify(value)}`);
  if (value.length > MAX_CONTEXTS_PER_ARTICLE) throw new ContentError(file, 'contexts', `names ${value.length} contexts; at most ${MAX_CONTEXTS_PER_ARTICLE} are allowed`);
  const seen = new Set<string>();
  return value.map((item, i) => {
    if (!isContextId(item)) throw new ContentError(file, 'contexts', `item ${i + 1} ${JSON.stringify(item ?? null)} is not a context id (${CONTEXT_ID_RULE})`);
    if (seen.has(item)) throw new ContentError(file, 'contexts', `item ${i + 1} "${item}" is listed twice`);
    seen.add(item);
    return item;
  });
}

function checkCategory(file: string, value: unknown): string {
  const text = requireText(file, 'category', value, 200);
  const segments = text.split('/').map((segment) => segment.trim());
  if (segments.some((segment) => segment === '')) {
    throw new ContentError(file, 'category', `${JSON.stringify(text)} has an empty segment; write a path like "채팅/메시지"`);
  }
  return segments.join('/');
}

function checkFields(parsed: ParsedFile): Omit<FeedArticle, 'bodyHtml' | 'links'> {
  const { file, frontMatter: fm } = parsed;
  const platform = fm.platform;
  if (!isPlatform(platform)) {
    throw new ContentError(file, 'platform', `${JSON.stringify(platform ?? null)} is not one of ${PLATFORMS.join(', ')}`);
  }
  const locale = requireText(file, 'locale', fm.locale, 35);
  if (!isLocale(locale)) {
    throw new ContentError(file, 'locale', `${JSON.stringify(locale)} is not ${LOCALE_RULE}`);
  }
  let group: string | null = null;
  if (fm.group !== undefined && fm.group !== null) {
    if (!isArticleId(fm.group)) {
      throw new ContentError(file, 'group', `${JSON.stringify(fm.group)} is not a valid group (${ARTICLE_ID_RULE})`);
    }
    group = fm.group;
  }
  return {
    id: parsed.id,
    title: requireText(file, 'title', fm.title, 300),
    service: requireText(file, 'service', fm.service, 100),
    category: checkCategory(file, fm.category),
    platform,
    locale,
    group,
    tags: checkTags(file, fm.tags),
    updatedAt: checkDate(file, fm.updated),
    ...contextsField(checkContexts(file, fm.contexts)),
  };
}

/** The optional field as records carry it: absent when the article names no context. */
function contextsField(contexts: string[]): Pick<FeedArticle, 'contexts'> {
  return contexts.length > 0 ? { contexts } : {};
}

function lineOf(parsed: ParsedFile, offset: number): number {
  let newlines = 0;
  for (let i = parsed.markdown.indexOf('\n'); i !== -1 && i < offset; i = parsed.markdown.indexOf('\n', i + 1)) newlines++;
  return parsed.bodyLine + newlines;
}

/**
 * Reads one picture an article names (`![alt](images/x.png)`, relative to the Markdown file),
 * checks it, and adds it to the content's assets. Returns the problem, or the picture.
 */
function readPicture(parsed: ParsedFile, href: string, context: PictureContext): string | { sha256: string; width: number; height: number } {
  let target = href.trim();
  try {
    target = decodeURI(target);
  } catch {
    // Not percent-encoded: use it as written.
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//') || target.startsWith('/')) {
    return 'must be a file of the content folder written relative to the Markdown file (remote or absolute pictures would not work offline)';
  }
  const path = resolve(context.root, dirname(parsed.file), target);
  if (!path.startsWith(context.root + sep)) return 'is outside the content folder; keep pictures inside it';
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code === 'ENOENT' || code === 'EISDIR' ? `does not exist (looked for ${relative(context.root, path).split(sep).join('/')})` : `cannot be read (${code ?? String(error)})`;
  }
  const info = sniffImage(bytes);
  const problem = pictureProblem(bytes, info);
  if (problem || !info) return problem ?? 'is not a picture';
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (!context.assets.has(sha256)) context.assets.set(sha256, { sha256, type: info.type, bytes });
  return { sha256, width: info.width, height: info.height };
}

function renderMarkdown(parsed: ParsedFile, knownIds: ReadonlyMap<string, string>, problems: ContentError[], pictures: PictureContext): string {
  const marked = new Marked({ gfm: true, async: false });
  let searchFrom = 0;
  marked.use({
    walkTokens: (token) => {
      if (token.type !== 'link') return;
      const href = (token as Tokens.Link).href;
      if (!href.startsWith(AUTHOR_LINK_PREFIX)) return;
      const target = href.slice(AUTHOR_LINK_PREFIX.length);
      if (!isArticleId(target)) {
        problems.push(new ContentError(parsed.file, null, `link "${href}" does not name a valid article id`));
      } else if (!knownIds.has(target)) {
        problems.push(new ContentError(parsed.file, null, `link "${href}" points to "${target}", but no content file has that id`));
      }
    },
    renderer: {
      image(token: Tokens.Image): string {
        const at = parsed.markdown.indexOf(token.raw, searchFrom);
        if (at !== -1) searchFrom = at + token.raw.length;
        const where = `line ${lineOf(parsed, Math.max(at, 0))}: picture "${token.href}"`;
        const alt = token.text.trim();
        const picture = readPicture(parsed, token.href, pictures);
        if (typeof picture === 'string') problems.push(new ContentError(parsed.file, null, `${where} ${picture}`));
        if (alt === '') problems.push(new ContentError(parsed.file, null, `${where} has no alt text; describe it for people who cannot see it: ![설정 화면](${token.href})`));
        if (typeof picture === 'string' || alt === '') return '';
        return assetImgHtml({ ...picture, alt });
      },
    },
  });
  return sanitizeArticleHtml(marked.parse(strongForCjk(parsed.markdown)) as string);
}

/** Category records for the feed: every path and its ancestors, in first-seen order per locale. */
export function categoriesOf(articles: readonly Pick<FeedArticle, 'category' | 'locale'>[]): FeedCategory[] {
  const positions = new Map<string, number>();
  const categories: FeedCategory[] = [];
  for (const article of articles) {
    for (const path of categoryTrail(article.category)) {
      const key = `${article.locale}\u0000${path}`;
      if (positions.has(key)) continue;
      positions.set(key, categories.length);
      categories.push({ path, locale: article.locale, position: categories.length });
    }
  }
  return categories;
}

/** Reads and validates a whole content folder. Throws ContentBuildError listing every problem. */
export function readContent(dir: string): ContentSet {
  const problems: ContentError[] = [];
  const pictures: PictureContext = { root: resolve(dir), assets: new Map() };
  const parsed: ParsedFile[] = [];
  const files = listContentFiles(dir);
  if (files.length === 0) throw new ContentBuildError([new ContentError(dir, null, 'no Markdown (.md) files found')]);
  for (const path of files) {
    const file = relative(dir, path).split(sep).join('/');
    try {
      parsed.push(parseFile(file, readFileSync(path, 'utf8')));
    } catch (error) {
      if (error instanceof ContentError) problems.push(error);
      else throw error;
    }
  }
  const fileById = new Map<string, string>();
  for (const item of parsed) {
    const other = fileById.get(item.id);
    if (other) problems.push(new ContentError(item.file, 'id', `"${item.id}" is already used by ${other}`));
    else fileById.set(item.id, item.file);
  }
  const articles: FeedArticle[] = [];
  for (const item of parsed) {
    try {
      const fields = checkFields(item);
      const bodyHtml = renderMarkdown(item, fileById, problems, pictures);
      articles.push({ ...fields, bodyHtml, links: articleLinksIn(bodyHtml) });
    } catch (error) {
      if (error instanceof ContentError) problems.push(error);
      else throw error;
    }
  }
  const helpCenter = readHelpCenterFiles(dir, problems);
  if (problems.length > 0) throw new ContentBuildError(problems);
  // Categories keep the folder order authors chose; articles are sorted for stable feeds.
  const categories = categoriesOf(articles);
  articles.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { articles, categories, assets: [...pictures.assets.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)), helpCenter };
}

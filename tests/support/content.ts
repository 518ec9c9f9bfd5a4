/** Writes content folders (Markdown + front matter) for tests. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface TestArticle {
  id: string;
  title: string;
  service?: string;
  category?: string;
  platform?: string;
  locale?: string;
  group?: string;
  tags?: string[];
  updated?: string;
  body?: string;
  /** Context ids (the documented app's screens), written as `contexts: [...]`. */
  contexts?: string[];
  /** Extra raw front-matter lines, for testing bad input. */
  extra?: string;
}

export function articleMarkdown(article: TestArticle): string {
  const lines = [
    '---',
    `id: ${article.id}`,
    `title: "${article.title.replace(/"/g, '\\"')}"`,
    `service: ${article.service ?? '톡플러스'}`,
    `category: ${article.category ?? '채팅/메시지'}`,
    `platform: ${article.platform ?? 'common'}`,
    `locale: ${article.locale ?? 'ko'}`,
    ...(article.group ? [`group: ${article.group}`] : []),
    `tags: [${(article.tags ?? []).join(', ')}]`,
    `updated: ${article.updated ?? '2026-10-01'}`,
    ...(article.contexts ? [`contexts: [${article.contexts.join(', ')}]`] : []),
    ...(article.extra ? [article.extra] : []),
    '---',
    article.body ?? `${article.title}에 대한 도움말입니다.`,
    '',
  ];
  return lines.join('\n');
}

export function writeContent(dir: string, articles: TestArticle[]): string {
  for (const article of articles) {
    const file = join(dir, article.locale ?? 'ko', `${article.id}.md`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, articleMarkdown(article));
  }
  return dir;
}

export function writeRawFile(dir: string, relative: string, text: string): void {
  const file = join(dir, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

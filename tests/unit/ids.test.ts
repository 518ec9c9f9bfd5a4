/**
 * The one article-id rule (shared/ids.ts) and the `doum://article/<id>` links built on it: the
 * same ids pass and fail in the feed format, the content builder, the HelpApi's arguments,
 * article links and the sanitizer (the renderer's routes, which run at import time in a page,
 * are driven by the e2e tests).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArgs } from '../../shared/api';
import { ARTICLE_HREF, ARTICLE_ID_MAX, articleLink, authorLinkTarget, isArticleId, parseArticleLink } from '../../shared/ids';
import { ValidationError } from '../../shared/validate';
import { readContent } from '../../electron/core/feed/content';
import { checkArticle } from '../../electron/core/feed/format';
import { articleLinksIn, sanitizeArticleHtml } from '../../electron/core/feed/sanitize';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const GOOD = ['a', '7', 'block-friend', 'report-friend-message-macos', 'zd-en-us-5001', 'a'.repeat(ARTICLE_ID_MAX)];
const BAD = ['', 'Block-Friend', 'BLOCK', 'block_friend', '-a', 'a-', 'a--b', 'a b', 'a/b', 'a.b', '메시지', 'a'.repeat(ARTICLE_ID_MAX + 1), `a${'-b'.repeat(64)}`];

const RECORD = { title: 'T', bodyHtml: '<p>x</p>', service: 'S', category: 'C', platform: 'common', locale: 'ko', group: null, tags: [], updatedAt: '2026-01-01', links: [] };

describe('the article-id rule', () => {
  it.each(GOOD)('takes %s everywhere', (id) => {
    expect(isArticleId(id)).toBe(true);
    expect(() => checkArticle({ ...RECORD, id, group: id, links: [id] })).not.toThrow();
    expect(() => checkArgs('getArticle', [id])).not.toThrow();
    expect(parseArticleLink(articleLink(id))).toEqual({ ok: true, id, section: null });
  });

  it.each(BAD)('refuses %j everywhere', (id) => {
    expect(isArticleId(id)).toBe(false);
    expect(() => checkArticle({ ...RECORD, id })).toThrow(/^id: expected (an article id \(lowercase a-z, 0-9 and single "-", at most 128 characters\)|at least 1|at most 128)/);
    expect(() => checkArticle({ ...RECORD, id: 'ok', group: id })).toThrow(/^group: /);
    expect(() => checkArticle({ ...RECORD, id: 'ok', links: [id] })).toThrow(/^links\[0\]: /);
    expect(() => checkArgs('getArticle', [id])).toThrow(ValidationError);
    const link = parseArticleLink(`doum://article/${id}`);
    expect(link.ok).toBe(false);
  });

  it('is not a string check that anything else passes', () => {
    expect([null, undefined, 7, ['a'], { id: 'a' }].map(isArticleId)).toEqual([false, false, false, false, false]);
  });

  it('is the rule of content files: id, group and article: links', () => {
    const dir = tempDir('doum-ids-');
    mkdirSync(dir, { recursive: true });
    const file = (name: string, front: string, body = 'Body'): void =>
      writeFileSync(join(dir, name), `---\n${front}\ntitle: T\nservice: S\ncategory: C\nplatform: common\nlocale: ko\nupdated: 2026-01-01\n---\n${body}\n`);
    file('one.md', 'id: Upper-Case');
    file('two.md', 'id: two\ngroup: a--b');
    file('three.md', 'id: three', '[x](article:Two) [y](article:two)');
    let message = '';
    try {
      readContent(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('one.md: field "id": "Upper-Case" is not a valid id (lowercase a-z, 0-9 and single "-", at most 128 characters)');
    expect(message).toContain('two.md: field "group": "a--b" is not a valid group');
    expect(message).toContain('three.md: link "article:Two" does not name a valid article id');
    expect(message).not.toContain('article:two"');
  });
});

describe('doum://article/<id> links', () => {
  it('are written with an optional section, and read back', () => {
    expect(articleLink('dark-mode')).toBe('doum://article/dark-mode');
    expect(articleLink('dark-mode', '설정-화면')).toBe('doum://article/dark-mode#설정-화면');
    expect(parseArticleLink(articleLink('dark-mode', '설정-화면'))).toEqual({ ok: true, id: 'dark-mode', section: '설정-화면' });
    expect(parseArticleLink('doum://article/dark-mode/')).toEqual({ ok: true, id: 'dark-mode', section: null });
    expect(parseArticleLink('DOUM://article/dark-mode#Step-1')).toEqual({ ok: true, id: 'dark-mode', section: 'step-1' });
  });

  it.each([
    ['doum://article/x?q=1', 'no query'],
    ['doum://article/x?', 'no query'],
    ['doum://article/x?section=a#b', 'no query'],
    ['doum://article/x/?utm_source=mail', 'no query'],
    ['doum://article/X', 'article id'],
    ['doum://article/DARK-MODE', 'article id'],
    ['doum://article/dark%2Dmode', 'article id'],
    [`doum://article/${'a'.repeat(ARTICLE_ID_MAX + 1)}`, 'article id'],
    ['doum://article/a/b', 'article id'],
    ['doum://article/x#', 'section is empty'],
    ['doum://article/x#a--b', 'not a heading anchor'],
    ['doum://Article/x', 'not a doum://article/ link'],
    ['doum://search?q=x', 'not a doum://article/ link'],
    ['https://article/x', 'not a doum://article/ link'],
    ['doum://user@article/x', 'user, password or port'],
    ['doum://article:80/x', 'user, password or port'],
    ['article', 'not a URL'],
  ])('refuses %s (%s)', (raw, reason) => {
    const link = parseArticleLink(raw);
    expect(link.ok).toBe(false);
    if (!link.ok) expect(link.reason).toContain(reason);
  });

  it('in article HTML are exactly doum://article/<id>: the sanitizer keeps them, turns author links into them and drops the rest', () => {
    expect(ARTICLE_HREF.exec('doum://article/block-friend')?.[1]).toBe('block-friend');
    expect(['doum://article/a--b', 'doum://article/x#s', ' doum://article/x', 'doum://article/X'].some((href) => ARTICLE_HREF.test(href))).toBe(false);
    expect(authorLinkTarget('article:block-friend')).toBe('block-friend');
    expect([authorLinkTarget('article:Block'), authorLinkTarget('article:a--b'), authorLinkTarget('https://x')]).toEqual([null, null, null]);
    const html = sanitizeArticleHtml('<p><a href="article:block-friend">a</a> <a href="doum://article/ok-1">b</a> <a href="doum://article/a--b">c</a> <a href="article:Bad">d</a> <a href="doum://settings">e</a></p>');
    expect(html).toBe('<p><a href="doum://article/block-friend">a</a> <a href="doum://article/ok-1">b</a> <a>c</a> <a>d</a> <a>e</a></p>');
    expect(articleLinksIn(html)).toEqual(['block-friend', 'ok-1']);
  });
});

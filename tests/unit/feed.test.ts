/**
 * `doum feed build`: Markdown → checked, sanitized doum-feed/1 files; the next revision with a
 * delta of only what changed; a bounded delta history; signatures; and nothing written on error.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentBuildError } from '../../electron/core/errors';
import { buildFeed, FeedBuildError } from '../../electron/core/feed/builder';
import { readContent } from '../../electron/core/feed/content';
import { checkDelta, checkSnapshot, type FeedManifest } from '../../electron/core/feed/format';
import { isCleanArticleHtml, sanitizeArticleHtml } from '../../electron/core/feed/sanitize';
import { generateFeedKeyPair, publicKeyFromBase64, verifyBytes } from '../../electron/core/feed/signing';
import { writeContent, writeRawFile, type TestArticle } from '../support/content';
import { BASE_ARTICLES, buildTestFeed } from '../support/sync-fixtures';
import { removeTempDirs, tempDir } from '../support/temp';

afterAll(removeTempDirs);

const read = <T>(dir: string, file: string): T => JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
const listing = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length)).sort() : [];

function folders(): { content: string; feed: string } {
  const root = tempDir();
  return { content: join(root, 'content'), feed: join(root, 'feed') };
}

function buildError(content: string, feed: string): ContentBuildError {
  try {
    buildFeed({ contentDir: content, outDir: feed });
  } catch (error) {
    expect(error).toBeInstanceOf(ContentBuildError);
    return error as ContentBuildError;
  }
  throw new Error('the build should have failed');
}

describe('building a feed from Markdown', () => {
  it('writes a manifest, a snapshot whose sha256 and size it names, and sanitized HTML with resolved links', () => {
    const { content, feed } = folders();
    writeContent(content, [...BASE_ARTICLES, { id: 'unsafe', title: 'Unsafe', body: '<script>alert(1)</script>\n\n<img src=x onerror="y">\n\n[x](javascript:alert(1)) [ok](https://example.com)' }]);
    const report = buildFeed({ contentDir: content, outDir: feed, now: new Date('2026-05-01T00:00:00Z') });
    expect(report).toMatchObject({ revision: 1, articles: 6, added: 6, unchanged: false, signed: false });

    const manifest = read<FeedManifest>(feed, 'manifest.json');
    expect(manifest).toMatchObject({ format: 'doum-feed/1', revision: 1, generatedAt: '2026-05-01T00:00:00.000Z', locales: ['en', 'ko'], deltas: [] });
    const bytes = readFileSync(join(feed, manifest.snapshot.url));
    expect(manifest.snapshot).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, articles: 6 });

    const snapshot = checkSnapshot(JSON.parse(bytes.toString('utf8')));
    const byId = new Map(snapshot.articles.map((a) => [a.id, a]));
    expect(byId.get('block-friend-android')).toMatchObject({ links: ['report-message'], group: 'block-friend', platform: 'android' });
    expect(byId.get('block-friend-android')!.bodyHtml).toContain('<a href="doum://article/report-message">신고</a>');
    const unsafe = byId.get('unsafe')!.bodyHtml;
    expect(unsafe).not.toMatch(/<script|onerror|href="javascript/);
    expect(unsafe).toContain('href="https://example.com"');
    expect(snapshot.categories.filter((c) => c.locale === 'ko').map((c) => c.path)).toEqual(['친구', '친구/차단', '채팅', '채팅/메시지', '신고', '신고/이용제한']);
  });

  it('reports a dangling article link naming the linking file and the missing id, and writes nothing', () => {
    const { content, feed } = folders();
    writeContent(content, [{ id: 'a', title: 'A', body: '[B](article:missing-one)' }]);
    const error = buildError(content, feed);
    expect(error.message).toMatch(/ko\/a\.md: link "article:missing-one" points to "missing-one", but no content file has that id/);
    expect(existsSync(feed)).toBe(false);
  });

  const badFields: Array<[string, Partial<TestArticle>, RegExp]> = [
    ['platform', { platform: 'playstation' }, /ko\/bad\.md: field "platform": "playstation" is not one of common, android/],
    ['updated', { updated: '2026-02-30' }, /ko\/bad\.md: field "updated": 2026-02-30 is not a real calendar date/],
    ['updated format', { updated: 'yesterday' }, /field "updated": "yesterday" is not a date in the form YYYY-MM-DD/],
    ['title', { title: '' }, /field "title": must be non-empty text, got ""/],
    ['locale', { locale: 'Korean' }, /field "locale": "Korean" is not a language tag/],
    ['category', { category: '채팅//메시지' }, /field "category": "채팅\/\/메시지" has an empty segment/],
    ['group', { group: 'Block Friend' }, /field "group": "Block Friend" is not a valid group/],
    ['unknown field', { extra: 'catgory: 채팅' }, /field "catgory": unknown field \(did you mean "category"\?\)/],
    ['tags', { extra: 'tags: 신고' }, /field "tags"/],
  ];
  for (const [what, fields, message] of badFields) {
    it(`names the file, field and value of a bad ${what}, and writes nothing`, () => {
      const { content, feed } = folders();
      writeContent(content, [{ id: 'good', title: 'Good' }]);
      const { extra, ...rest } = fields;
      if (extra?.startsWith('tags:')) {
        writeRawFile(content, 'ko/bad.md', `---\nid: bad\ntitle: Bad\nservice: S\ncategory: C\nplatform: common\nlocale: ko\n${extra}\nupdated: 2026-01-01\n---\nbody\n`);
      } else {
        writeContent(content, [{ id: 'bad', title: 'Bad', ...rest, extra }]);
      }
      expect(buildError(content, feed).message).toMatch(message);
      expect(existsSync(feed)).toBe(false);
    });
  }

  it('reports a duplicate id naming both files', () => {
    const { content, feed } = folders();
    writeContent(content, [{ id: 'same', title: 'One' }]);
    writeRawFile(content, 'en/other.md', readFileSync(join(content, 'ko', 'same.md'), 'utf8').replace('locale: ko', 'locale: en'));
    expect(buildError(content, feed).message).toMatch(/ko\/same\.md: field "id": "same" is already used by en\/other\.md|en\/other\.md: field "id": "same" is already used by ko\/same\.md/);
  });
});

describe('the next revision', () => {
  it('writes a delta holding only what changed, and keeps the revision when nothing did', () => {
    const { content, feed } = folders();
    buildTestFeed(content, feed, BASE_ARTICLES);
    const edited = [...BASE_ARTICLES.filter((a) => a.id !== 'delete-message'), { id: 'added', title: '추가' }].map((a) => (a.id === 'report-message' ? { ...a, title: '바뀐 제목' } : a));
    expect(buildTestFeed(content, feed, edited)).toMatchObject({ revision: 2, added: 1, updated: 1, deleted: 1, deltas: 1 });
    const manifest = read<FeedManifest>(feed, 'manifest.json');
    expect(manifest.deltas).toEqual([expect.objectContaining({ from: 1, to: 2, url: 'deltas/delta-1-2.json' })]);
    const delta = checkDelta(read(feed, 'deltas/delta-1-2.json'));
    expect(delta.upserts.map((a) => a.id).sort()).toEqual(['added', 'report-message']);
    expect(delta.deletes).toEqual(['delete-message']);

    const files = listing(feed);
    expect(buildTestFeed(content, feed, edited)).toMatchObject({ revision: 2, unchanged: true });
    expect(listing(feed)).toEqual(files);
  });

  it('keeps a bounded number of deltas and removes the files of older ones', () => {
    const { content, feed } = folders();
    for (let edition = 0; edition < 5; edition++) {
      rmContent(content);
      writeContent(content, BASE_ARTICLES.map((a) => (a.id === 'delete-message' ? { ...a, title: `판 ${edition}` } : a)));
      buildFeed({ contentDir: content, outDir: feed, maxDeltas: 2 });
    }
    const manifest = read<FeedManifest>(feed, 'manifest.json');
    expect(manifest.revision).toBe(5);
    expect(manifest.deltas.map((d) => `${d.from}-${d.to}`)).toEqual(['3-4', '4-5']);
    expect(listing(feed)).toEqual(['/deltas/delta-3-4.json', '/deltas/delta-4-5.json', '/manifest.json', '/snapshots/snapshot-4.json', '/snapshots/snapshot-5.json']);
  });

  it('leaves an existing feed exactly as it was when the new content has an error', () => {
    const { content, feed } = folders();
    buildTestFeed(content, feed, BASE_ARTICLES);
    const before = listing(feed).map((f) => [f, readFileSync(join(feed, f), 'utf8')]);
    writeContent(content, [{ id: 'broken', title: 'X', platform: 'amiga' }]);
    buildError(content, feed);
    expect(listing(feed).map((f) => [f, readFileSync(join(feed, f), 'utf8')])).toEqual(before);
  });

  it('refuses to write into a folder that holds something other than a feed', () => {
    const { content, feed } = folders();
    writeContent(content, BASE_ARTICLES);
    mkdirSync(feed);
    writeFileSync(join(feed, 'notes.txt'), 'mine');
    expect(() => buildFeed({ contentDir: content, outDir: feed })).toThrow(/is not empty and holds no manifest\.json/);
  });
});

describe('signing', () => {
  it('signs the manifest bytes with the key, verifiable with the pinned public key', () => {
    const { content, feed } = folders();
    const pair = generateFeedKeyPair();
    const keyFile = join(tempDir(), 'feed.key');
    writeFileSync(keyFile, pair.privateKeyPem);
    expect(buildTestFeed(content, feed, BASE_ARTICLES, { signKeyFile: keyFile }).signed).toBe(true);
    const signature = readFileSync(join(feed, 'manifest.json.sig'), 'utf8');
    expect(verifyBytes(readFileSync(join(feed, 'manifest.json')), signature, publicKeyFromBase64(pair.publicKey))).toBe(true);
    expect(verifyBytes(readFileSync(join(feed, 'manifest.json')), signature, publicKeyFromBase64(generateFeedKeyPair().publicKey))).toBe(false);
  });

  it('says clearly when the key file is missing or not a key, writing nothing', () => {
    const { content, feed } = folders();
    writeContent(content, BASE_ARTICLES);
    expect(() => buildFeed({ contentDir: content, outDir: feed, signKeyFile: '/nonexistent/feed.key' })).toThrow(FeedBuildError);
    expect(() => buildFeed({ contentDir: content, outDir: feed, signKeyFile: '/nonexistent/feed.key' })).toThrow(/signing key \/nonexistent\/feed\.key cannot be read \(ENOENT\); create one with "doum feed keygen/);
    const notAKey = join(tempDir(), 'x.key');
    writeFileSync(notAKey, 'hello');
    expect(() => buildFeed({ contentDir: content, outDir: feed, signKeyFile: notAKey })).toThrow(/is not an Ed25519 private key in PEM form/);
    expect(existsSync(feed)).toBe(false);
  });
});

describe('sanitizing', () => {
  const asset = `doum-asset:${'a'.repeat(64)}`;

  it('keeps what the one allow-list allows — table spans, a list start, picture sizes, app pictures — on the quick path and the full one', () => {
    const html = `<ol start="3"><li>셋</li></ol><table><tbody><tr><td colspan="2" rowspan="2">x</td></tr></tbody></table><p><img src="${asset}" alt="설정 화면" width="640" height="400" loading="lazy"></p>`;
    expect(isCleanArticleHtml(html)).toBe(true);
    expect(sanitizeArticleHtml(html)).toBe(html);
    const spaced = html.replace('<ol start="3">', "<OL START='3'>");
    expect(isCleanArticleHtml(spaced)).toBe(false);
    // sanitize-html writes the picture self-closed; every attribute is kept.
    expect(sanitizeArticleHtml(spaced)).toBe(html.replace('loading="lazy">', 'loading="lazy" />'));
  });

  it('drops pictures from anywhere but the app itself (no remote images, no tracking beacons)', () => {
    for (const src of ['https://tracker.example.com/p.gif', 'http://x/a.png', 'doum-asset:1234', `${asset}x`]) {
      const html = `<p>a<img src="${src}" alt="x">b</p>`;
      expect(isCleanArticleHtml(html), src).toBe(false);
      expect(sanitizeArticleHtml(html), src).toBe('<p>ab</p>');
    }
  });

  it('keeps clean builder output as it is, byte for byte as sanitize-html would', () => {
    const { content, feed } = folders();
    buildTestFeed(content, feed, BASE_ARTICLES);
    const snapshot = checkSnapshot(read(feed, 'snapshots/snapshot-1.json'));
    for (const a of snapshot.articles) {
      expect(isCleanArticleHtml(a.bodyHtml)).toBe(true);
      expect(sanitizeArticleHtml(a.bodyHtml)).toBe(a.bodyHtml);
    }
  });

  const hostile = [
    '<a href="javascript:alert(1)">x</a>',
    '<a href="jav&#x61;script:alert(1)">x</a>',
    '<a href=" javascript:x">x</a>',
    '<A HREF="javascript:x">x</A>',
    '<img src=x onerror=alert(1)>',
    '<p onclick="x">a</p>',
    '<a href="https://x"\nonclick="y">a</a>',
    '<script>x</script>',
    '<svg><script>x</script></svg>',
    '<!-- <script>x</script> -->',
    '<iframe src="https://x"></iframe>',
    '<img src="http://plain.example.com/a.png">',
    '<img src="data:text/html;base64,PHNjcmlwdD4=">',
    '<p style="background:url(javascript:x)">a</p>',
    '<a href="doum://settings">a</a>',
  ];
  for (const html of hostile) {
    it(`sends ${JSON.stringify(html)} through the full sanitizer`, () => {
      expect(isCleanArticleHtml(html)).toBe(false);
      const clean = sanitizeArticleHtml(html);
      expect(clean).not.toMatch(/javascript|onerror|onclick|<script|<iframe|data:text|style=|doum:\/\/settings/i);
    });
  }

  it('takes the quick path for every sample article of the repository', () => {
    const { articles } = readContent(join(__dirname, '..', '..', 'resources', 'content'));
    expect(articles.length).toBeGreaterThan(150);
    for (const a of articles) expect(isCleanArticleHtml(a.bodyHtml)).toBe(true);
  });
});

function rmContent(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A Zendesk Guide-shaped API on 127.0.0.1: locales, and categories/sections/articles per
 * locale with cursor pagination (`page[size]`, `page[after]`, `meta.has_more`, `links.next`),
 * or, with `pagination: 'offset'`, the older offset pages (`page`, `per_page`, `next_page`,
 * `page_count`, `count`) that endpoints without cursor support answer whatever is asked.
 * The server pages at most `pageSize` items whatever the client asks, so a small help center
 * spans several pages. Faults (429 + Retry-After, 500…) are queued per path like the feed
 * server's; the data may be changed between syncs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pngBytes } from './pictures';

export interface ZdCategory { id: number; name: string; position: number; locale: string; [extra: string]: unknown }
export interface ZdSection { id: number; name: string; category_id: number; parent_section_id?: number | null; position: number; locale: string; [extra: string]: unknown }
export interface ZdArticle {
  id: number;
  title: string;
  body: string | null;
  locale: string;
  section_id: number;
  label_names: string[];
  updated_at: string;
  edited_at?: string;
  draft?: boolean;
  position?: number;
  [extra: string]: unknown;
}

/** An `article_attachments` record as the API sends it. */
export interface ZdAttachment {
  id: number;
  url: string;
  article_id: number;
  file_name: string;
  content_url: string;
  content_type: string;
  size: number;
  inline: boolean;
  created_at: string;
  updated_at: string;
}

export interface ZendeskData {
  locales: string[];
  categories: ZdCategory[];
  sections: ZdSection[];
  /** Records as the API sends them; a test may slip in one of the wrong shape. */
  articles: ZdArticle[];
  /** Other files the help center serves by path, e.g. /hc/article_attachments/1/x.png. */
  files?: Record<string, Buffer>;
  /** Attachments of the articles (every locale of an article shares them), by article_id. */
  attachments?: ZdAttachment[];
}

export type ZendeskFault = { status: number; headers?: Record<string, string>; body?: string };

export interface ZendeskServer {
  url: string;
  data: ZendeskData;
  /** Paths (with query) of every request, in order. */
  requests: string[];
  fail(pathSuffix: string, ...faults: ZendeskFault[]): void;
  close(): Promise<void>;
}

const LIST = /^\/api\/v2\/help_center\/([A-Za-z-]+)\/(categories|sections|articles)\.json$/;
const ATTACHMENTS = /^\/api\/v2\/help_center\/([A-Za-z-]+)\/articles\/(\d+)\/attachments(?:\.json)?$/;

export async function startZendeskServer(data: ZendeskData, options: { pageSize?: number; pagination?: 'cursor' | 'offset' } = {}): Promise<ZendeskServer> {
  const pageSize = options.pageSize ?? 2;
  const pagination = options.pagination ?? 'cursor';
  const faults = new Map<string, ZendeskFault[]>();
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let origin = '';
  const notFound = { error: 'RecordNotFound', description: 'Not found' };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  };

  const offsetPage = (url: URL, items: unknown[], what: string): unknown => {
    const number = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const size = Math.min(pageSize, Number(url.searchParams.get('per_page') ?? 30));
    const pageCount = Math.max(1, Math.ceil(items.length / size));
    const next = new URL(url.pathname, origin);
    next.searchParams.set('page', String(number + 1));
    next.searchParams.set('per_page', String(size));
    return {
      [what]: items.slice((number - 1) * size, number * size),
      page: number,
      previous_page: null,
      next_page: number < pageCount ? next.href : null,
      per_page: size,
      page_count: pageCount,
      count: items.length,
      sort_by: 'position',
      sort_order: 'asc',
    };
  };

  const listPage = (url: URL, locale: string, what: 'categories' | 'sections' | 'articles'): unknown => {
    const items = (data[what] as Array<{ locale: string }>).filter((item) => item.locale === locale);
    if (pagination === 'offset') return offsetPage(url, items, what);
    const size = Math.min(pageSize, Number(url.searchParams.get('page[size]') ?? 30));
    const after = Number(url.searchParams.get('page[after]') ?? 0);
    const page = items.slice(after, after + size);
    const hasMore = after + size < items.length;
    const next = new URL(url.pathname, origin);
    next.searchParams.set('page[size]', String(size));
    next.searchParams.set('page[after]', String(after + size));
    return {
      [what]: page,
      meta: { has_more: hasMore, after_cursor: hasMore ? String(after + size) : null, before_cursor: null },
      links: { first: null, last: null, next: hasMore ? next.href : null, prev: null },
    };
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', origin);
    requests.push(`${url.pathname}${url.search}`);
    for (const [suffix, list] of faults) {
      if (url.pathname.endsWith(suffix) && list.length > 0) {
        const fault = list.shift()!;
        return send(res, fault.status, fault.body ?? { error: `status ${fault.status}` }, fault.headers);
      }
    }
    const file = data.files?.[url.pathname];
    if (file) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.length) });
      res.end(file);
      return;
    }
    if (url.pathname === '/api/v2/help_center/locales.json') return send(res, 200, { locales: data.locales, default_locale: data.locales[0] });
    const attachments = ATTACHMENTS.exec(url.pathname);
    if (attachments) {
      const id = Number(attachments[2]);
      if (!data.articles.some((a) => a.id === id && a.locale === attachments[1])) return send(res, 404, notFound);
      // Zendesk names each file by its absolute address; fixtures may write the help center's own paths.
      const listed = (data.attachments ?? []).filter((a) => a.article_id === id).map((a) => ({ ...a, content_url: a.content_url.startsWith('/') ? `${origin}${a.content_url}` : a.content_url }));
      return send(res, 200, { article_attachments: listed });
    }
    const match = LIST.exec(url.pathname);
    if (!match || !data.locales.includes(match[1]!)) return send(res, 404, notFound);
    return send(res, 200, listPage(url, match[1]!, match[2] as 'categories' | 'sections' | 'articles'));
  };

  const server = createServer(handle);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    data,
    requests,
    fail(suffix, ...list) {
      faults.set(suffix, [...(faults.get(suffix) ?? []), ...list]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** An attachment record of `article` served at `contentUrl` (its size from `bytes`, or as given). */
export function zdAttachment(id: number, articleId: number, fileName: string, contentUrl: string, contentType: string, size: number, inline = false): ZdAttachment {
  return {
    id, url: `https://acme.zendesk.com/api/v2/help_center/articles/attachments/${id}`, article_id: articleId, file_name: fileName, content_url: contentUrl,
    content_type: contentType, size, inline, created_at: '2025-11-03T02:00:00Z', updated_at: '2025-11-03T02:00:00Z',
  };
}

/** A small bilingual help center: 2 categories, 3 sections (one nested), 7 articles per locale. */
export function sampleZendeskData(): ZendeskData {
  const categories: ZdCategory[] = [];
  const sections: ZdSection[] = [];
  const articles: ZdArticle[] = [];
  for (const locale of ['ko', 'en-us']) {
    const ko = locale === 'ko';
    categories.push({ id: 100, name: ko ? '톡플러스' : 'TalkPlus', position: 1, locale }, { id: 200, name: ko ? '톡페이' : 'TalkPay', position: 2, locale });
    sections.push(
      { id: 10, name: ko ? '친구' : 'Friends', category_id: 100, position: 1, locale },
      { id: 11, name: ko ? '차단' : 'Blocking', category_id: 100, parent_section_id: 10, position: 1, locale },
      { id: 20, name: ko ? '결제/환불' : 'Payments/Refunds', category_id: 200, position: 1, locale },
    );
    const article = (id: number, section: number, title: string, labels: string[], body: string): ZdArticle => ({
      id, title, body, locale, section_id: section, label_names: labels, updated_at: '2026-03-01T09:00:00Z', edited_at: '2026-03-02T10:00:00Z', draft: false, html_url: `https://example.zendesk.com/hc/${locale}/articles/${id}`,
    });
    articles.push(
      article(1001, 11, ko ? '안드로이드에서 친구 차단하기' : 'Block a friend on Android', ['platform:android', 'group:block-friend', ko ? '차단' : 'block'], `<p>${ko ? '친구를 길게 눌러 <strong>차단</strong>합니다.' : 'Long-press a friend and tap <strong>Block</strong>.'}</p><p><a href="/hc/${locale}/articles/1003-unblock">${ko ? '차단 해제' : 'Unblock'}</a></p>`),
      article(1002, 11, ko ? '아이폰에서 친구 차단하기' : 'Block a friend on iPhone', ['platform:iphone', 'group:block-friend'], '<p>Swipe left.</p><script>alert(1)</script>'),
      article(1003, 11, ko ? '차단 해제하기' : 'Unblock a friend', [], '<p>Settings → Friends → Blocked.</p>'),
      article(1004, 10, ko ? '친구 추가하기' : 'Add a friend', ['platform:mac'], '<p>Use the ID search.</p>'),
      article(1005, 10, ko ? 'QR코드로 친구 추가' : 'Add a friend with a QR code', ['platform:windows', 'qr'], '<p>Scan it.</p>'),
      article(1006, 20, ko ? '결제 취소하기' : 'Cancel a payment', ['platform:web'], '<p>Open TalkPay.</p>'),
      { ...article(1007, 20, ko ? '초안' : 'Draft', [], '<p>Not yet.</p>'), draft: true },
    );
  }
  return { locales: ['ko', 'en-us'], categories, sections, articles };
}

/** The files attached to wildZendeskData's first article. */
export const WILD_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const WILD_PDF_PATH = '/hc/article_attachments/9001/flight-manual.pdf';
export const WILD_PNG = pngBytes(40, 30, [20, 120, 60]);
export const WILD_PNG_PATH = '/hc/article_attachments/9002/controller-layout.png';

/**
 * A help center shaped like the ones found in the wild (field sets as the public API sends
 * them; the text is ours): en-us, ja and zh-tw; an article whose section is not listed and a
 * section whose category is not listed (deleted or restricted); a record of the wrong shape;
 * an article with an unusable title; links to articles that are not synced and to community
 * posts; protocol-relative and relative pictures; YouTube iframes and <video> elements.
 */
export function wildZendeskData(host = 'https://help.example.com'): ZendeskData {
  const stamp = { created_at: '2024-05-02T01:12:40Z', updated_at: '2026-02-11T07:40:03Z' };
  const categories: ZdCategory[] = [];
  const sections: ZdSection[] = [];
  const articles: ZdArticle[] = [];
  const category = (id: number, locale: string, name: string): ZdCategory => ({
    id, url: `https://acme.zendesk.com/api/v2/help_center/${locale}/categories/${id}.json`, html_url: `${host}/hc/${locale}/categories/${id}`, position: 0, ...stamp, name, description: '', locale, source_locale: 'en-us', outdated: false,
  });
  const section = (id: number, locale: string, categoryId: number, name: string): ZdSection => ({
    id, url: `https://acme.zendesk.com/api/v2/help_center/${locale}/sections/${id}.json`, html_url: `${host}/hc/${locale}/sections/${id}`, category_id: categoryId, position: 0, sorting: 'manual', ...stamp, name, description: '', locale, source_locale: 'en-us', outdated: false, parent_section_id: null, theme_template: 'section_page',
  });
  const article = (id: number, locale: string, sectionId: number, title: string, body: string, labels: string[] = []): ZdArticle => ({
    id, url: `https://acme.zendesk.com/api/v2/help_center/${locale}/articles/${id}.json`, html_url: `${host}/hc/${locale}/articles/${id}-${encodeURIComponent(title.slice(0, 20))}`,
    author_id: 364112233, comments_disabled: false, draft: false, promoted: false, position: 0, vote_sum: 0, vote_count: 0, section_id: sectionId, ...stamp,
    name: title, title, source_locale: 'en-us', locale, outdated: false, outdated_locales: [], edited_at: '2026-02-10T05:00:00Z', user_segment_id: null, permission_group_id: 1600, content_tag_ids: [], label_names: labels, body,
  });

  categories.push(category(300, 'en-us', 'Flying'));
  sections.push(section(30, 'en-us', 300, 'Getting started'), section(31, 'en-us', 999, 'Archived tips'));
  articles.push(
    article(5001, 'en-us', 30, 'Fly your first drone',
      '<p>Read <a href="/hc/en-us/articles/5002-Batteries">battery care</a> first, then <a href="/hc/en-us/articles/203660196-Legacy">the old guide</a>' +
        ' or ask in <a href="/hc/en-us/community/posts/360001">the community</a>. Never <a href="https://help.example.com/hc/en/articles/5003">in the rain</a>.</p>' +
        '<p><img src="//static.zdassets.invalid/hc/assets/default_avatar.png" alt="Zendesk"> <img src="/hc/article_attachments/77/takeoff.png" alt="Take-off"></p>' +
        '<p><iframe src="//www.youtube.com/embed/Xy12_ab?rel=0" width="560" height="315" frameborder="0" allowfullscreen></iframe></p>' +
        '<p><iframe src="https://player.vimeo.com/video/4242" title="Pre-flight checklist"></iframe></p>', ['platform:ios']),
    article(5002, 'en-us', 404, 'Battery care', '<p>Charge the battery before each flight.</p>'),
    article(5003, 'en-us', 31, 'Flying in the rain', '<p>Do not fly in heavy rain.</p>'),
    article(5004, 'en-us', 30, '   ', '<p>An article with no title.</p>'),
  );
  // A record of the wrong shape (no section_id), as a half-migrated export sends it.
  const broken = { ...article(5005, 'en-us', 30, 'Half an article', '<p>x</p>') } as Record<string, unknown>;
  delete broken.section_id;
  articles.push(broken as unknown as ZdArticle);

  categories.push(category(300, 'ja', '飛行'));
  sections.push(section(30, 'ja', 300, 'はじめに'));
  articles.push(
    article(5001, 'ja', 30, 'ドローンの初心者モード',
      '<p>初心者モードでは高度と速度が制限されます。GPS信号が弱いときは離陸できません。</p>' +
        '<video controls poster="/hc/poster.png"><source src="//cdn.example.com/videos/intro.mp4" type="video/mp4">お使いのブラウザは動画に対応していません。</video>'),
  );

  categories.push(category(300, 'zh-tw', '飛行'));
  sections.push(section(30, 'zh-tw', 300, '入門'));
  articles.push(
    article(5001, 'zh-tw', 30, '聯絡客服中心', '<p>如需協助，請聯絡我們的客服中心。</p><p>這篇文章介紹飛行前需要的基礎知識。</p>'),
  );
  // Files attached to the first article: a PDF and a picture listed under it, and the inline
  // picture its body already shows (not listed twice).
  const files = { [WILD_PDF_PATH]: WILD_PDF, [WILD_PNG_PATH]: WILD_PNG };
  const attachments = [
    zdAttachment(9001, 5001, 'Flight manual (EN).pdf', WILD_PDF_PATH, 'application/pdf', WILD_PDF.length),
    zdAttachment(9002, 5001, 'controller-layout.png', WILD_PNG_PATH, 'image/png', WILD_PNG.length),
    zdAttachment(77, 5001, 'takeoff.png', '/hc/article_attachments/77/takeoff.png', 'image/png', 2048, true),
  ];
  return { locales: ['en-us', 'ja', 'zh-tw'], categories, sections, articles, files, attachments };
}

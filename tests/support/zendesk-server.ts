/**
 * A Zendesk Guide-shaped API on 127.0.0.1: locales, and categories/sections/articles per
 * locale with cursor pagination (`page[size]`, `page[after]`, `meta.has_more`, `links.next`).
 * The server pages at most `pageSize` items whatever the client asks, so a small help center
 * spans several pages. Faults (429 + Retry-After, 500…) are queued per path like the feed
 * server's; the data may be changed between syncs.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ZdCategory { id: number; name: string; position: number; locale: string }
export interface ZdSection { id: number; name: string; category_id: number; parent_section_id?: number | null; position: number; locale: string }
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

export interface ZendeskData {
  locales: string[];
  categories: ZdCategory[];
  sections: ZdSection[];
  articles: ZdArticle[];
  /** Other files the help center serves by path, e.g. /hc/article_attachments/1/x.png. */
  files?: Record<string, Buffer>;
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

export async function startZendeskServer(data: ZendeskData, options: { pageSize?: number } = {}): Promise<ZendeskServer> {
  const pageSize = options.pageSize ?? 2;
  const faults = new Map<string, ZendeskFault[]>();
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let origin = '';

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
  };

  const listPage = (url: URL, locale: string, what: 'categories' | 'sections' | 'articles'): unknown => {
    const items = (data[what] as Array<{ locale: string }>).filter((item) => item.locale === locale);
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
    const match = LIST.exec(url.pathname);
    if (!match || !data.locales.includes(match[1]!)) return send(res, 404, { error: 'RecordNotFound' });
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

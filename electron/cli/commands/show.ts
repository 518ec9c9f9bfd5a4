/** `doum show <id>` and `doum stats`. */
import { PLATFORM_LABELS } from '../../../shared/platform';
import { RequestError } from '../../core/errors';
import { htmlToText } from '../../core/feed/html-text';
import type { CliOptions } from '../usage';
import { openForCli } from '../context';
import { noMorePositionals, printJson, printText, UsageError } from '../usage';

export async function showCommand(rest: string[], values: CliOptions): Promise<number> {
  const [id, ...extra] = rest;
  if (!id) throw new UsageError('show needs an article id');
  noMorePositionals(extra, 'show');
  const center = await openForCli({ db: values.db });
  try {
    const article = await center.service.getArticle(id);
    if (!article) throw new RequestError('not-found', 'article-not-found', `there is no article "${id}" in ${center.content.file}`, { id });
    const assets = center.content.articleAssets(article.id);
    if (values.json) {
      printJson({ ...article, assets });
      return 0;
    }
    const out = [
      article.title,
      `[${article.service}][${article.category}][${PLATFORM_LABELS[article.platform].ko}] · ${article.locale} · ${article.updatedAt}`,
      '',
      htmlToText(article.bodyHtml),
      '',
    ];
    if (article.variants.length > 1) out.push(`variants: ${article.variants.map((v) => `${v.id} (${v.platform})`).join(', ')}`);
    if (article.related.length) out.push(`related: ${article.related.map((r) => r.id).join(', ')}`);
    if (assets.length) out.push(`pictures: ${assets.map((a) => `${a.alt} (${a.type}, ${a.bytes} bytes)`).join(', ')}`);
    if (article.attachments.length) {
      out.push(`attachments: ${article.attachments.map((a) => `${a.fileName} (${a.type}, ${a.bytes} bytes${a.sha256 ? '' : `, not stored: ${a.sourceUrl}`})`).join(', ')}`);
    }
    printText(`${out.join('\n')}\n`);
    return 0;
  } finally {
    center.close();
  }
}

export async function statsCommand(rest: string[], values: CliOptions): Promise<number> {
  noMorePositionals(rest, 'stats');
  const center = await openForCli({ db: values.db });
  try {
    const stats = center.content.stats();
    const pictures = center.content.assetStats();
    const files = center.content.attachmentStats();
    const state = center.content.syncState();
    const result = {
      revision: state.revision,
      articles: stats.articles,
      groups: stats.groups,
      categories: stats.categories,
      locales: stats.locales,
      byLocale: stats.byLocale,
      assets: pictures.assets,
      assetBytes: pictures.assetBytes,
      /** Attached files stored (a file attached to several articles counts once), and their bytes. */
      attachments: files.attachments,
      attachmentBytes: files.attachmentBytes,
      lastSync: state.lastSuccessAt,
      lastAttempt: state.lastAttemptAt,
      /** Failed syncs since the last success. */
      failures: state.failures,
      source: state.source,
      lastError: state.lastError,
      file: center.content.file,
    };
    if (values.json) printJson(result);
    else {
      printText(
        [
          `file:       ${result.file}`,
          `source:     ${result.source ?? '-'}`,
          `revision:   ${result.revision ?? '-'}`,
          `articles:   ${result.articles} (${result.groups} topics, ${result.categories} top-level categories)`,
          ...Object.entries(result.byLocale).map(([locale, c]) => `  ${locale.padEnd(8)}  ${c.articles} articles, ${c.topics} topics, ${c.categories} categories`),
          `pictures:   ${result.assets} (${(result.assetBytes / 1024).toFixed(1)} KB)`,
          `attachments: ${result.attachments} (${(result.attachmentBytes / 1024).toFixed(1)} KB)`,
          `last sync:  ${result.lastSync ?? 'never'}`,
          ...(result.lastError ? [`last error: ${result.lastError.message} (${result.lastError.at}${result.failures > 1 ? `, ${result.failures} failed attempts in a row` : ''})`] : []),
        ].join('\n') + '\n',
      );
    }
    return 0;
  } finally {
    center.close();
  }
}

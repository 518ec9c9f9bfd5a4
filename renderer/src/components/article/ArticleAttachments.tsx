/**
 * The files attached to an article, under its body: name, size and kind of each. A stored file
 * is a download link to the app's own `/assets/<sha256>` (token-checked in the preview, the
 * doum-app: scheme in Electron, which saves it through a save dialog — electron/main/downloads.ts);
 * one that could not be stored links to its address on the help center, opened outside.
 */
import { SHA256_HEX, assetUrl } from '../../../../shared/assets';
import { fileKindLabel, formatFileSize } from '../../../../shared/attachments';
import type { ArticleAttachment } from '../../../../shared/types';
import { useT } from '../../i18n/use-translation';
import { openOutside } from '../../lib/open-external';
import { useApp } from '../../state/app';
import { useToast } from '../../state/toast';
import { Icon } from '../Icon';

const HEADING_ID = 'attachments-heading';

function Details({ attachment }: { attachment: ArticleAttachment }) {
  const kind = fileKindLabel(attachment.type, attachment.fileName);
  return (
    <>
      <span className="attachment-name">{attachment.fileName}</span>
      <span className="attachment-meta">{[attachment.bytes > 0 ? formatFileSize(attachment.bytes) : null, kind || null].filter(Boolean).join(' · ')}</span>
    </>
  );
}

function SourceLink({ attachment }: { attachment: ArticleAttachment }) {
  const t = useT();
  const transport = useApp((s) => s.info?.transport);
  const toast = useToast((s) => s.show);
  const onClick = (event: React.MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    void openOutside(attachment.sourceUrl, transport).then((opened) => {
      if (!opened) toast(t('article.linkRefused'));
    });
  };
  return (
    <a className="attachment-link" href={attachment.sourceUrl} onClick={onClick}>
      <Icon name="external" />
      <Details attachment={attachment} />
      <span className="attachment-note">{t('attachments.atSource')}</span>
    </a>
  );
}

export function ArticleAttachments({ attachments }: { attachments: readonly ArticleAttachment[] }) {
  const t = useT();
  // The API's answer is checked by the core; a link is still only made from what it must look like.
  const shown = attachments.filter((a) => (a.sha256 !== null && SHA256_HEX.test(a.sha256)) || /^https?:\/\//i.test(a.sourceUrl));
  if (shown.length === 0) return null;
  return (
    <section className="attachments" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID}>{t('attachments.title')}</h2>
      <ul className="attachment-list">
        {shown.map((attachment, i) => (
          <li key={`${i}-${attachment.fileName}`}>
            {attachment.sha256 !== null && SHA256_HEX.test(attachment.sha256) ? (
              <a className="attachment-link" href={assetUrl(attachment.sha256)} download={attachment.fileName}>
                <Icon name="download" />
                <Details attachment={attachment} />
              </a>
            ) : (
              <SourceLink attachment={attachment} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

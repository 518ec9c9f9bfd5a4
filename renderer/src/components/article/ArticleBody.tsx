/**
 * Article HTML, prepared by lib/sanitize (sanitized once more, headings anchored, pictures
 * made buttons). Article links (`doum://article/<id>`) open inside the app, offline; other
 * links leave only through the checked openExternal (in the browser preview the page then
 * opens the URL itself, after the core's check passed). A picture opens the picture viewer
 * (click, Enter or Space), and focus comes back to the picture last shown when it closes.
 */
import { forwardRef, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-translation';
import { openOutside } from '../../lib/open-external';
import { PICTURE_ATTRIBUTE } from '../../lib/sanitize';
import { ARTICLE_HREF } from '../../../../shared/ids';
import { useApp } from '../../state/app';
import { useRouter } from '../../state/router';
import { useToast } from '../../state/toast';
import { PictureViewer, type Picture } from './PictureViewer';

function numberAttribute(image: HTMLImageElement, name: string): number | null {
  const value = Number(image.getAttribute(name));
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** The article's pictures, in order, as the viewer shows them. */
function picturesIn(body: HTMLElement): Picture[] {
  return [...body.querySelectorAll<HTMLImageElement>(`[${PICTURE_ATTRIBUTE}] img`)].map((image) => ({
    src: image.currentSrc || image.src,
    alt: image.alt,
    width: numberAttribute(image, 'width'),
    height: numberAttribute(image, 'height'),
  }));
}

export const ArticleBody = forwardRef<HTMLDivElement, { html: string }>(function ArticleBody({ html }, forwarded) {
  const t = useT();
  const navigate = useRouter((s) => s.navigate);
  const transport = useApp((s) => s.info?.transport);
  const toast = useToast((s) => s.show);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  const [viewer, setViewer] = useState<{ pictures: Picture[]; index: number } | null>(null);
  const returnTo = useRef<number | null>(null);

  // Closed: focus goes back to the picture that was shown last.
  useEffect(() => {
    if (viewer || returnTo.current === null) return;
    bodyRef.current?.querySelector<HTMLElement>(`[${PICTURE_ATTRIBUTE}="${returnTo.current}"]`)?.focus();
    returnTo.current = null;
  }, [viewer]);

  const onClick = (event: React.MouseEvent<HTMLDivElement>): void => {
    const target = event.target as HTMLElement;
    const picture = target.closest<HTMLElement>(`[${PICTURE_ATTRIBUTE}]`);
    if (picture && bodyRef.current) {
      setViewer({ pictures: picturesIn(bodyRef.current), index: Number(picture.getAttribute(PICTURE_ATTRIBUTE)) });
      return;
    }
    const anchor = target.closest('a');
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href');
    if (!href) return;
    const article = ARTICLE_HREF.exec(href);
    if (article) {
      navigate({ name: 'article', id: article[1]! });
      return;
    }
    void openOutside(href, transport).then((opened) => {
      if (!opened) toast(t('article.linkRefused'));
    });
  };

  const setRefs = (element: HTMLDivElement | null): void => {
    bodyRef.current = element;
    if (typeof forwarded === 'function') forwarded(element);
    else if (forwarded) forwarded.current = element;
  };

  return (
    <>
      {/* The body is sanitized (DOMPurify, lib/sanitize), on top of the core's sanitizing. */}
      <div ref={setRefs} className="article-body" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
      {viewer && (
        <PictureViewer
          pictures={viewer.pictures}
          index={viewer.index}
          onIndex={(index) => setViewer({ ...viewer, index })}
          onClose={() => {
            returnTo.current = viewer.index;
            setViewer(null);
          }}
        />
      )}
    </>
  );
});

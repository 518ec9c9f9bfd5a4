/**
 * The picture viewer: one of the article's pictures, large, in a modal dialog. The alt text
 * is the caption; + − 0 and the wheel zoom (from "fit the window" up to four times that),
 * ← → move between the article's pictures, Esc closes. A zoomed picture is dragged to pan.
 * The article body owns where focus goes back to.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-translation';
import { Icon } from '../Icon';

export interface Picture {
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
}

/** Zoom steps, relative to the picture fitted in the frame. */
const ZOOM_STEPS = [1, 1.5, 2, 3, 4] as const;

interface Size {
  width: number;
  height: number;
}

/** The picture's size fitted in the frame: never larger than the frame, never upscaled past 2×. */
function fittedSize(natural: Size, frame: Size): Size {
  const scale = Math.min(frame.width / natural.width, frame.height / natural.height, 2);
  return { width: Math.max(1, Math.floor(natural.width * scale)), height: Math.max(1, Math.floor(natural.height * scale)) };
}

/**
 * Tab and Shift+Tab go round the viewer's controls: a modal dialog would otherwise let focus
 * leave for the browser's own UI (or, in the app, for nowhere).
 */
function keepFocusInside(event: React.KeyboardEvent<HTMLDialogElement>): void {
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled), [tabindex="0"]')];
  if (controls.length === 0) return;
  const first = controls[0]!;
  const last = controls[controls.length - 1]!;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !controls.includes(active as HTMLElement))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !controls.includes(active as HTMLElement))) {
    event.preventDefault();
    first.focus();
  }
}

export function PictureViewer({ pictures, index, onIndex, onClose }: { pictures: readonly Picture[]; index: number; onIndex: (index: number) => void; onClose: () => void }) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const captionId = useId();
  // Zoom and loaded size belong to one picture: another one starts fitted, sized by its attributes.
  const [zoomOf, setZoomOf] = useState<{ index: number; step: number }>({ index, step: 0 });
  const [loaded, setLoaded] = useState<{ src: string; size: Size } | null>(null);
  const [frame, setFrame] = useState<Size | null>(null);
  const picture = pictures[index]!;
  const many = pictures.length > 1;

  // Opening: a modal dialog (the page behind is inert), focus on its first control.
  useLayoutEffect(() => {
    const dialog = dialogRef.current!;
    if (!dialog.open) dialog.showModal();
    closeRef.current?.focus();
    return () => dialog.close();
  }, []);

  const step = zoomOf.index === index ? zoomOf.step : 0;
  const natural = loaded?.src === picture.src ? loaded.size : picture.width && picture.height ? { width: picture.width, height: picture.height } : null;

  useLayoutEffect(() => {
    const element = frameRef.current!;
    const measure = (): void => setFrame({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const zoom = useCallback(
    (direction: 1 | -1 | 0) => {
      setZoomOf((current) => {
        const from = current.index === index ? current.step : 0;
        return { index, step: direction === 0 ? 0 : Math.min(ZOOM_STEPS.length - 1, Math.max(0, from + direction)) };
      });
    },
    [index],
  );
  const move = (by: 1 | -1): void => {
    if (many) onIndex((index + by + pictures.length) % pictures.length);
  };

  // The wheel zooms; it must be able to cancel the scroll, so the listener is not passive.
  useEffect(() => {
    const element = frameRef.current!;
    const onWheel = (event: WheelEvent): void => {
      if (event.deltaY === 0) return;
      event.preventDefault();
      zoom(event.deltaY < 0 ? 1 : -1);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [zoom]);

  // Each zoom step keeps the middle of the picture in the middle of the frame.
  useLayoutEffect(() => {
    const element = frameRef.current!;
    element.scrollLeft = (element.scrollWidth - element.clientWidth) / 2;
    element.scrollTop = (element.scrollHeight - element.clientHeight) / 2;
  }, [step, index]);

  // A zoomed picture is dragged to see its other parts (the wheel zooms, so it cannot scroll).
  const drag = useRef<{ x: number; y: number } | null>(null);
  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>): void => {
    if (step === 0 || event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY };
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: React.PointerEvent<HTMLDivElement>): void => {
    if (!drag.current) return;
    event.currentTarget.scrollBy(drag.current.x - event.clientX, drag.current.y - event.clientY);
    drag.current = { x: event.clientX, y: event.clientY };
  };
  const endDrag = (): void => {
    drag.current = null;
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key === 'Tab') {
      keepFocusInside(event);
      return;
    }
    if (event.nativeEvent.isComposing || event.metaKey || event.ctrlKey || event.altKey) return;
    const keys: Record<string, () => void> = {
      Escape: onClose,
      '+': () => zoom(1),
      '=': () => zoom(1),
      '-': () => zoom(-1),
      '−': () => zoom(-1),
      '0': () => zoom(0),
      ArrowRight: () => move(1),
      ArrowLeft: () => move(-1),
    };
    const action = keys[event.key];
    if (!action) return;
    // Handled here: the app's own Esc (go back) and the page's scrolling must not see it.
    event.preventDefault();
    event.stopPropagation();
    action();
  };

  const scale = ZOOM_STEPS[step]!;
  const fitted = natural && frame ? fittedSize(natural, frame) : null;
  const size = fitted ? { width: Math.round(fitted.width * scale), height: Math.round(fitted.height * scale) } : undefined;
  const percent = Math.round(scale * 100);

  return (
    <dialog
      ref={dialogRef}
      className="picture-viewer"
      aria-label={t('viewer.title')}
      aria-describedby={picture.alt ? captionId : undefined}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="viewer-bar" role="toolbar" aria-label={t('viewer.tools')}>
        {many && (
          <>
            <button type="button" className="tool-button icon-only" aria-label={t('viewer.previous')} title={t('viewer.previous')} onClick={() => move(-1)}>
              <Icon name="chevronLeft" />
            </button>
            <span className="viewer-position">{t('viewer.position', { current: index + 1, total: pictures.length })}</span>
            <button type="button" className="tool-button icon-only" aria-label={t('viewer.next')} title={t('viewer.next')} onClick={() => move(1)}>
              <Icon name="chevronRight" />
            </button>
          </>
        )}
        <span className="viewer-spacer" />
        <button type="button" className="tool-button icon-only" aria-label={t('viewer.zoomOut')} title={t('viewer.zoomOut')} disabled={step === 0} onClick={() => zoom(-1)}>
          <Icon name="zoomOut" />
        </button>
        <button type="button" className="tool-button viewer-zoom" aria-label={t('viewer.zoomReset', { percent })} title={t('viewer.zoomResetHint')} onClick={() => zoom(0)}>
          {percent}%
        </button>
        <button type="button" className="tool-button icon-only" aria-label={t('viewer.zoomIn')} title={t('viewer.zoomIn')} disabled={step === ZOOM_STEPS.length - 1} onClick={() => zoom(1)}>
          <Icon name="zoomIn" />
        </button>
        <button ref={closeRef} type="button" className="tool-button icon-only" aria-label={t('viewer.close')} title={t('viewer.close')} onClick={onClose}>
          <Icon name="close" />
        </button>
      </div>
      <figure className="viewer-figure">
        <div
          ref={frameRef}
          className={step > 0 ? 'viewer-frame is-zoomed' : 'viewer-frame'}
          data-zoom={scale}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
        >
          <img
            key={picture.src + String(index)}
            className="viewer-image"
            draggable={false}
            src={picture.src}
            alt={picture.alt}
            style={size}
            onLoad={(event) => {
              const image = event.currentTarget;
              if (image.naturalWidth > 0) setLoaded({ src: picture.src, size: { width: image.naturalWidth, height: image.naturalHeight } });
            }}
          />
        </div>
        {picture.alt && (
          <figcaption id={captionId} className="viewer-caption">
            {picture.alt}
          </figcaption>
        )}
      </figure>
    </dialog>
  );
}

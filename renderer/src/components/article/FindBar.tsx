/**
 * Find in the article (Ctrl/⌘+F): every match highlighted, the current one more strongly and
 * scrolled to, "3/12" announced. Matching ignores case and Unicode normalisation (NFC), so
 * Hangul typed as separate jamo finds the composed syllables. Enter / F3 go to the next
 * match, Shift+Enter / Shift+F3 to the previous; Esc closes the bar — and does nothing else —
 * and gives focus back to where it was.
 */
import { useEffect, useEffectEvent, useRef, useState, type RefObject } from 'react';
import { focusViewTitle, MAIN_ID } from '../../app/focus';
import { useT } from '../../i18n/use-translation';
import { findRanges, paintHighlight, readText } from '../../lib/text-find';
import { useReading } from '../../state/reading';
import { Icon } from '../Icon';

export const FIND_HIGHLIGHT = 'doum-find';
export const FIND_CURRENT_HIGHLIGHT = 'doum-find-current';

function scrollToRange(range: Range): void {
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest' });
}

export function FindBar({ bodyRef, html }: { bodyRef: RefObject<HTMLElement | null>; html: string }) {
  const t = useT();
  const text = useReading((s) => s.findText);
  const requests = useReading((s) => s.findRequests);
  const setText = useReading((s) => s.setFindText);
  const close = useReading((s) => s.closeFind);
  const inputRef = useRef<HTMLInputElement>(null);
  const cameFrom = useRef<Element | null>(null);
  const [matches, setMatches] = useState<Range[]>([]);
  const [current, setCurrent] = useState(0);

  // Each Ctrl/⌘+F: focus the field with its text selected, remembering where focus was.
  useEffect(() => {
    const active = document.activeElement;
    if (active && active !== inputRef.current && active !== document.body) cameFrom.current = active;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [requests]);

  // The matches, whenever the text or the article changes.
  useEffect(() => {
    const body = bodyRef.current;
    const found = body && text.trim() ? findRanges(readText(body), text) : [];
    setMatches(found);
    setCurrent(0);
  }, [bodyRef, text, html]);

  useEffect(() => {
    paintHighlight(FIND_HIGHLIGHT, matches);
    const active = matches[current];
    paintHighlight(FIND_CURRENT_HIGHLIGHT, active ? [active] : []);
    if (active) scrollToRange(active);
  }, [matches, current]);

  useEffect(
    () => () => {
      paintHighlight(FIND_HIGHLIGHT, []);
      paintHighlight(FIND_CURRENT_HIGHLIGHT, []);
    },
    [],
  );

  const step = (by: 1 | -1): void => {
    if (matches.length > 0) setCurrent((at) => (at + by + matches.length) % matches.length);
  };

  const finish = (): void => {
    close();
    const back = cameFrom.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    else focusViewTitle();
  };

  // F3 anywhere, and Esc anywhere outside a dialog, belong to the find bar while it is open
  // (caught before the app's keyboard map, whose Esc would go back).
  const onWindowKeyDown = useEffectEvent((event: KeyboardEvent): void => {
    if (event.isComposing || event.defaultPrevented) return;
    // Not inside a dialog (the picture viewer has its own Esc), nor in the title bar's search.
    if (event.target instanceof Element && (event.target.closest('dialog') || !(event.target === document.body || event.target.closest(`#${MAIN_ID}`)))) return;
    const plain = !event.metaKey && !event.ctrlKey && !event.altKey;
    if (event.key === 'F3' && plain) {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && plain && !event.shiftKey) {
      event.preventDefault();
      event.stopPropagation();
      finish();
    }
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent): void => onWindowKeyDown(event);
    window.addEventListener('keydown', listener, true);
    return () => window.removeEventListener('keydown', listener, true);
  }, []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    step(event.shiftKey ? -1 : 1);
  };

  const hasText = text.trim() !== '';
  const status = !hasText ? '' : matches.length === 0 ? t('find.none') : t('find.count', { current: current + 1, total: matches.length });
  return (
    <div className="find-bar" role="search" aria-label={t('find.title')}>
      <Icon name="search" className="find-icon" />
      <input
        ref={inputRef}
        type="text"
        className="find-input"
        aria-label={t('find.label')}
        placeholder={t('find.placeholder')}
        value={text}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <output className={matches.length === 0 && hasText ? 'find-count is-none' : 'find-count'} aria-live="polite" aria-atomic="true">
        {status}
      </output>
      <button type="button" className="tool-button icon-only" aria-label={t('find.previous')} title={t('find.previousHint')} disabled={matches.length === 0} onClick={() => step(-1)}>
        <Icon name="chevronUp" />
      </button>
      <button type="button" className="tool-button icon-only" aria-label={t('find.next')} title={t('find.nextHint')} disabled={matches.length === 0} onClick={() => step(1)}>
        <Icon name="chevronDown" />
      </button>
      <button type="button" className="tool-button icon-only" aria-label={t('find.close')} title={t('find.closeHint')} onClick={finish}>
        <Icon name="close" />
      </button>
    </div>
  );
}

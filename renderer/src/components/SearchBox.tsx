/**
 * The search field in the title bar, on every view. Typing updates the query at once and
 * shows the results view; suggestions (article titles) drop down below it.
 *
 * Keys: ↓/↑ choose a suggestion (or, with none shown, ↓ goes to the results), Enter opens
 * the chosen suggestion or goes to the first result. Esc closes the suggestions, then clears
 * the text, then leaves the search (the results go back to where people came from; on any
 * other view the focus goes back to where it was).
 */
import { useId, useRef, useState } from 'react';
import { focusResult, returnFocusFromSearch, SEARCH_INPUT_ID } from '../app/focus';
import { useT } from '../i18n/use-translation';
import { usePlatformLabel } from '../platform/labels';
import { shortcutLabel } from '../platform/shortcuts';
import { useApp } from '../state/app';
import { canGoBack, useRouter } from '../state/router';
import { useSearch } from '../state/search';
import { Highlight } from './Highlight';
import { Icon } from './Icon';

export function SearchBox() {
  const t = useT();
  const platformLabel = usePlatformLabel();
  const hostOs = useApp((s) => s.hostOs);
  const query = useSearch((s) => s.query);
  const setQuery = useSearch((s) => s.setQuery);
  const sort = useSearch((s) => s.sort);
  const category = useSearch((s) => s.category);
  const platform = useSearch((s) => s.platform);
  const suggestions = useSearch((s) => s.suggestions);
  const rememberOpened = useSearch((s) => s.rememberOpened);
  const settle = useSearch((s) => s.settle);
  const navigate = useRouter((s) => s.navigate);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [focused, setFocused] = useState(false);
  const composing = useRef(false);
  const listId = useId();

  const shown = open && query.trim() !== '' && suggestions.length > 0;
  const activeId = shown && active >= 0 && active < suggestions.length ? `${listId}-${active}` : undefined;

  const openArticle = (id: string): void => {
    setOpen(false);
    setActive(-1);
    rememberOpened(id);
    navigate({ name: 'article', id });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.nativeEvent.isComposing || composing.current) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (shown) setActive((i) => Math.min(i + 1, suggestions.length - 1));
        else if (useRouter.getState().route.name === 'search') focusResult();
        break;
      case 'ArrowUp':
        if (shown) {
          event.preventDefault();
          setActive((i) => Math.max(i - 1, -1));
        }
        break;
      case 'Enter': {
        event.preventDefault();
        const chosen = shown && active >= 0 ? suggestions[active] : undefined;
        if (chosen) openArticle(chosen.id);
        else {
          setOpen(false);
          settle();
          focusResult();
        }
        break;
      }
      case 'Escape': {
        // Never let the browser clear the field. Esc closes what is open, innermost first:
        // the suggestions, then the text, then the search itself — and never leaves an article.
        event.preventDefault();
        event.stopPropagation();
        if (shown) {
          setOpen(false);
          setActive(-1);
          break;
        }
        const router = useRouter.getState();
        const onResults = router.route.name === 'search';
        if (query !== '') {
          // On the results the empty query shows the search prompt; elsewhere the view stays.
          if (onResults) setQuery('');
          else useSearch.getState().apply({ query: '', sort, category, platform });
          break;
        }
        if (onResults) {
          if (canGoBack(router)) router.back();
          else navigate({ name: 'home' });
          break;
        }
        returnFocusFromSearch();
        break;
      }
      default:
        break;
    }
  };

  return (
    <form role="search" className="search-box" onSubmit={(event) => event.preventDefault()}>
      <Icon name="search" className="search-icon" />
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        value={query}
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        // An ARIA 1.2 combobox: the field owns the suggestion list it opens and names the
        // suggestion the arrow keys chose, so a screen reader announces it while focus stays here.
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={activeId}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={() => (composing.current = false)}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setFocused(true);
          setOpen(true);
        }}
        onBlur={() => {
          setFocused(false);
          setOpen(false);
          setActive(-1);
        }}
      />
      {!focused && query === '' && (
        <kbd className="search-shortcut" aria-hidden="true">
          {shortcutLabel('focusSearch', hostOs)}
        </kbd>
      )}
      {/* Always in the page (hidden when closed), so aria-controls always names a real element. */}
      <ul id={listId} role="listbox" className="suggestions" aria-label={t('search.suggestions')} hidden={!shown}>
        {shown &&
          suggestions.map((s, i) => (
            <li
              key={s.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="suggestion"
              // Keep the focus in the field: the click opens the article.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(i)}
              onClick={() => openArticle(s.id)}
            >
              <Icon name="search" className="suggestion-icon" />
              <span className="suggestion-title">
                <Highlight text={s.title} ranges={s.titleRanges} />
              </span>
              <span className="suggestion-platform">{platformLabel(s.platform)}</span>
            </li>
          ))}
      </ul>
    </form>
  );
}

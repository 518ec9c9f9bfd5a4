/** Moving focus to the places the keyboard map and route changes aim at. */
export const SEARCH_INPUT_ID = 'search-input';
export const VIEW_TITLE_ID = 'view-title';
export const MAIN_ID = 'main';

/** Where the focus was before the search field took it, to give it back on leaving search. */
let beforeSearch: HTMLElement | null = null;

export function focusSearch(select = true): void {
  const input = document.getElementById(SEARCH_INPUT_ID) as HTMLInputElement | null;
  if (!input) return;
  const previous = document.activeElement;
  if (previous instanceof HTMLElement && previous !== input && previous !== document.body) beforeSearch = previous;
  input.focus();
  if (select) input.select();
}

/**
 * Leaves the search field for where the focus was before it (when that is still on screen),
 * else the view's heading. Returns false when neither exists.
 */
export function returnFocusFromSearch(): boolean {
  const target = beforeSearch;
  beforeSearch = null;
  if (target?.isConnected) {
    target.focus({ preventScroll: true });
    return true;
  }
  return focusViewTitle();
}

export function focusViewTitle(): boolean {
  const title = document.getElementById(VIEW_TITLE_ID);
  if (!title) return false;
  title.focus({ preventScroll: true });
  return true;
}

export function resultLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('.results .result-link')];
}

/** Focuses a search result: the first, or the one showing an article id. */
export function focusResult(id?: string | null): boolean {
  const links = resultLinks();
  const target = (id && links.find((a) => a.dataset.id === id)) || (id ? null : links[0]);
  if (!target) return false;
  target.focus();
  return true;
}

export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type);
}

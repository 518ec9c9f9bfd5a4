/**
 * What happens when a view has arrived (its content is on screen) after a route change:
 * the scroll position (top for a new entry, where it was for back/forward) and the focus
 * (the view's heading, so screen readers announce where they are; the search field at start
 * and while typing; the result people opened, when they come back to the results).
 */
import { useLayoutEffect } from 'react';
import { routeToHash, savedScroll, useRouter } from '../state/router';
import { useSearch } from '../state/search';
import { focusResult, focusSearch, focusViewTitle, MAIN_ID } from './focus';

let arrivedAt: string | null = null;

function arrive(): void {
  const { route, index, via } = useRouter.getState();
  const key = `${index}|${routeToHash(route)}`;
  if (key === arrivedAt) return;
  const first = arrivedAt === null;
  arrivedAt = key;
  const scroller = document.getElementById(MAIN_ID);
  if (scroller && via !== 'replace') scroller.scrollTop = via === 'pop' ? savedScroll(index) : 0;
  if (via === 'replace') return;
  if (first || via === 'start') {
    if (route.name === 'home' || route.name === 'search') focusSearch(false);
    else focusViewTitle();
    return;
  }
  if (route.name === 'search') {
    // Typing into the search field pushes the results view: leave the focus where it is.
    if (via === 'pop' && !focusResult(useSearch.getState().lastOpened)) focusSearch(false);
    return;
  }
  focusViewTitle();
}

/** Call in every view with whether its content is ready. */
export function useArrival(ready: boolean): void {
  useLayoutEffect(() => {
    if (ready) arrive();
  });
}

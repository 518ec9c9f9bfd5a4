/**
 * Ctrl/⌘+F, from the page's keyboard map or from the Electron menu: the find bar in an open
 * article; on any other view, the search field (which is how those views are searched).
 */
import { useReading } from '../state/reading';
import { useRouter } from '../state/router';
import { focusSearch } from './focus';

export function openFind(): void {
  if (useRouter.getState().route.name === 'article') useReading.getState().openFind();
  else focusSearch();
}

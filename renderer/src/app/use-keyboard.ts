/**
 * The app-wide keyboard map (components handle their own keys first and mark them handled):
 *
 *   ⌘K / Ctrl+K, or /       search
 *   ⌘F / Ctrl+F              find in the open article (elsewhere: search)
 *   ⌘[ ⌘] / Alt+← Alt+→     back, forward
 *   Esc                      back, except on an article (the search field and lists close first)
 *   ⌘+ ⌘− ⌘0 / Ctrl+…       text size larger, smaller, default
 *   ⌘, / Ctrl+,             settings
 *   ⌘D / Ctrl+D              bookmark the open article
 *   ⌘P / Ctrl+P              print the open article
 */
import { useEffect } from 'react';
import { commandFor, type Command } from '../platform/shortcuts';
import { useApp } from '../state/app';
import { bookmarksData, isBookmarked, setBookmarked } from '../state/data';
import { canGoBack, useRouter } from '../state/router';
import { useSettings } from '../state/settings';
import { useToast } from '../state/toast';
import { translate } from '../i18n';
import { uiLanguage } from '../state/language';
import { openFind } from './find-command';
import { focusSearch, isEditable } from './focus';

function run(command: Command): boolean {
  const router = useRouter.getState();
  switch (command) {
    case 'focusSearch':
      focusSearch();
      return true;
    case 'find':
      openFind();
      return true;
    case 'back':
      router.back();
      return true;
    case 'forward':
      router.forward();
      return true;
    case 'textLarger':
      useSettings.getState().changeTextScale(1);
      return true;
    case 'textSmaller':
      useSettings.getState().changeTextScale(-1);
      return true;
    case 'textReset':
      useSettings.getState().changeTextScale(0);
      return true;
    case 'settings':
      router.navigate({ name: 'settings' });
      return true;
    case 'bookmark': {
      const route = router.route;
      if (route.name !== 'article') return false;
      const next = !isBookmarked(bookmarksData.read('bookmarks').data, route.id);
      void setBookmarked(route.id, next).then((ok) => ok && useToast.getState().show(translate(uiLanguage(), next ? 'article.bookmarkAdded' : 'article.bookmarkRemoved')));
      return true;
    }
    case 'print':
      if (router.route.name !== 'article') return false;
      window.print();
      return true;
  }
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return;
  const command = commandFor(event, useApp.getState().hostOs);
  if (command) {
    if (run(command)) event.preventDefault();
    return;
  }
  if (event.key === 'Escape' && !event.altKey && !event.metaKey && !event.ctrlKey && !event.shiftKey) {
    if (isEditable(event.target)) return;
    const router = useRouter.getState();
    // Esc closes things; it never takes a reader away from the article they are reading.
    if (router.route.name === 'home' || router.route.name === 'article') return;
    event.preventDefault();
    if (canGoBack(router)) router.back();
    else router.navigate({ name: 'home' });
    return;
  }
  if (event.key === '/' && !event.metaKey && !event.ctrlKey && !event.altKey && !isEditable(event.target)) {
    event.preventDefault();
    focusSearch();
  }
}

export function useKeyboard(): void {
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/**
 * What jsdom lacks and the renderer uses: `matchMedia` (colour scheme, reduced motion, wide
 * window). Answers "no match" and never changes, like a plain light desktop window; a test
 * that needs another answer passes its own window (see followSystemColorScheme).
 */
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      media: query,
      matches: false,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

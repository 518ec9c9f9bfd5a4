/** `const t = useT()` in components: strings in the current UI language. */
import { useCallback } from 'react';
import { useApp } from '../state/app';
import { translate, type MessageKey } from '.';

export function useT(): (key: MessageKey, params?: Record<string, string | number>) => string {
  const language = useApp((s) => s.language);
  return useCallback((key, params) => translate(language, key, params), [language]);
}

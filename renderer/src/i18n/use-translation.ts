/** `const t = useT()` in components: strings in the current UI language. */
import { useCallback } from 'react';
import { useLanguage } from '../state/language';
import { translate, type MessageKey, type MessageParams } from '.';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function useT(): Translate {
  const language = useLanguage();
  return useCallback((key, params) => translate(language, key, params), [language]);
}

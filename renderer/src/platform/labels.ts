/** Platform names in the UI language (product names stay as they are; 공통/Common, 웹/Web). */
import { useCallback } from 'react';
import { PLATFORM_LABELS, type Platform } from '../../../shared/platform';
import { useLanguage } from '../state/language';

export function usePlatformLabel(): (platform: Platform) => string {
  const language = useLanguage();
  return useCallback((platform) => PLATFORM_LABELS[platform][language], [language]);
}

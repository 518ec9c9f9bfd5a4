/**
 * Platform words in a query (맥, 윈도우, 아이폰, android…) say which platform's article a
 * person wants; they are a preference, not terms every result must contain.
 */
import type { Platform } from '../../../shared/platform';

const PLATFORM_WORDS: ReadonlyMap<string, Platform> = new Map<string, Platform>([
  ['맥', 'macos'], ['맥북', 'macos'], ['아이맥', 'macos'], ['맥os', 'macos'], ['mac', 'macos'], ['macos', 'macos'], ['macbook', 'macos'], ['osx', 'macos'],
  ['윈도우', 'windows'], ['윈도', 'windows'], ['윈도우즈', 'windows'], ['windows', 'windows'],
  ['아이폰', 'ios'], ['아이패드', 'ios'], ['iphone', 'ios'], ['ipad', 'ios'], ['ios', 'ios'],
  ['갤럭시', 'android'], ['안드로이드', 'android'], ['android', 'android'],
  ['리눅스', 'linux'], ['우분투', 'linux'], ['linux', 'linux'], ['ubuntu', 'linux'],
]);

/** The platform a word names (give the surface form and, for Korean, the stem too). */
export function platformOfWord(...forms: string[]): Platform | null {
  for (const form of forms) {
    const platform = PLATFORM_WORDS.get(form);
    if (platform) return platform;
  }
  return null;
}

/** Every word that names the platform (맥 → mac, macos, 맥북…), to score articles that mention it. */
export function wordsForPlatform(platform: Platform): string[] {
  return [...PLATFORM_WORDS].filter(([, p]) => p === platform).map(([word]) => word);
}

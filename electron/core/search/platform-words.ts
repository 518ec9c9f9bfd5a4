/**
 * Platform words in a query (맥, 윈도우, 아이폰, 갤럭시, PC, 웹…) say which platform's article a
 * person wants; they are a preference, not terms every result must contain.
 *
 * PC, 컴퓨터, 노트북 and 데스크톱 name the desktop, not one OS: they pick the desktop OS the
 * app runs on (elsewhere Windows, the desktop most Korean users mean by PC).
 */
import type { Platform } from '../../../shared/platform';

export type PlatformWord = Platform | 'desktop';

const PLATFORM_WORDS: ReadonlyMap<string, PlatformWord> = new Map<string, PlatformWord>([
  ['맥', 'macos'], ['맥북', 'macos'], ['아이맥', 'macos'], ['맥os', 'macos'], ['맥북에어', 'macos'], ['맥북프로', 'macos'], ['맥미니', 'macos'], ['mac', 'macos'], ['macos', 'macos'], ['macbook', 'macos'], ['imac', 'macos'], ['osx', 'macos'],
  ['윈도우', 'windows'], ['윈도', 'windows'], ['윈도우즈', 'windows'], ['윈도즈', 'windows'], ['windows', 'windows'], ['win', 'windows'],
  ['아이폰', 'ios'], ['아이패드', 'ios'], ['iphone', 'ios'], ['ipad', 'ios'], ['ios', 'ios'], ['ipados', 'ios'],
  ['갤럭시', 'android'], ['안드로이드', 'android'], ['갤탭', 'android'], ['android', 'android'], ['galaxy', 'android'],
  ['리눅스', 'linux'], ['우분투', 'linux'], ['linux', 'linux'], ['ubuntu', 'linux'],
  ['웹', 'web'], ['브라우저', 'web'], ['웹브라우저', 'web'], ['크롬', 'web'], ['web', 'web'], ['browser', 'web'], ['chrome', 'web'],
  ['pc', 'desktop'], ['컴퓨터', 'desktop'], ['노트북', 'desktop'], ['데스크톱', 'desktop'], ['데스크탑', 'desktop'], ['desktop', 'desktop'], ['laptop', 'desktop'],
]);

const DESKTOPS: readonly Platform[] = ['windows', 'macos', 'linux'];

/**
 * The platform a desktop word means for this preference: the host OS when it is Windows or
 * macOS, else Windows (on Linux, "PC 버전" still means the app most articles describe).
 */
export function resolvePlatformWord(word: PlatformWord, preferred: Platform): Platform {
  if (word !== 'desktop') return word;
  return preferred === 'windows' || preferred === 'macos' ? preferred : 'windows';
}

/** The platform a word names (give the surface form and, for Korean, the stem too). */
export function platformOfWord(...forms: string[]): PlatformWord | null {
  for (const form of forms) {
    const platform = PLATFORM_WORDS.get(form);
    if (platform) return platform;
  }
  return null;
}

/** Every word that names the platform (맥 → mac, macos, 맥북…), to score articles that mention it. */
export function wordsForPlatform(platform: Platform): string[] {
  const desktop = DESKTOPS.includes(platform);
  return [...PLATFORM_WORDS].filter(([, p]) => p === platform || (desktop && p === 'desktop' && platform === 'windows')).map(([word]) => word);
}

/**
 * Platform ids used by articles, and the host operating systems Doum runs on.
 * Articles may target any platform; the app itself runs on a host OS.
 */

export const PLATFORMS = ['common', 'android', 'ios', 'windows', 'macos', 'linux', 'web'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const HOST_OSES = ['macos', 'windows', 'linux'] as const;
export type HostOs = (typeof HOST_OSES)[number];

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}

export function isHostOs(value: unknown): value is HostOs {
  return typeof value === 'string' && (HOST_OSES as readonly string[]).includes(value);
}

/** Maps Node's `process.platform` to the host OS Doum presents itself as. */
export function hostOsFromNodePlatform(nodePlatform: string): HostOs {
  if (nodePlatform === 'darwin') return 'macos';
  if (nodePlatform === 'win32') return 'windows';
  return 'linux';
}

/** Display labels; product names are the same in every language except 공통/웹. */
export const PLATFORM_LABELS: Record<Platform, { ko: string; en: string }> = {
  common: { ko: '공통', en: 'Common' },
  android: { ko: 'Android', en: 'Android' },
  ios: { ko: 'iOS', en: 'iOS' },
  windows: { ko: 'Windows', en: 'Windows' },
  macos: { ko: 'macOS', en: 'macOS' },
  linux: { ko: 'Linux', en: 'Linux' },
  web: { ko: '웹', en: 'Web' },
};

/**
 * The order in which variants of one topic are offered for a preferred platform:
 * the preferred one, then common, then the rest in a stable order.
 */
export function platformPreferenceOrder(preferred: Platform): Platform[] {
  const rest = PLATFORMS.filter((p) => p !== preferred && p !== 'common');
  return preferred === 'common' ? ['common', ...rest] : [preferred, 'common', ...rest];
}

export function platformRank(platform: Platform, preferred: Platform): number {
  return platformPreferenceOrder(preferred).indexOf(platform);
}

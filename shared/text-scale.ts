/**
 * Reading text size: one rule for the renderer's buttons and shortcuts and the desktop
 * menu's View items, so ⌘+ means the same everywhere. Stored as Settings.textScale.
 */
export const TEXT_SCALE = { min: 0.8, max: 1.6, step: 0.1, default: 1 } as const;

export type TextScaleStep = 1 | -1 | 0;

export function clampTextScale(value: number): number {
  return Math.round(Math.min(TEXT_SCALE.max, Math.max(TEXT_SCALE.min, value)) * 10) / 10;
}

/** The next size one step larger (1), smaller (-1), or the default (0). */
export function stepTextScale(current: number, step: TextScaleStep): number {
  return step === 0 ? TEXT_SCALE.default : clampTextScale(current + step * TEXT_SCALE.step);
}

import { describe, expect, it } from 'vitest';
import { clampTextScale, stepTextScale, TEXT_SCALE } from '../../shared/text-scale';

describe('reading text size', () => {
  it('steps by a tenth within 80–160% and resets to 100%', () => {
    expect(stepTextScale(1, 1)).toBe(1.1);
    expect(stepTextScale(1.1, -1)).toBe(1);
    expect(stepTextScale(1.6, 1)).toBe(TEXT_SCALE.max);
    expect(stepTextScale(0.8, -1)).toBe(TEXT_SCALE.min);
    expect(stepTextScale(1.4, 0)).toBe(1);
  });

  it('never drifts by floating-point error', () => {
    let scale: number = TEXT_SCALE.default;
    for (let i = 0; i < 5; i++) scale = stepTextScale(scale, 1);
    expect(scale).toBe(1.5);
    expect(clampTextScale(1.2000000001)).toBe(1.2);
  });
});

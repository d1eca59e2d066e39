import { describe, expect, it } from 'vitest';
import { cooldownEndAfter, isInCooldown, newCapacity, type AdjustmentType } from './index';

describe('newCapacity', () => {
  const rows: [AdjustmentType, number, number, number | undefined, number][] = [
    // type, current, adjustment, min_adjustment_step, expected (min 1, max 10)
    ['change_in_capacity', 1, 1, undefined, 2],
    ['change_in_capacity', 3, -1, undefined, 2],
    ['change_in_capacity', 1, -1, undefined, 1],
    ['change_in_capacity', 10, 1, undefined, 10],
    ['exact_capacity', 3, 7, undefined, 7],
    ['exact_capacity', 3, 0, undefined, 1],
    ['exact_capacity', 3, 50, undefined, 10],
    ['percent_change_in_capacity', 3, 10, undefined, 4],
    ['percent_change_in_capacity', 3, 50, undefined, 4],
    ['percent_change_in_capacity', 10, -33, undefined, 7],
    ['percent_change_in_capacity', 3, -10, undefined, 2],
    ['percent_change_in_capacity', 4, 25, 3, 7],
    ['percent_change_in_capacity', 8, 25, 5, 10],
    ['percent_change_in_capacity', 8, -25, 5, 3],
  ];
  it.each(rows)('%s from %i by %i (min step %s) → %i', (adjustmentType, current, adjustment, minAdjustmentStep, expected) => {
    expect(newCapacity({ adjustmentType, current, adjustment, minAdjustmentStep, minSize: 1, maxSize: 10 })).toBe(expected);
  });
});

describe('cooldown', () => {
  const t0 = Date.UTC(2026, 0, 1);
  it('is in cooldown while scaling runs or before cooldown_end', () => {
    expect(isInCooldown({ scalingInProgress: false }, t0)).toBe(false);
    expect(isInCooldown({ scalingInProgress: true }, t0)).toBe(true);
    expect(isInCooldown({ scalingInProgress: false, cooldownEnd: t0 + 1000 }, t0)).toBe(true);
    expect(isInCooldown({ scalingInProgress: false, cooldownEnd: t0 }, t0)).toBe(false);
  });

  it('moves cooldown_end only after a real size change, never backwards, counting from when scaling finished', () => {
    expect(cooldownEndAfter({ scalingInProgress: false }, t0, 60, true)).toBe(t0 + 60_000);
    expect(cooldownEndAfter({ scalingInProgress: false, cooldownEnd: t0 + 5000 }, t0, 300, false)).toBe(t0 + 5000);
    expect(cooldownEndAfter({ scalingInProgress: false, cooldownEnd: t0 + 900_000 }, t0, 60, true)).toBe(t0 + 900_000);
    expect(cooldownEndAfter({ scalingInProgress: false }, t0, -5, true)).toBe(t0);
    expect(cooldownEndAfter({ scalingInProgress: false }, t0, null, true)).toBe(t0);
  });
});

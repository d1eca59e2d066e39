/** Scaling arithmetic of OS::Heat::AutoScalingGroup / ScalingPolicy, as pure functions. */
export type AdjustmentType = 'change_in_capacity' | 'exact_capacity' | 'percent_change_in_capacity';

export interface CapacityInput {
  current: number;
  adjustment: number;
  adjustmentType: AdjustmentType;
  minSize: number;
  maxSize: number;
  /** Only meaningful with percent_change_in_capacity. */
  minAdjustmentStep?: number;
}

/**
 * The new capacity: change adds, exact sets, percent changes by current*adjustment/100 where a step
 * smaller than 1 rounds away from zero and a larger one truncates toward zero, then is raised to
 * min_adjustment_step; always clamped to [minSize, maxSize].
 */
export function newCapacity(input: CapacityInput): number {
  const { current, adjustment, adjustmentType, minSize, maxSize } = input;
  let target: number;
  if (adjustmentType === 'exact_capacity') {
    target = adjustment;
  } else if (adjustmentType === 'change_in_capacity') {
    target = current + adjustment;
  } else {
    const delta = (current * adjustment) / 100;
    let step = Math.abs(delta) < 1 ? Math.sign(delta) * Math.ceil(Math.abs(delta)) : Math.trunc(delta);
    const min = input.minAdjustmentStep ?? 0;
    if (min > Math.abs(step)) step = Math.sign(step || adjustment) * min;
    target = current + step;
  }
  return Math.min(maxSize, Math.max(minSize, target));
}

export interface CooldownState {
  /** Set while a resize runs; signals then do nothing. */
  scalingInProgress: boolean;
  /** Epoch ms until which the group is cooling down (shared by all its policies); undefined if never scaled. */
  cooldownEnd?: number;
}

/** Whether a signal at `now` (epoch ms) may scale the group. */
export function isInCooldown(state: CooldownState, now: number): boolean {
  return state.scalingInProgress || (state.cooldownEnd !== undefined && now < state.cooldownEnd);
}

/** The cooldown end after a resize finished at `finishedAt`: only a real size change moves it, never backwards. */
export function cooldownEndAfter(
  state: CooldownState,
  finishedAt: number,
  cooldownSeconds: number | null | undefined,
  sizeChanged: boolean,
): number | undefined {
  if (!sizeChanged) return state.cooldownEnd;
  const end = finishedAt + Math.max(0, cooldownSeconds ?? 0) * 1000;
  return Math.max(state.cooldownEnd ?? end, end);
}

import type { HeatStatus } from '../openstack/heat/types';

/**
 * What can be done to a stack in its state, as Heat allows it: nothing but delete while an action is in
 * progress; resume only a suspended stack; suspend one that is not suspended.
 */
export type StackMenuAction = 'suspend' | 'resume' | 'check' | 'update' | 'delete';

export function allowedActions(state: Pick<HeatStatus, 'action' | 'status'>): StackMenuAction[] {
  if (state.action === 'DELETE' && state.status !== 'FAILED') return [];
  if (state.status === 'IN_PROGRESS') return ['delete'];
  const suspended = state.action === 'SUSPEND' && state.status === 'COMPLETE';
  return [suspended ? 'resume' : 'suspend', 'check', 'update', 'delete'];
}

export const isInProgress = (state: Pick<HeatStatus, 'status'>): boolean => state.status === 'IN_PROGRESS';

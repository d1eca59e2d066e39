// A resource that fails while its stack is created: Heat keeps the stack as CREATE_FAILED with
// the resource's reason instead of refusing the request (decision 014); the create phase with the
// failed step goes into the stack's history and stack-actions-state.ts plays it out on the clock.

import { ApiError } from '../../http/api-error';
import type { Stack, StackStep } from '../../store/schema';
import type { StackPlan } from './hot/index';

/**
 * Heat keeps a stack whose resource failed at create as CREATE_FAILED (the resources made before
 * it stay, the rest are never made): records the failed resource and the create phase with its
 * failure. Other errors (the engine's checks) are not failures of a resource and are rethrown.
 */
export function recordCreateFailure(stack: Stack, plan: Pick<StackPlan, 'createOrder' | 'resources'>, startMs: number, e: unknown): void {
  if (!(e instanceof ApiError) || e.type !== 'ResourceFailure') throw e;
  const index = stack.resources.length;
  const name = plan.createOrder[index]!;
  const type = plan.resources[name]!.type;
  stack.resources.push({ name, type, physicalId: '', requiredBy: [], index });
  const steps: StackStep[] = stack.resources.map((r) => ({ name: r.name, type: r.type, physicalId: r.physicalId, action: 'CREATE' }));
  steps[index]!.failed = e.message.replace(/^Resource CREATE failed: /, '');
  stack.history = [{ action: 'CREATE', startedMs: startMs, steps }];
}

// A signal to an OS::Heat::ScalingPolicy (the CFN pre-signed alarm_url or the native signal_url):
// outside the group's cooldown Heat resizes the group by the policy's adjustment (hot/scaling.ts;
// members are created or removed by group-members.ts) and then records SIGNAL_COMPLETE on the
// policy. A signal that changes nothing (cooldown, already at min or max) leaves no event, as
// Heat's NoActionRequired does; the group's metadata keeps the cooldown end. Signals to other
// resources are recorded as they come.

import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { Stack } from '../../store/schema';
import { cooldownEndAfter, isInCooldown, newCapacity, resolveProperties, type AdjustmentType } from './hot/index';
import { resizeGroup } from './group-members';
import { planStored } from './stack-plan';
import { stackRuntime } from './stack-runtime';
import { stackState } from './stack-state';

/** Heat's reason for a signal: the alarm transition Aodh sends, or that none was given. */
export function signalReason(body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const b = body as Record<string, unknown>;
    if (typeof b.previous === 'string' && typeof b.current === 'string') {
      return `alarm state changed from ${b.previous} to ${b.current}${typeof b.reason === 'string' ? ` (${b.reason})` : ''}`;
    }
    if (typeof b.reason === 'string') return `Signal: ${b.reason}`;
  }
  return 'No signal details provided';
}

export async function signalPolicy(cloud: Cloud, stack: Stack, policyName: string, body: unknown): Promise<void> {
  const now = cloud.clock.now();
  const state = stackState(stack, now);
  const policy = state.resources.find((r) => r.resource.name === policyName);
  if (!policy) throw new ApiError(404, `The Resource (${policyName}) could not be found in Stack ${stack.name}.`, 'ResourceNotFound');
  // Heat refuses signals while the resource is suspended or deleted (and before it exists).
  if (state.action === 'DELETE' || ['INIT', 'SUSPEND', 'DELETE'].includes(policy.action) || policy.status === 'IN_PROGRESS') {
    throw new ApiError(400, `Signal resource during ${policy.action} is not supported.`, 'ResourceFailure');
  }
  const resources = stack.resources.map((r) => ({ ...r }));
  const target = resources.find((r) => r.name === policyName)!;
  const record = () => {
    target.signals = [...(target.signals ?? []), { timeMs: now, reason: signalReason(body) }];
  };
  if (policy.resource.type !== 'OS::Heat::ScalingPolicy') record();
  else {
    const plan = await planStored(stack);
    const props = resolveProperties(plan, policyName, stackRuntime(cloud, stack, state));
    const group = resources.find((r) => r.physicalId === props.auto_scaling_group_id && r.type === 'OS::Heat::AutoScalingGroup');
    if (group && !isInCooldown({ scalingInProgress: false, cooldownEnd: group.cooldownEnd }, now)) {
      const groupProps = resolveProperties(plan, group.name, stackRuntime(cloud, stack, state));
      const current = group.capacity ?? 0;
      const next = newCapacity({
        current,
        adjustment: Number(props.scaling_adjustment),
        adjustmentType: String(props.adjustment_type ?? 'change_in_capacity') as AdjustmentType,
        minSize: Number(groupProps.min_size ?? 0),
        maxSize: Number(groupProps.max_size ?? current),
        minAdjustmentStep: props.min_adjustment_step === undefined ? undefined : Number(props.min_adjustment_step),
      });
      const cooldown = props.cooldown ?? groupProps.cooldown;
      group.cooldownEnd = cooldownEndAfter({ scalingInProgress: false, cooldownEnd: group.cooldownEnd }, now, cooldown === undefined ? undefined : Number(cooldown), next !== current);
      if (next !== current) {
        group.cooldownReason = `${String(props.adjustment_type ?? 'change_in_capacity')} : ${Number(props.scaling_adjustment)}`;
        record();
        return resizeGroup(cloud, { ...stack, resources }, group.name, next, now);
      }
    }
  }
  await cloud.store.stacks.setResources(stack.id, resources);
}

/** The stack and policy a CFN signal ARN names: arn:openstack:heat::{tenant}:stacks/{name}/{id}/resources/{res}. */
export async function stackOfArn(cloud: Cloud, arn: string): Promise<{ stack: Stack; resource: string }> {
  const m = /^arn:openstack:heat::([^:]*):stacks\/([^/]+)\/([^/]+)\/resources\/(.+)$/.exec(arn);
  const stack = m ? await cloud.store.stacks.get(m[3]!) : undefined;
  if (!m || !stack || stack.projectId !== m[1] || stack.name !== m[2] || stackState(stack, cloud.clock.now()).gone) {
    throw new ApiError(404, 'The request signature does not conform to AWS standards', 'SignatureError');
  }
  return { stack, resource: m[4]! };
}

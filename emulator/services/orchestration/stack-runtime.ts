// What a stored stack's resources answer to get_resource and get_attr: their physical ids and
// plausible attribute values (the ScalingPolicy's alarm_url and signal_url, Heat's shapes).

import type { Cloud } from '../../cloud';
import type { Stack } from '../../store/schema';
import type { StackRuntime } from './hot/index';
import type { StackState } from './stack-state';

/** The pre-signed CFN signal URL Heat gives a ScalingPolicy (alarm_url, openstack-wire.md §2.9). */
export function alarmUrl(cloud: Cloud, stack: Stack, resource: string): string {
  const arn = `arn:openstack:heat::${stack.projectId}:stacks/${stack.name}/${stack.id}/resources/${resource}`;
  const physical = stack.resources.find((r) => r.name === resource)?.physicalId ?? '';
  const key = physical.replace(/-/g, '').slice(0, 32);
  return cloud.url(
    `/heat-api-cfn/v1/signal/${encodeURIComponent(arn)}?SignatureMethod=HmacSHA256&SignatureVersion=2&AWSAccessKeyId=${key}&Signature=${encodeURIComponent(Buffer.from(arn).toString('base64').slice(0, 43) + '=')}`,
  );
}

export function stackRuntime(cloud: Cloud, stack: Stack, state: StackState): StackRuntime {
  const stackUrl = cloud.url(`/heat-api/v1/${stack.projectId}/stacks/${stack.name}/${stack.id}`);
  const created = (name: string) => state.resources.find((r) => r.resource.name === name && r.action !== 'INIT');
  return {
    refId(name) {
      const r = created(name);
      return r ? r.resource.physicalId : null;
    },
    attribute(name, attr) {
      const r = created(name);
      if (!r) return null;
      switch (attr) {
        case 'alarm_url':
          return alarmUrl(cloud, stack, name);
        case 'signal_url':
          return `${stackUrl}/resources/${name}/signal`;
        case 'show':
          return { id: r.resource.physicalId, name };
        case 'current_size':
          return r.resource.type === 'OS::Heat::AutoScalingGroup' ? (r.resource.capacity ?? 0) : null;
        case 'refs':
          return r.resource.type === 'OS::Heat::AutoScalingGroup' ? (r.resource.refs ?? []) : null;
        case 'refs_map':
          return r.resource.type === 'OS::Heat::AutoScalingGroup' ? Object.fromEntries((r.resource.refs ?? []).map((id, i) => [String(i), id])) : null;
        case 'OS::stack_id':
          return r.resource.nested ? r.resource.physicalId : null;
        case 'name':
          return `${stack.name}-${name}`;
        default:
          return null;
      }
    },
  };
}

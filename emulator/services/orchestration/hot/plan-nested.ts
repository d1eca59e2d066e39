import { HotError } from './hot-error';
import type { CustomConstraintResolver } from './parameter-constraints';
import type { StackIdentity } from './parameters';
import { planStack, type StackPlan } from './plan-stack';
import { resolveProperties, type StackRuntime } from './resolve-stack';
import { isMap } from './yaml-load';

/**
 * Plans the nested stack behind a resource: a template-backed resource itself, or one member of an
 * OS::Heat::AutoScalingGroup. The resolved properties become the nested stack's parameters; the
 * parent's environment (resource_registry) applies inside. Returns undefined for a plugin type.
 */
export async function planNestedStack(
  parent: StackPlan,
  resource: string,
  runtime: StackRuntime,
  identity: StackIdentity,
  resolver?: CustomConstraintResolver,
): Promise<StackPlan | undefined> {
  const planned = parent.resources[resource];
  if (!planned) throw new HotError('InvalidTemplateReference', `The specified reference "${resource}" is incorrect.`);
  const props = resolveProperties(parent, resource, runtime);
  let type = planned.type;
  let parameters = props;
  if (planned.member) {
    const member = props.resource;
    if (!isMap(member) || typeof member.type !== 'string') return undefined;
    type = member.type;
    parameters = isMap(member.properties) ? member.properties : {};
  }
  const template = parent.registry.nestedTemplate(type);
  if (!template) return undefined;
  return planStack({ template, environment: parent.environment, parameters, identity, resolver });
}

import { HotError } from './hot-error';
import { evaluateCondition, resolveValue, type ResolveContext } from './intrinsic-functions';
import type { StackPlan } from './plan-stack';

/** What the running stack supplies: resource reference ids and attribute values, asked for lazily. */
export interface StackRuntime {
  refId(resource: string): unknown;
  attribute(resource: string, attribute: string): unknown;
}

export interface ResolvedOutput {
  output_key: string;
  output_value: unknown;
  description: string;
  output_error?: string;
}

/** A resolution context for a planned stack. Unknown attributes are refused with Heat's message. */
export function stackContext(plan: StackPlan, runtime: StackRuntime): ResolveContext {
  const params = Object.fromEntries(Object.values(plan.parameters).map((p) => [p.name, p.value]));
  return {
    version: plan.template.version,
    params,
    files: plan.template.files,
    condition: (name) => {
      if (!(name in plan.conditions)) throw new HotError('StackValidationFailed', `Invalid condition "${name}"`);
      return plan.conditions[name]!;
    },
    refId: (name) => {
      if (!(name in plan.template.resources)) {
        throw new HotError('InvalidTemplateReference', `The specified reference "${name}" is incorrect.`);
      }
      return name in plan.resources ? runtime.refId(name) : null;
    },
    attribute: (name, attr) => {
      const r = plan.resources[name];
      if (!r) {
        if (name in plan.template.resources) return null;
        throw new HotError('InvalidTemplateReference', `The specified reference "${name}" is incorrect.`);
      }
      if (attr !== 'show' && !r.schema.attributes.includes(attr)) {
        throw new HotError('InvalidTemplateAttribute', `The Referenced Attribute (${name} ${attr}) is incorrect.`);
      }
      return runtime.attribute(name, attr);
    },
    attributeNames: (name) => plan.resources[name]?.schema.attributes ?? [],
  };
}

/** The resource's properties with every function resolved (null values dropped, defaults filled in). */
export function resolveProperties(plan: StackPlan, resource: string, runtime: StackRuntime): Record<string, unknown> {
  const r = plan.resources[resource];
  if (!r) throw new HotError('InvalidTemplateReference', `The specified reference "${resource}" is incorrect.`);
  const resolved = resolveValue(r.definition.properties, stackContext(plan, runtime)) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(r.schema.properties)) {
    const v = resolved[name] ?? schema.default;
    if (v !== undefined && v !== null) out[name] = v;
  }
  return out;
}

/** Every output whose condition holds; one whose value fails carries output_error instead of failing all. */
export function resolveOutputs(plan: StackPlan, runtime: StackRuntime): ResolvedOutput[] {
  const ctx = stackContext(plan, runtime);
  const out: ResolvedOutput[] = [];
  for (const o of Object.values(plan.template.outputs)) {
    if (o.condition !== undefined && !evaluateCondition(o.condition, ctx)) continue;
    const description = o.description ?? 'No description given';
    try {
      out.push({ output_key: o.name, output_value: resolveValue(o.value, ctx), description });
    } catch (e) {
      if (!(e instanceof HotError) && !(e instanceof Error)) throw e;
      out.push({ output_key: o.name, output_value: null, description, output_error: e.message });
    }
  }
  return out;
}

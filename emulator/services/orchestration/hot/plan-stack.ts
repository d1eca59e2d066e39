import { checkProperties } from './check-properties';
import { orderResources } from './dependency-graph';
import { atPath, HotError } from './hot-error';
import { positionError } from './locate-error';
import { evaluateCondition, type ResolveContext } from './intrinsic-functions';
import type { CustomConstraintResolver } from './parameter-constraints';
import { PSEUDO_PARAMETERS, resolveParameters, type ResolvedParameter, type StackIdentity } from './parameters';
import { emptyEnvironment, type HotEnvironment } from './parse-environment';
import type { HotTemplate, ResourceDefinition } from './parse-template';
import type { ResourceTypeRegistry, ResourceTypeSchema } from './resource-types';
import { createStackRegistry, type StackTypeRegistry } from './stack-registry';
import { scanReferences, type ScanScope } from './template-scan';
import { isMap } from './yaml-load';

/** Heat's default max_nested_stack_depth. */
export const MAX_NESTED_DEPTH = 5;

export interface PlannedMember {
  type: string;
  schema: ResourceTypeSchema;
  nested?: TemplateCheck;
}

export interface PlannedResource {
  name: string;
  type: string;
  schema: ResourceTypeSchema;
  definition: ResourceDefinition;
  /** Explicit and implicit dependencies, in declaration order. */
  dependsOn: string[];
  /** For a template-backed type: the nested template, checked. */
  nested?: TemplateCheck;
  /** For OS::Heat::AutoScalingGroup: the member resource definition, checked. */
  member?: PlannedMember;
}

export interface TemplateCheck {
  template: HotTemplate;
  resources: Record<string, PlannedResource>;
  createOrder: string[];
  deleteOrder: string[];
}

export interface StackPlan extends TemplateCheck {
  environment: HotEnvironment;
  parameters: Record<string, ResolvedParameter>;
  conditions: Record<string, boolean>;
  registry: StackTypeRegistry;
}

export interface PlanInput {
  template: HotTemplate;
  environment?: HotEnvironment;
  parameters?: Record<string, unknown>;
  identity: StackIdentity;
  /** Checks custom constraints (nova.flavor, glance.image, …) against the cloud. */
  resolver?: CustomConstraintResolver;
  /** Plugin types; defaults to the built-in schemas. */
  types?: ResourceTypeRegistry;
}

function checkMember(owner: string, raw: unknown, registry: StackTypeRegistry, template: HotTemplate, depth: number): PlannedMember | undefined {
  if (!isMap(raw) || typeof raw.type !== 'string') return undefined;
  const base = ['resources', owner, 'properties', 'resource'];
  const schema = atPath([...base, 'type'], () => registry.require(String(raw.type)));
  const props = raw.properties ?? {};
  if (!isMap(props)) throw new HotError('StackValidationFailed', `Property error: resources.${owner}.properties.resource: properties must be a map`);
  checkProperties(`${owner}.resource`, props, schema, template.version, [...base, 'properties']);
  const nested = registry.nestedTemplate(raw.type);
  return { type: raw.type, schema, nested: nested && checkTemplate(nested, registry, depth + 1, undefined, schema.templateRef) };
}

function checkGroupSize(name: string, props: Record<string, unknown>): void {
  const [min, max, desired] = [props.min_size, props.max_size, props.desired_capacity].map((v) =>
    typeof v === 'number' || (typeof v === 'string' && v.trim() !== '') ? Number(v) : undefined,
  );
  const fail = (prop: string, message: string) =>
    atPath(['resources', name, 'properties', prop], () => {
      throw new HotError('StackValidationFailed', `Property error: resources.${name}.properties.${prop}: ${message}`);
    });
  if (min !== undefined && max !== undefined && min > max) fail('min_size', 'min_size can not be greater than max_size');
  if (desired !== undefined && ((min !== undefined && desired < min) || (max !== undefined && desired > max))) {
    fail('desired_capacity', `desired_capacity must be between ${min ?? 0} and ${max ?? 'max_size'}`);
  }
}

function checkScalingPolicy(name: string, props: Record<string, unknown>): void {
  if (props.min_adjustment_step !== undefined && typeof props.adjustment_type === 'string' && props.adjustment_type !== 'percent_change_in_capacity') {
    throw new HotError(
      'StackValidationFailed',
      `Property error: resources.${name}.properties.min_adjustment_step: min_adjustment_step property should only be ` +
        'specified for adjustment_type with value percent_change_in_capacity.',
    );
  }
}

/**
 * Static check of a template: resource types exist, properties fit their schemas, every reference and
 * attribute exists, and the dependency graph has no cycle. `included` limits it to resources whose
 * condition holds (all of them when unknown, as in nested templates before their parameters are known).
 */
export function checkTemplate(
  template: HotTemplate,
  registry: StackTypeRegistry,
  depth = 0,
  included: (r: { condition?: unknown }) => boolean = () => true,
  file?: string,
): TemplateCheck {
  try {
    return checkTemplateUnplaced(template, registry, depth, included);
  } catch (e) {
    if (e instanceof HotError) positionError(e, template.source, file);
    throw e;
  }
}

function checkTemplateUnplaced(
  template: HotTemplate,
  registry: StackTypeRegistry,
  depth: number,
  included: (r: { condition?: unknown }) => boolean,
): TemplateCheck {
  if (depth > MAX_NESTED_DEPTH) {
    throw new HotError('StackValidationFailed', `Recursion depth exceeds ${MAX_NESTED_DEPTH}.`);
  }
  const defs = Object.values(template.resources).filter(included);
  const schemas = new Map(defs.map((d) => [d.name, atPath(['resources', d.name, 'type'], () => registry.require(d.type))]));
  const scope: ScanScope = {
    version: template.version,
    paramNames: new Set([...Object.keys(template.parameters), ...PSEUDO_PARAMETERS]),
    resourceNames: new Set(schemas.keys()),
    conditionNames: new Set(Object.keys(template.conditions)),
    attributesOf: (r) => schemas.get(r)?.attributes,
    allowResources: true,
  };
  const resources: Record<string, PlannedResource> = {};
  const deps = new Map<string, Set<string>>();
  for (const def of defs) {
    const schema = schemas.get(def.name)!;
    checkProperties(def.name, def.properties, schema, template.version);
    if (def.type === 'OS::Heat::ScalingPolicy') checkScalingPolicy(def.name, def.properties);
    if (def.type === 'OS::Heat::AutoScalingGroup') checkGroupSize(def.name, def.properties);
    const refs = scanReferences(def.properties, scope, `${def.name}.Properties`, new Set(), ['resources', def.name, 'properties']);
    scanReferences(def.metadata, scope, `${def.name}.Metadata`, refs, ['resources', def.name, 'metadata']);
    for (const d of def.dependsOn) {
      if (!scope.resourceNames.has(d)) {
        atPath(['resources', def.name, 'depends_on'], () => {
          throw new HotError('InvalidTemplateReference', `The specified reference "${d}" (in ${def.name}) is incorrect.`);
        });
      }
      refs.add(d);
    }
    const nestedTemplate = registry.nestedTemplate(def.type);
    resources[def.name] = {
      name: def.name,
      type: def.type,
      schema,
      definition: def,
      dependsOn: defs.map((d) => d.name).filter((n) => refs.has(n)),
      nested: nestedTemplate && checkTemplate(nestedTemplate, registry, depth + 1, undefined, schema.templateRef),
      member:
        def.type === 'OS::Heat::AutoScalingGroup'
          ? checkMember(def.name, def.properties.resource, registry, template, depth)
          : undefined,
    };
    deps.set(def.name, refs);
  }
  for (const o of Object.values(template.outputs).filter(included)) {
    scanReferences(o.value, scope, `Outputs.${o.name}`, new Set(), ['outputs', o.name, 'value']);
  }
  return { template, resources, ...orderResources(defs.map((d) => d.name), deps) };
}

/** Evaluates the conditions section against the parameter values. */
export function evaluateConditions(template: HotTemplate, params: Record<string, unknown>): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  const evaluating = new Set<string>();
  const ctx: ResolveContext = {
    version: template.version,
    params,
    files: template.files,
    condition(name) {
      if (name in out) return out[name]!;
      if (!Object.hasOwn(template.conditions, name)) throw new HotError('StackValidationFailed', `Invalid condition "${name}"`);
      if (evaluating.has(name)) throw new HotError('StackValidationFailed', `Condition "${name}" refers to itself`);
      evaluating.add(name);
      out[name] = evaluateCondition(template.conditions[name], ctx);
      return out[name];
    },
    refId: () => {
      throw new HotError('InvalidFunction', 'get_resource cannot be used in conditions');
    },
    attribute: () => {
      throw new HotError('InvalidFunction', 'get_attr cannot be used in conditions');
    },
  };
  for (const name of Object.keys(template.conditions)) ctx.condition(name);
  return out;
}

/** Everything checked before anything is created: parameters, conditions, types, properties, references, order. */
export async function planStack(input: PlanInput): Promise<StackPlan> {
  const { template } = input;
  const environment = input.environment ?? emptyEnvironment();
  const registry = createStackRegistry(environment, template.files, input.types);
  const parameters = await resolveParameters(template, environment, input.parameters ?? {}, input.identity, input.resolver);
  const values = Object.fromEntries(Object.values(parameters).map((p) => [p.name, p.value]));
  const conditions = evaluateConditions(template, values);
  const included = (r: { condition?: unknown }) =>
    r.condition === undefined || evaluateCondition(r.condition, {
      version: template.version, params: values, files: template.files,
      condition: (n) => {
        if (!(n in conditions)) throw new HotError('StackValidationFailed', `Invalid condition "${n}"`);
        return conditions[n]!;
      },
      refId: () => null, attribute: () => null,
    });
  const check = checkTemplate(template, registry, 0, included);
  return { ...check, environment, parameters, conditions, registry };
}

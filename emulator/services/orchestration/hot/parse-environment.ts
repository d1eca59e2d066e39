import { HotError } from './hot-error';
import { isMap, loadYaml } from './yaml-load';

export interface HotEnvironment {
  parameters: Record<string, unknown>;
  parameterDefaults: Record<string, unknown>;
  /** Resource type → another type or a template file reference. */
  resourceRegistry: Record<string, string>;
}

const ENV_SECTIONS = new Set([
  'parameters',
  'parameter_defaults',
  'resource_registry',
  'encrypted_param_names',
  'event_sinks',
  'parameter_merge_strategies',
]);

export function emptyEnvironment(): HotEnvironment {
  return { parameters: {}, parameterDefaults: {}, resourceRegistry: {} };
}

function section(doc: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = doc[key];
  if (v === undefined || v === null) return {};
  if (!isMap(v)) throw new HotError('StackValidationFailed', `The environment section "${key}" must be a map.`);
  return v;
}

/** Builds an environment from a loaded document. */
export function environmentFromDocument(doc: unknown): HotEnvironment {
  if (doc === null || doc === undefined) return emptyEnvironment();
  if (!isMap(doc)) throw new HotError('StackValidationFailed', 'The environment is not a map.');
  for (const k of Object.keys(doc)) {
    if (!ENV_SECTIONS.has(k)) throw new HotError('InvalidTemplateSection', `environment has wrong section "${k}"`);
  }
  const resourceRegistry: Record<string, string> = {};
  for (const [type, target] of Object.entries(section(doc, 'resource_registry'))) {
    // "resources:" holds per-resource overrides (hooks, per-name mappings); the engine does not use them.
    if (type === 'resources') continue;
    if (typeof target !== 'string' || target === '') {
      throw new HotError('StackValidationFailed', `resource_registry: "${type}" must map to a type or a template file`);
    }
    resourceRegistry[type] = target;
  }
  return {
    parameters: section(doc, 'parameters'),
    parameterDefaults: section(doc, 'parameter_defaults'),
    resourceRegistry,
  };
}

export function parseEnvironment(text: string | undefined): HotEnvironment {
  if (text === undefined || text.trim() === '') return emptyEnvironment();
  return environmentFromDocument(loadYaml(text, 'environment'));
}

/** Later environments win, as with `openstack stack create -e a.yaml -e b.yaml`. */
export function mergeEnvironments(envs: HotEnvironment[]): HotEnvironment {
  const out = emptyEnvironment();
  for (const e of envs) {
    Object.assign(out.parameters, e.parameters);
    Object.assign(out.parameterDefaults, e.parameterDefaults);
    Object.assign(out.resourceRegistry, e.resourceRegistry);
  }
  return out;
}

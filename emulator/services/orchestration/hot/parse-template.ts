import { atPath, failAt, HotError } from './hot-error';
import { positionError } from './locate-error';
import { resolveVersion, type HotVersion } from './hot-versions';
import { isMap, loadYaml } from './yaml-load';

export interface ResourceDefinition {
  name: string;
  type: string;
  properties: Record<string, unknown>;
  metadata?: unknown;
  dependsOn: string[];
  condition?: unknown;
  deletionPolicy?: string;
  updatePolicy?: unknown;
}

export interface OutputDefinition {
  name: string;
  description?: string;
  value: unknown;
  condition?: unknown;
}

export interface HotTemplate {
  version: HotVersion;
  description?: string;
  parameterGroups: unknown[];
  /** Raw parameter declarations; see parameters.ts for their meaning. */
  parameters: Record<string, Record<string, unknown>>;
  resources: Record<string, ResourceDefinition>;
  outputs: Record<string, OutputDefinition>;
  conditions: Record<string, unknown>;
  /** Files the template may refer to (get_file, nested templates), by the name the user gave. */
  files: Record<string, string>;
  /** The text it was parsed from, to place later errors at a line and column. */
  source?: string;
}

const SECTIONS = new Set([
  'heat_template_version',
  'description',
  'parameter_groups',
  'parameters',
  'resources',
  'outputs',
  'conditions',
]);
const RESOURCE_KEYS = new Set([
  'type',
  'properties',
  'metadata',
  'depends_on',
  'deletion_policy',
  'update_policy',
  'condition',
  'external_id',
]);

function mapSection(doc: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = doc[key];
  if (v === undefined || v === null) return {};
  if (!isMap(v)) throw new HotError('StackValidationFailed', `The template section "${key}" must be a map.`);
  return v;
}

function parseResource(name: string, raw: unknown, version: HotVersion): ResourceDefinition {
  if (!isMap(raw)) throw new HotError('StackValidationFailed', `"${name}" is not a valid resource: it must be a map.`);
  for (const k of Object.keys(raw)) {
    atPath(['resources', name, k], () => {
      if (!RESOURCE_KEYS.has(k)) {
        throw new HotError('StackValidationFailed', `"${k}" is not a valid keyword inside a resource definition`);
      }
      if (k === 'condition' && !version.hasConditions) {
        throw new HotError('StackValidationFailed', `"condition" is not valid in template version ${version.date}`);
      }
    });
  }
  if (typeof raw.type !== 'string' || raw.type === '') {
    throw new HotError('StackValidationFailed', `Resource ${name} is missing "type"`);
  }
  const props = raw.properties ?? {};
  if (!isMap(props)) throw new HotError('StackValidationFailed', `Resource ${name}: "properties" must be a map`);
  const dep = raw.depends_on;
  const dependsOn = dep === undefined || dep === null ? [] : Array.isArray(dep) ? dep : [dep];
  if (!dependsOn.every((d): d is string => typeof d === 'string')) {
    throw new HotError('StackValidationFailed', `Resource ${name}: "depends_on" must be a name or a list of names`);
  }
  return {
    name,
    type: raw.type,
    properties: props,
    metadata: raw.metadata,
    dependsOn,
    condition: raw.condition,
    deletionPolicy: typeof raw.deletion_policy === 'string' ? raw.deletion_policy : undefined,
    updatePolicy: raw.update_policy,
  };
}

/** Heat's max_template_size default. */
export const MAX_TEMPLATE_BYTES = 524288;

function checkParameterGroups(groups: unknown[], parameters: Record<string, unknown>): void {
  const seen = new Set<string>();
  for (const g of groups) {
    const names = isMap(g) ? g.parameters : undefined;
    if (!Array.isArray(names)) throw new HotError('StackValidationFailed', 'Parameters must be provided for each Parameter Group.');
    for (const n of names) {
      if (typeof n !== 'string' || !(n in parameters)) {
        throw new HotError('StackValidationFailed', `The grouped parameter ${String(n)} does not reference a valid parameter.`);
      }
      if (seen.has(n)) throw new HotError('StackValidationFailed', `The ${n} parameter must be assigned to one parameter group only.`);
      seen.add(n);
    }
  }
}

/** Builds a template from an already-loaded document (a map). */
export function templateFromDocument(doc: unknown, files: Record<string, string> = {}): HotTemplate {
  if (!isMap(doc)) throw new HotError('StackValidationFailed', 'The template is not a map (JSON object or YAML mapping).');
  if (!('heat_template_version' in doc)) {
    throw new HotError('InvalidTemplateVersion', 'Template format version not found.');
  }
  const version = resolveVersion(doc.heat_template_version);
  for (const k of Object.keys(doc)) {
    if (!SECTIONS.has(k) || (k === 'conditions' && !version.hasConditions)) {
      failAt([k], 'InvalidTemplateSection', `The template section is invalid: ${k}`);
    }
  }
  const parameters: Record<string, Record<string, unknown>> = {};
  for (const [name, decl] of Object.entries(mapSection(doc, 'parameters'))) {
    if (!isMap(decl)) throw new HotError('StackValidationFailed', `Parameter ${name}: the declaration must be a map.`);
    parameters[name] = decl;
  }
  const resources: Record<string, ResourceDefinition> = {};
  for (const [name, raw] of Object.entries(mapSection(doc, 'resources'))) {
    resources[name] = atPath(['resources', name], () => parseResource(name, raw, version));
  }
  const outputs: Record<string, OutputDefinition> = {};
  for (const [name, raw] of Object.entries(mapSection(doc, 'outputs'))) {
    const o = isMap(raw) ? raw : {};
    outputs[name] = {
      name,
      description: typeof o.description === 'string' ? o.description.trim() : undefined,
      value: o.value ?? null,
      condition: o.condition,
    };
  }
  const groups = doc.parameter_groups ?? [];
  if (!Array.isArray(groups)) throw new HotError('StackValidationFailed', 'parameter_groups must be a list.');
  atPath(['parameter_groups'], () => checkParameterGroups(groups, parameters));
  return {
    version,
    description: typeof doc.description === 'string' ? doc.description.trim() : undefined,
    parameterGroups: groups,
    parameters,
    resources,
    outputs,
    conditions: mapSection(doc, 'conditions'),
    files,
  };
}

/** Parses HOT text. Throws a HotError (with line and column for YAML errors). */
export function parseTemplate(text: string, opts: { files?: Record<string, string> } = {}): HotTemplate {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_TEMPLATE_BYTES) {
    throw new HotError('StackValidationFailed', `Template size (${size} bytes) exceeds maximum allowed size (${MAX_TEMPLATE_BYTES} bytes).`);
  }
  if (text.trim() === '') throw new HotError('TemplateParseError', 'The template is empty.', { line: 1, column: 1 });
  try {
    return { ...templateFromDocument(loadYaml(text, 'template'), opts.files ?? {}), source: text };
  } catch (e) {
    if (e instanceof HotError) positionError(e, text);
    throw e;
  }
}

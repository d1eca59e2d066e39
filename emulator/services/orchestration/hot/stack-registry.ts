import { HotError } from './hot-error';
import type { HotEnvironment } from './parse-environment';
import { parseTemplate, type HotTemplate } from './parse-template';
import { builtInResourceTypes, type PropertyType, type ResourceTypeRegistry, type ResourceTypeSchema } from './resource-types';
import { isTemplateRef, requireTemplateFile } from './template-files';

export interface StackTypeRegistry extends ResourceTypeRegistry {
  /** The schema of a type, or "The Resource Type (X) could not be found." */
  require(type: string): ResourceTypeSchema;
  /** The nested template behind a template-backed type. */
  nestedTemplate(type: string): HotTemplate | undefined;
}

const PARAM_TO_PROPERTY: Record<string, PropertyType> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  comma_delimited_list: 'any',
  json: 'any',
};

/** A template used as a resource type: its parameters are the properties, its outputs the attributes. */
export function schemaFromTemplate(type: string, ref: string, template: HotTemplate): ResourceTypeSchema {
  const properties: ResourceTypeSchema['properties'] = {};
  for (const [name, decl] of Object.entries(template.parameters)) {
    properties[name] = {
      type: PARAM_TO_PROPERTY[String(decl.type)] ?? 'any',
      ...(decl.default === undefined ? { required: true } : { default: decl.default }),
    };
  }
  return { type, properties, attributes: [...Object.keys(template.outputs), 'OS::stack_id'], templateRef: ref };
}

/**
 * Resource types as a stack sees them: the environment's resource_registry (type → type or template
 * file), template files named directly as types, then the plugin types.
 */
export function createStackRegistry(
  env: HotEnvironment,
  files: Record<string, string>,
  base: ResourceTypeRegistry = builtInResourceTypes,
): StackTypeRegistry {
  const templates = new Map<string, HotTemplate>();
  const lookup = (type: string, seen: string[]): { schema?: ResourceTypeSchema; template?: HotTemplate } => {
    if (seen.includes(type)) {
      throw new HotError('StackValidationFailed', `resource_registry maps types in a loop: ${[...seen, type].join(' -> ')}`);
    }
    const mapped = env.resourceRegistry[type];
    const target = mapped ?? type;
    if (isTemplateRef(target)) {
      let template = templates.get(target);
      if (!template) {
        template = parseTemplate(requireTemplateFile(files, target), { files });
        templates.set(target, template);
      }
      return { schema: schemaFromTemplate(type, target, template), template };
    }
    if (mapped !== undefined) return lookup(mapped, [...seen, type]);
    return { schema: base.get(type) };
  };
  return {
    get: (type) => lookup(type, []).schema,
    require(type) {
      const schema = lookup(type, []).schema;
      if (!schema) throw new HotError('ResourceTypeNotFound', `The Resource Type (${type}) could not be found.`);
      return schema;
    },
    nestedTemplate: (type) => lookup(type, []).template,
  };
}

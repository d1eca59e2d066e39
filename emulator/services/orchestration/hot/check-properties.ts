import { failAt } from './hot-error';
import type { HotVersion } from './hot-versions';
import { asFunction } from './intrinsic-functions';
import type { PropertySchema, ResourceTypeSchema } from './resource-types';
import { isMap } from './yaml-load';

function typeError(schema: PropertySchema, v: unknown): string | null {
  switch (schema.type) {
    case 'string':
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? null : `Value '${JSON.stringify(v)}' is not a string`;
    case 'integer':
      return Number.isInteger(typeof v === 'string' ? Number(v) : v) ? null : `Value '${String(v)}' is not an integer`;
    case 'number':
      return v !== '' && Number.isFinite(typeof v === 'string' ? Number(v) : v) ? null : `Value '${String(v)}' is not a number`;
    case 'boolean':
      return typeof v === 'boolean' || ['true', 'false'].includes(String(v).toLowerCase())
        ? null
        : `Unrecognized value "${String(v)}", acceptable values are: true, false.`;
    case 'list':
      return Array.isArray(v) ? null : `"${String(v)}" is not a list`;
    case 'map':
      return isMap(v) ? null : `Value must be a map`;
    case 'any':
      return null;
  }
}

/**
 * Checks a resource's properties against its type's schema: unknown names, required ones missing, and
 * the type and allowed values of literal values (values computed by functions are checked when resolved).
 */
export function checkProperties(
  resource: string,
  props: Record<string, unknown>,
  schema: ResourceTypeSchema,
  version: HotVersion,
  basePath: (string | number)[] = ['resources', resource, 'properties'],
): void {
  const where = `resources.${resource}.properties`;
  const at = (name: string) => [...basePath, name];
  for (const name of Object.keys(props)) {
    if (!Object.hasOwn(schema.properties, name)) {
      failAt(at(name), 'StackValidationFailed', `Property error: ${where}: Unknown Property ${name}`);
    }
  }
  for (const [name, ps] of Object.entries(schema.properties)) {
    const v = props[name];
    if (v === undefined || v === null) {
      if (ps.required && ps.default === undefined) {
        failAt(basePath.slice(0, -1), 'StackValidationFailed', `Property error: ${where}: Property ${name} not assigned`);
      }
      continue;
    }
    if (asFunction(v, version)) continue;
    const err = typeError(ps, v);
    if (err) failAt(at(name), 'StackValidationFailed', `Property error: ${where}.${name}: ${err}`);
    if (ps.allowedValues && !ps.allowedValues.includes(v)) {
      failAt(
        at(name),
        'StackValidationFailed',
        `Property error: ${where}.${name}: "${String(v)}" is not an allowed value [${ps.allowedValues.join(', ')}]`,
      );
    }
  }
}

import type { HotTemplate } from './parse-template';
import { isMap } from './yaml-load';

const TYPE_NAMES: Record<string, string> = {
  string: 'String',
  number: 'Number',
  comma_delimited_list: 'CommaDelimitedList',
  json: 'Json',
  boolean: 'Boolean',
};

export interface ValidateResult {
  Description: string;
  Parameters: Record<string, Record<string, unknown>>;
  ParameterGroups?: unknown[];
}

function constraintKeys(c: Record<string, unknown>, out: Record<string, unknown>): void {
  if (isMap(c.length)) {
    if (c.length.min !== undefined) out.MinLength = c.length.min;
    if (c.length.max !== undefined) out.MaxLength = c.length.max;
  }
  if (isMap(c.range)) {
    if (c.range.min !== undefined) out.MinValue = c.range.min;
    if (c.range.max !== undefined) out.MaxValue = c.range.max;
  }
  if (Array.isArray(c.allowed_values)) out.AllowedValues = c.allowed_values;
  if (typeof c.allowed_pattern === 'string') out.AllowedPattern = c.allowed_pattern;
  if (typeof c.custom_constraint === 'string') out.CustomConstraint = c.custom_constraint;
  if (typeof c.description === 'string') out.ConstraintDescription = c.description;
}

/**
 * The body of `POST /v1/{tenant}/validate` (`openstack orchestration template validate`) for a
 * template that passed planning: its description, each parameter in Heat's CFN-style keys (hidden
 * defaults masked) and the parameter groups.
 */
export function describeTemplate(template: HotTemplate, given: Record<string, unknown> = {}): ValidateResult {
  const Parameters: ValidateResult['Parameters'] = {};
  for (const [name, decl] of Object.entries(template.parameters)) {
    const hidden = decl.hidden === true || decl.hidden === 'true';
    const p: Record<string, unknown> = {
      Type: TYPE_NAMES[String(decl.type)] ?? String(decl.type),
      Description: typeof decl.description === 'string' ? decl.description : '',
      Label: typeof decl.label === 'string' ? decl.label : name,
      NoEcho: hidden ? 'true' : 'false',
    };
    if (decl.default !== undefined) p.Default = hidden ? '******' : decl.default;
    if (Object.hasOwn(given, name)) p.Value = hidden ? '******' : given[name];
    for (const c of Array.isArray(decl.constraints) ? decl.constraints : []) if (isMap(c)) constraintKeys(c, p);
    Parameters[name] = p;
  }
  const out: ValidateResult = { Description: template.description ?? 'No description', Parameters };
  if (template.parameterGroups.length > 0) out.ParameterGroups = template.parameterGroups;
  return out;
}

import { atPath, HotError } from './hot-error';
import type { HotVersion } from './hot-versions';
import { asFunction } from './intrinsic-functions';
import { isMap } from './yaml-load';

/** What a static check of function arguments may look up. */
export interface ScanScope {
  version: HotVersion;
  paramNames: ReadonlySet<string>;
  resourceNames: ReadonlySet<string>;
  conditionNames: ReadonlySet<string>;
  /** Attribute names of a resource, or undefined when it cannot be known (the check is skipped). */
  attributesOf(resource: string): readonly string[] | undefined;
  /** Whether get_resource / get_attr are allowed here (not in conditions, not in outputs of conditions). */
  allowResources: boolean;
}

/**
 * Checks every function call inside `value` without resolving it (unknown resources, parameters,
 * attributes, conditions) and returns the names of the resources it refers to (implicit dependencies).
 * `where` names the place for messages, e.g. "scaleup_policy.Properties.auto_scaling_group_id".
 */
export function scanReferences(
  value: unknown,
  scope: ScanScope,
  where: string,
  into = new Set<string>(),
  path: (string | number)[] = [],
): Set<string> {
  const f = atPath(path, () => asFunction(value, scope.version));
  if (!f) {
    if (Array.isArray(value)) value.forEach((v, i) => scanReferences(v, scope, `${where}[${i}]`, into, [...path, i]));
    else if (isMap(value)) for (const [k, v] of Object.entries(value)) scanReferences(v, scope, `${where}.${k}`, into, [...path, k]);
    return into;
  }
  atPath([...path, f[0]], () => checkCall(f[0], f[1], scope, where, into));
  scanReferences(f[1], scope, `${where}.${f[0]}`, into, [...path, f[0]]);
  return into;
}

function checkCall(fn: string, args: unknown, scope: ScanScope, where: string, into: Set<string>): void {
  const first = Array.isArray(args) ? args[0] : args;
  const reference = (name: unknown) => {
    if (typeof name !== 'string') return;
    if (!scope.allowResources) {
      throw new HotError('InvalidFunction', `"${fn}" cannot be used in ${where}: resources are not available there.`);
    }
    if (!scope.resourceNames.has(name)) {
      throw new HotError('InvalidTemplateReference', `The specified reference "${name}" (in ${where}) is incorrect.`);
    }
    into.add(name);
  };
  if (fn === 'get_resource') reference(first);
  if (fn === 'get_attr') {
    const min = scope.version.date >= '2015-10-15' ? 1 : 2;
    if (!Array.isArray(args) || args.length < min) throw new HotError('InvalidFunction', `Arguments to "get_attr" must be a list of at least ${min} item(s) (in ${where})`);
    reference(first);
    const attr = args[1];
    const known = typeof first === 'string' ? scope.attributesOf(first) : undefined;
    if (typeof attr === 'string' && known && attr !== 'show' && !known.includes(attr)) {
      throw new HotError('InvalidTemplateAttribute', `The Referenced Attribute (${String(first)} ${attr}) is incorrect.`);
    }
  }
  if (fn === 'get_param' && typeof first === 'string' && !scope.paramNames.has(first)) {
    throw new HotError('UserParameterMissing', `The Parameter (${first}) was not provided.`);
  }
  if (fn === 'if') {
    const cond = Array.isArray(args) ? args[0] : undefined;
    if (typeof cond === 'string' && !scope.conditionNames.has(cond)) {
      throw new HotError('StackValidationFailed', `Invalid condition "${cond}" (in ${where})`);
    }
  }
}

import { HotError } from './hot-error';
import { isMap } from './yaml-load';

/** Checks a cloud-backed constraint such as nova.flavor; returns an error message or null. */
export interface CustomConstraintResolver {
  check(constraint: string, value: string): Promise<string | null>;
}

export const KNOWN_CUSTOM_CONSTRAINTS = [
  'nova.flavor',
  'nova.keypair',
  'nova.server',
  'glance.image',
  'neutron.network',
  'neutron.subnet',
  'neutron.port',
  'neutron.router',
  'neutron.security_group',
  'cinder.volume',
  'cinder.vtype',
  'cinder.snapshot',
] as const;

function lengthOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (isMap(value)) return Object.keys(value).length;
  return String(value).length;
}

function rangeMessage(what: string, min: unknown, max: unknown): string {
  return `${what} is out of range (min: ${min ?? 'None'}, max: ${max ?? 'None'})`;
}

/** Returns the first failing constraint's message (its description if it has one), or null. */
export function checkStaticConstraint(c: Record<string, unknown>, value: unknown): string | null {
  const explain = (fallback: string) => (typeof c.description === 'string' ? c.description : fallback);
  if (isMap(c.length)) {
    const { min, max } = c.length as { min?: number; max?: number };
    const n = lengthOf(value);
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) return explain(rangeMessage(`length (${n})`, min, max));
  }
  if (isMap(c.range)) {
    const { min, max } = c.range as { min?: number; max?: number };
    const n = Number(value);
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      return explain(rangeMessage(String(value), min, max));
    }
  }
  if (isMap(c.modulo)) {
    const { step, offset } = c.modulo as { step?: number; offset?: number };
    const n = Number(value);
    if (step && (((n - (offset ?? 0)) % step) + step) % step !== 0) {
      return explain(`${value} is not a multiple of ${step} with an offset of ${offset ?? 0}.`);
    }
  }
  if (Array.isArray(c.allowed_values)) {
    const values = Array.isArray(value) ? value : [value];
    const allowed = c.allowed_values.map(String);
    const bad = values.find((v) => !allowed.includes(String(v)));
    if (bad !== undefined) return explain(`"${bad}" is not an allowed value [${allowed.join(', ')}]`);
  }
  if (typeof c.allowed_pattern === 'string') {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${c.allowed_pattern})`);
    } catch {
      throw new HotError('StackValidationFailed', `Invalid allowed_pattern "${c.allowed_pattern}"`);
    }
    if (!re.test(String(value))) return explain(`"${value}" does not match pattern "${c.allowed_pattern}"`);
  }
  return null;
}

export function constraintList(decl: Record<string, unknown>, name: string): Record<string, unknown>[] {
  const cs = decl.constraints ?? [];
  if (!Array.isArray(cs) || !cs.every(isMap)) {
    throw new HotError('StackValidationFailed', `Parameter ${name}: constraints must be a list of maps`);
  }
  return cs;
}

// The body of POST /flavors, checked as Nova's JSON schema does: integers may come as
// digit strings, names and ids have length and character limits.

import { randomUUID } from 'node:crypto';
import { ApiError } from '../../http/api-error';
import type { Flavor } from '../../store/schema';
import { invalidInput } from './nova-request';

const MAX_INT = 2147483647;
const ID_PATTERN = /^(?! )[a-zA-Z0-9. _-]+(?<! )$/;

function integer(field: string, value: unknown, minimum: number): number {
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && /^-?[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number)) {
    throw invalidInput(field, value, `${JSON.stringify(value)} is not of type 'integer', 'string'`);
  }
  if (number < minimum) throw invalidInput(field, value, `${number} is less than the minimum of ${minimum}`);
  if (number > MAX_INT) throw invalidInput(field, value, `${number} is greater than the maximum of ${MAX_INT}`);
  return number;
}

function text(field: string, value: unknown, max: number): string {
  if (typeof value !== 'string') throw invalidInput(field, value, `${JSON.stringify(value)} is not of type 'string'`);
  if (value.length < 1) throw invalidInput(field, value, `'' is too short`);
  if (value.length > max) throw invalidInput(field, value, `'${value}' is too long`);
  return value;
}

export function flavorDescription(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') throw invalidInput('description', value, `${JSON.stringify(value)} is not of type 'string', 'null'`);
  if (value.length > 65535) throw invalidInput('description', value, 'is too long');
  return value;
}

const KNOWN = new Set([
  'name', 'id', 'ram', 'vcpus', 'disk', 'OS-FLV-EXT-DATA:ephemeral', 'swap', 'rxtx_factor',
  'os-flavor-access:is_public', 'description',
]);

/** A new flavor from the request body; `allowDescription` is true from microversion 2.55. */
export function parseNewFlavor(input: Record<string, unknown>, allowDescription: boolean, createdAt: string): Flavor {
  for (const key of Object.keys(input)) {
    if (!KNOWN.has(key) || (key === 'description' && !allowDescription)) {
      throw new ApiError(400, `Invalid input for field/attribute flavor. Value: ${JSON.stringify(input)}. Additional properties are not allowed ('${key}' was unexpected)`);
    }
  }
  for (const required of ['name', 'ram', 'vcpus', 'disk']) {
    if (input[required] === undefined) {
      throw new ApiError(400, `Invalid input for field/attribute flavor. Value: ${JSON.stringify(input)}. '${required}' is a required property`);
    }
  }
  const name = text('name', input.name, 255);
  if (name.trim() !== name) throw invalidInput('name', name, 'Name must not have leading or trailing whitespace');
  let id: string = randomUUID();
  if (input.id !== undefined && input.id !== null && input.id !== 'auto') {
    id = text('id', input.id, 255);
    if (!ID_PATTERN.test(id)) throw invalidInput('id', id, `'${id}' does not match '^(?! )[a-zA-Z0-9. _-]+(?<! )$'`);
  }
  const isPublic = input['os-flavor-access:is_public'] ?? true;
  if (typeof isPublic !== 'boolean') {
    throw invalidInput('os-flavor-access:is_public', isPublic, `${JSON.stringify(isPublic)} is not of type 'boolean'`);
  }
  const rxtx = input.rxtx_factor ?? 1;
  const rxtxNumber = typeof rxtx === 'string' ? Number(rxtx) : rxtx;
  if (typeof rxtxNumber !== 'number' || !Number.isFinite(rxtxNumber) || rxtxNumber <= 0) {
    throw invalidInput('rxtx_factor', rxtx, 'must be a number greater than 0');
  }
  return {
    id,
    name,
    vcpus: integer('vcpus', input.vcpus, 1),
    ram: integer('ram', input.ram, 1),
    disk: integer('disk', input.disk, 0),
    ephemeral: input['OS-FLV-EXT-DATA:ephemeral'] === undefined ? 0 : integer('OS-FLV-EXT-DATA:ephemeral', input['OS-FLV-EXT-DATA:ephemeral'], 0),
    swap: input.swap === undefined || input.swap === '' ? 0 : integer('swap', input.swap, 0),
    rxtxFactor: rxtxNumber,
    isPublic,
    disabled: false,
    description: flavorDescription(input.description),
    extraSpecs: {},
    createdAt,
  };
}

const SPEC_KEY = /^[a-zA-Z0-9-_:. /]{1,255}$/;

/** Extra specs as Nova accepts them: keys of safe characters, string values (numbers and booleans are turned into strings). */
export function parseExtraSpecs(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidInput('extra_specs', value, `${JSON.stringify(value)} is not of type 'object'`);
  }
  const specs: Record<string, string> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!SPEC_KEY.test(key)) throw invalidInput('extra_specs', value, `'${key}' does not match any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'`);
    if (typeof raw === 'string') {
      if (raw.length > 255) throw invalidInput(key, raw, `'${raw}' is too long`);
      specs[key] = raw;
    } else if (typeof raw === 'number') {
      specs[key] = String(raw);
    } else if (typeof raw === 'boolean') {
      // Nova stores Python's str() of the value.
      specs[key] = raw ? 'True' : 'False';
    } else {
      throw invalidInput(key, raw, `${JSON.stringify(raw)} is not of type 'string', 'integer', 'number', 'boolean'`);
    }
  }
  return specs;
}

// Reads a Neutron request body ({"network": {...}}) the way Neutron's API layer does: the
// resource key must be there, unknown attributes and attributes not allowed for the method
// are refused, and each value is converted or refused with Neutron's message.

import { badRequest, invalidAttribute } from './errors';
import { parseAddress } from './ip-address';
import { toBoolean } from './list-query';

export type Attributes = Record<string, unknown>;

export interface AttributeRules {
  /** Attributes a client may set on create. */
  post: readonly string[];
  /** Attributes a client may change on update. */
  put: readonly string[];
  /** Every attribute the resource has (others are "unrecognized"). */
  all: readonly string[];
}

export function resourceBody(body: unknown, resource: string, rules: AttributeRules, method: 'POST' | 'PUT'): Attributes {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Resource body required', 'HTTPBadRequest');
  const inner = (body as Attributes)[resource];
  if (inner === undefined) throw badRequest(`Unable to find '${resource}' in request body`, 'HTTPBadRequest');
  if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) {
    throw badRequest(`Invalid input for ${resource}. Reason: not a dict.`, 'HTTPBadRequest');
  }
  const attrs = inner as Attributes;
  const unknown = Object.keys(attrs).filter((key) => !rules.all.includes(key));
  if (unknown.length > 0) throw badRequest(`Unrecognized attribute(s) '${unknown.join(', ')}'`, 'HTTPBadRequest');
  for (const key of Object.keys(attrs)) {
    if (method === 'POST' && !rules.post.includes(key)) throw badRequest(`Attribute '${key}' not allowed in POST`, 'HTTPBadRequest');
    if (method === 'PUT' && !rules.put.includes(key)) throw badRequest(`Cannot update read-only attribute ${key}`, 'HTTPBadRequest');
  }
  return attrs;
}

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

export function readString(attrs: Attributes, key: string, max = 255): string | undefined {
  const value = attrs[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidAttribute(key, `'${show(value)}' is not a valid string`);
  if (value.length > max) throw invalidAttribute(key, `'${value}' exceeds maximum length of ${max}`);
  return value;
}

/** A string or null (e.g. gateway_ip, ipv6 modes). */
export function readNullableString(attrs: Attributes, key: string, max = 255): string | null | undefined {
  return attrs[key] === null ? null : readString(attrs, key, max);
}

export function readBoolean(attrs: Attributes, key: string): boolean | undefined {
  const value = attrs[key];
  if (value === undefined) return undefined;
  try {
    return toBoolean(value);
  } catch {
    throw invalidAttribute(key, `'${show(value)}' cannot be converted to boolean`);
  }
}

export function readInteger(attrs: Attributes, key: string): number | undefined {
  const value = attrs[key];
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(number)) throw invalidAttribute(key, `'${show(value)}' is not an integer`);
  return number;
}

export function readStringList(attrs: Attributes, key: string): string[] | undefined {
  const value = attrs[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw invalidAttribute(key, `'${show(value)}' is not a list`);
  }
  return value as string[];
}

/** An IP address attribute, in canonical form. */
export function readAddress(attrs: Attributes, key: string): string | undefined {
  const value = readString(attrs, key);
  if (value === undefined) return undefined;
  const address = parseAddress(value);
  if (!address) throw invalidAttribute(key, `'${value}' is not a valid IP address`);
  return value;
}

/** Objects with exactly the given string keys, e.g. host routes or allocation pools. */
export function readObjectList<K extends string>(attrs: Attributes, key: string, keys: readonly K[]): Record<K, string>[] | undefined {
  const value = attrs[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw invalidAttribute(key, `'${show(value)}' is not a list`);
  return value.map((entry) => {
    if (entry === null || typeof entry !== 'object') throw invalidAttribute(key, `'${show(entry)}' is not a dictionary`);
    const record = entry as Attributes;
    const extra = Object.keys(record).filter((k) => !(keys as readonly string[]).includes(k));
    if (extra.length > 0) throw invalidAttribute(key, `Unexpected keys supplied: ${extra.join(', ')}`);
    for (const k of keys) {
      if (typeof record[k] !== 'string') throw invalidAttribute(key, `Validation of dictionary's keys failed. Expected keys: {${keys.map((x) => `'${x}'`).join(', ')}} Provided keys: {${Object.keys(record).map((x) => `'${x}'`).join(', ')}}`);
    }
    return record as Record<K, string>;
  });
}

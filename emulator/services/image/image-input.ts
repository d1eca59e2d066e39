// Checks the attributes a client sets on an image (on create or in a PATCH), one at a time,
// with Glance's statuses and messages: 403 for read-only or reserved attributes, 400 when a
// value does not match the image schema.

import type { Image } from '../../store/schema';
import { ApiError } from '../../http/api-error';
import {
  CONTAINER_FORMATS,
  CORE_ATTRIBUTES,
  DISK_FORMATS,
  READ_ONLY_ATTRIBUTES,
  RESERVED_ATTRIBUTES,
  VISIBILITIES,
} from './image-schema';

/** The settable part of an image, as a create or a patch builds it up. */
export type ImageDraft = Pick<
  Image,
  | 'name'
  | 'visibility'
  | 'protected'
  | 'osHidden'
  | 'owner'
  | 'diskFormat'
  | 'containerFormat'
  | 'minDisk'
  | 'minRam'
  | 'tags'
  | 'properties'
>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_INT = 2 ** 31 - 1;

export function schemaError(detail: string): ApiError {
  return new ApiError(400, `Provided object does not match schema 'image': ${detail}`);
}

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

function oneOf(key: string, value: unknown, allowed: readonly string[], nullable: boolean): string | null {
  if (value === null && nullable) return null;
  if (typeof value === 'string' && allowed.includes(value)) return value;
  throw schemaError(`${show(value)} is not one of ${show(nullable ? [null, ...allowed] : allowed)} for '${key}'`);
}

function nullableText(key: string, value: unknown, maxLength = 255): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') throw schemaError(`${show(value)} is not of type 'null', 'string' for '${key}'`);
  if (value.length > maxLength) throw schemaError(`${show(value)} is too long for '${key}'`);
  return value;
}

function boolean(key: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw schemaError(`${show(value)} is not of type 'boolean' for '${key}'`);
  return value;
}

function size(key: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw schemaError(`${show(value)} is not of type 'integer' for '${key}'`);
  }
  if (value < 0) throw new ApiError(400, `Cannot set ${key} to a negative value.`);
  if (value > MAX_INT) throw schemaError(`${value} is greater than the maximum of ${MAX_INT} for '${key}'`);
  return value;
}

export function checkTags(value: unknown): string[] {
  if (!Array.isArray(value)) throw schemaError(`${show(value)} is not of type 'array' for 'tags'`);
  for (const tag of value) {
    if (typeof tag !== 'string' || tag.length > 255) throw schemaError(`${show(tag)} is not a valid tag`);
  }
  return [...new Set(value as string[])];
}

export function checkImageId(value: unknown): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw schemaError(`${show(value)} does not match the uuid pattern for 'id'`);
  }
  return value.toLowerCase();
}

/** Sets one attribute on the draft; `id` is handled by the caller (create only). */
export function setAttribute(draft: ImageDraft, key: string, value: unknown): void {
  // Glance keeps the os_glance* namespace for itself (import bookkeeping).
  if (RESERVED_ATTRIBUTES.has(key) || key.startsWith('os_glance')) throw new ApiError(403, `Attribute '${key}' is reserved.`);
  if (READ_ONLY_ATTRIBUTES.has(key)) throw new ApiError(403, `Attribute '${key}' is read-only.`);
  switch (key) {
    case 'name':
      draft.name = nullableText(key, value);
      return;
    case 'visibility':
      draft.visibility = oneOf(key, value, VISIBILITIES, false) as Image['visibility'];
      return;
    case 'protected':
      draft.protected = boolean(key, value);
      return;
    case 'os_hidden':
      draft.osHidden = boolean(key, value);
      return;
    case 'owner':
      draft.owner = nullableText(key, value);
      return;
    case 'disk_format':
      draft.diskFormat = oneOf(key, value, DISK_FORMATS, true);
      return;
    case 'container_format':
      draft.containerFormat = oneOf(key, value, CONTAINER_FORMATS, true);
      return;
    case 'min_disk':
      draft.minDisk = size(key, value);
      return;
    case 'min_ram':
      draft.minRam = size(key, value);
      return;
    case 'tags':
      draft.tags = checkTags(value);
      return;
    case 'locations':
      throw new ApiError(403, "It's not allowed to add locations if locations are invisible.");
    case 'id':
      throw new ApiError(403, "Attribute 'id' is read-only.");
  }
  if (CORE_ATTRIBUTES.has(key)) throw new ApiError(403, `Attribute '${key}' is read-only.`);
  if (key.length === 0 || key.length > 255) throw schemaError(`${show(key)} is not a valid property name`);
  if (typeof value !== 'string') {
    throw schemaError(`${show(value)} is not of type 'string' for additional property '${key}'`);
  }
  if (value.length > 65535) throw schemaError(`the value of '${key}' is too long`);
  draft.properties = { ...draft.properties, [key]: value };
}

/** Removes one attribute (PATCH remove): only extra properties can go; 409 if absent. */
export function removeAttribute(draft: ImageDraft, key: string): void {
  if (key === 'tags') {
    draft.tags = [];
    return;
  }
  if (CORE_ATTRIBUTES.has(key) || RESERVED_ATTRIBUTES.has(key)) {
    throw new ApiError(403, `Attribute '${key}' is read-only.`);
  }
  if (!(key in draft.properties)) throw new ApiError(409, `Property ${key} does not exist.`);
  const { [key]: _removed, ...rest } = draft.properties;
  draft.properties = rest;
}

export function draftOf(image: Image): ImageDraft {
  return {
    name: image.name,
    visibility: image.visibility,
    protected: image.protected,
    osHidden: image.osHidden,
    owner: image.owner,
    diskFormat: image.diskFormat,
    containerFormat: image.containerFormat,
    minDisk: image.minDisk,
    minRam: image.minRam,
    tags: image.tags,
    properties: image.properties,
  };
}

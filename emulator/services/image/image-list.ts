// GET /v2/images: Glance's filters, sorting (sort_key/sort_dir or sort=key:dir,…) and
// marker pagination with `first` and `next` links as relative paths.

import { ApiError } from '../../http/api-error';
import type { ImageFilter } from '../../store/images';
import type { Image, ImageMemberStatus, ImageVisibility } from '../../store/schema';
import { VISIBILITIES } from './image-schema';

export type ImageQuery = Record<string, string | string[] | undefined>;

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 1000;

// Sortable attributes and how each reads from the model.
const SORT_KEYS: Record<string, (image: Image) => string | number | null> = {
  name: (i) => i.name,
  status: (i) => i.status,
  container_format: (i) => i.containerFormat,
  disk_format: (i) => i.diskFormat,
  size: (i) => i.size,
  id: (i) => i.id,
  created_at: (i) => i.createdAt,
  updated_at: (i) => i.updatedAt,
  visibility: (i) => i.visibility,
  owner: (i) => i.owner,
  min_disk: (i) => i.minDisk,
  min_ram: (i) => i.minRam,
};

// Query keys that are not filters on extra properties.
const NON_PROPERTY_KEYS = new Set([
  'limit', 'marker', 'sort_key', 'sort_dir', 'sort', 'name', 'status', 'visibility', 'owner',
  'member_status', 'tag', 'os_hidden', 'disk_format', 'container_format', 'protected', 'id',
  'size_min', 'size_max',
]);

type SortSpec = { key: string; dir: 'asc' | 'desc' };

function single(query: ImageQuery, key: string): string | undefined {
  const value = query[key];
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function all(query: ImageQuery, key: string): string[] {
  const value = query[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function sortDirection(value: string): 'asc' | 'desc' {
  if (value !== 'asc' && value !== 'desc') throw new ApiError(400, `Invalid sort direction: ${value}`);
  return value;
}

function sortKey(value: string): string {
  if (!(value in SORT_KEYS)) {
    throw new ApiError(400, `Invalid sort key: ${value}. It must be one of the following: ${Object.keys(SORT_KEYS).join(', ')}.`);
  }
  return value;
}

export function parseSort(query: ImageQuery): SortSpec[] {
  const sort = single(query, 'sort');
  const keys = all(query, 'sort_key');
  const dirs = all(query, 'sort_dir');
  if (sort !== undefined) {
    if (keys.length > 0 || dirs.length > 0) {
      throw new ApiError(400, 'The "sort" parameter cannot be combined with sort_key or sort_dir.');
    }
    return sort.split(',').map((part) => {
      const [key = '', dir = 'desc'] = part.trim().split(':');
      return { key: sortKey(key), dir: sortDirection(dir) };
    });
  }
  if (dirs.length > 1 && dirs.length !== keys.length) {
    throw new ApiError(400, 'Number of sort dirs does not match the number of sort keys');
  }
  const specs = (keys.length > 0 ? keys : ['created_at']).map((key, index) => ({
    key: sortKey(key),
    dir: sortDirection(dirs[index] ?? dirs[0] ?? 'desc'),
  }));
  return specs;
}

export function parseLimit(query: ImageQuery): number {
  const text = single(query, 'limit');
  if (text === undefined) return DEFAULT_LIMIT;
  if (!/^-?\d+$/.test(text)) throw new ApiError(400, 'limit param must be an integer');
  const limit = Number(text);
  if (limit < 0) throw new ApiError(400, 'limit param must be positive');
  return Math.min(limit, MAX_LIMIT);
}

function parseBoolean(key: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(lower)) return true;
  if (['false', '0', 'no', 'off'].includes(lower)) return false;
  throw new ApiError(400, `Invalid value for ${key}: ${value}`);
}

export function parseFilter(query: ImageQuery): ImageFilter {
  const visibility = single(query, 'visibility');
  if (visibility !== undefined && visibility !== 'all' && !VISIBILITIES.includes(visibility as ImageVisibility)) {
    throw new ApiError(400, `Invalid visibility value: ${visibility}`);
  }
  const memberStatus = single(query, 'member_status');
  if (memberStatus !== undefined && !['pending', 'accepted', 'rejected', 'all'].includes(memberStatus)) {
    throw new ApiError(400, `Invalid status value: ${memberStatus}`);
  }
  return {
    visibility: visibility as ImageFilter['visibility'],
    memberStatus: memberStatus as ImageMemberStatus | 'all' | undefined,
    name: single(query, 'name'),
    status: single(query, 'status'),
    owner: single(query, 'owner'),
    tags: all(query, 'tag'),
    osHidden: parseBoolean('os_hidden', single(query, 'os_hidden')) ?? false,
  };
}

/** Filters the store does not do: formats, protected, size range, id list, extra properties. */
export function extraFilters(query: ImageQuery): (image: Image) => boolean {
  const checks: ((image: Image) => boolean)[] = [];
  const diskFormat = single(query, 'disk_format');
  if (diskFormat !== undefined) checks.push((i) => i.diskFormat === diskFormat);
  const containerFormat = single(query, 'container_format');
  if (containerFormat !== undefined) checks.push((i) => i.containerFormat === containerFormat);
  const isProtected = parseBoolean('protected', single(query, 'protected'));
  if (isProtected !== undefined) checks.push((i) => i.protected === isProtected);
  const id = single(query, 'id');
  if (id !== undefined) {
    const ids = id.startsWith('in:') ? id.slice(3).split(',') : [id];
    checks.push((i) => ids.includes(i.id));
  }
  for (const [key, bound] of [['size_min', 1], ['size_max', -1]] as const) {
    const text = single(query, key);
    if (text === undefined) continue;
    if (!/^\d+$/.test(text)) throw new ApiError(400, `${key} must be an integer`);
    const limit = Number(text);
    checks.push((i) => i.size !== null && (bound === 1 ? i.size >= limit : i.size <= limit));
  }
  for (const key of Object.keys(query)) {
    if (NON_PROPERTY_KEYS.has(key)) continue;
    const value = single(query, key);
    checks.push((i) => i.properties[key] === value);
  }
  return (image) => checks.every((check) => check(image));
}

export function sortImages(images: Image[], specs: SortSpec[]): Image[] {
  // Glance appends id as the final key so the order (and hence the marker) is total.
  const keys = specs.some((s) => s.key === 'id') ? specs : [...specs, { key: 'id', dir: specs[0]?.dir ?? 'desc' }];
  return [...images].sort((a, b) => {
    for (const { key, dir } of keys) {
      const read = SORT_KEYS[key];
      if (!read) continue;
      const x = read(a);
      const y = read(b);
      if (x === y) continue;
      // Nulls sort first ascending, as in MySQL and SQLite.
      const order = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return dir === 'asc' ? order : -order;
    }
    return 0;
  });
}

export interface ImagePage {
  images: Image[];
  first: string;
  next?: string;
}

export function paginate(sorted: Image[], query: ImageQuery): ImagePage {
  const limit = parseLimit(query);
  const marker = single(query, 'marker');
  let start = 0;
  if (marker !== undefined) {
    const index = sorted.findIndex((image) => image.id === marker);
    if (index < 0) throw new ApiError(400, `Invalid marker. Image ${marker} could not be found.`);
    start = index + 1;
  }
  const images = sorted.slice(start, start + limit);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (key === 'marker' || value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  }
  const firstQuery = params.toString();
  const page: ImagePage = { images, first: firstQuery === '' ? '/v2/images' : `/v2/images?${firstQuery}` };
  const last = images[images.length - 1];
  if (last && images.length === limit) {
    params.set('marker', last.id);
    page.next = `/v2/images?${params.toString()}`;
  }
  return page;
}

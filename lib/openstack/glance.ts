import 'server-only';

import { randomUUID } from 'node:crypto';

import { OpenStackError, messageFromBody } from './errors';
import { DEFAULT_TIMEOUT_MS } from './http';
import { GLANCE_CORE_ATTRIBUTES } from '../validation/images';
import { type ServiceClient, query, serviceClient } from './service-client';

/** Glance v2: images with clean names; the wire's extra keys become `properties`. */
export type ImageVisibility = 'public' | 'private' | 'shared' | 'community';

export interface Image {
  id: string;
  name: string;
  status: string;
  visibility: ImageVisibility;
  owner: string | null;
  protected: boolean;
  minDiskGb: number;
  minRamMb: number;
  sizeBytes: number | null;
  virtualSizeBytes: number | null;
  diskFormat: string | null;
  containerFormat: string | null;
  checksum: string | null;
  createdAt: string;
  updatedAt: string;
  tags: string[];
  /** Everything else Glance returns (os_distro, hw_* and user properties), as text. */
  properties: Record<string, string>;
}

export interface GlanceClient extends ServiceClient {
  token: string;
}

const SERVICE = 'image';

/** The catalog names Glance's root (devstack: /image, others :9292); the API lives under /v2. */
export function glanceClient(baseUrl: string, token: string): GlanceClient {
  const root = baseUrl.replace(/\/+$/, '').replace(/\/v2(\.\d+)?$/, '');
  return { ...serviceClient({ service: SERVICE, baseUrl: `${root}/v2`, token }), token };
}


const VISIBILITIES: ImageVisibility[] = ['public', 'private', 'shared', 'community'];

export function parseImage(wire: unknown): Image {
  const w = (wire ?? {}) as Record<string, unknown>;
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(w)) {
    if (GLANCE_CORE_ATTRIBUTES.has(key) || value === null || value === undefined) continue;
    properties[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  const visibility = VISIBILITIES.includes(w.visibility as ImageVisibility) ? (w.visibility as ImageVisibility) : 'shared';
  return {
    id: String(w.id ?? ''),
    name: typeof w.name === 'string' ? w.name : '',
    status: typeof w.status === 'string' ? w.status : 'unknown',
    visibility,
    owner: typeof w.owner === 'string' ? w.owner : null,
    protected: w.protected === true,
    minDiskGb: numberOr(w.min_disk, 0),
    minRamMb: numberOr(w.min_ram, 0),
    sizeBytes: numberOr(w.size, null),
    virtualSizeBytes: numberOr(w.virtual_size, null),
    diskFormat: typeof w.disk_format === 'string' ? w.disk_format : null,
    containerFormat: typeof w.container_format === 'string' ? w.container_format : null,
    checksum: typeof w.checksum === 'string' ? w.checksum : null,
    createdAt: String(w.created_at ?? ''),
    updatedAt: String(w.updated_at ?? ''),
    tags: Array.isArray(w.tags) ? w.tags.map(String) : [],
    properties,
  };
}

function numberOr<T extends number | null>(value: unknown, fallback: T): number | T {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export interface ImagePage {
  images: Image[];
  /** The marker of the next page, when Glance says there is one. */
  nextMarker: string | null;
}

/** One page of images; Glance's `next` is a relative link whose marker is the last image's id. */
export async function listImages(
  client: ServiceClient,
  options: { visibility?: ImageVisibility | 'all'; limit?: number; marker?: string } = {},
): Promise<ImagePage> {
  const { body } = await client.call<{ images?: unknown[]; next?: string }>(
    `/images${query({ visibility: options.visibility, limit: options.limit ?? 200, marker: options.marker, sort_key: 'name', sort_dir: 'asc' })}`,
  );
  const images = (body?.images ?? []).map(parseImage);
  const next = typeof body?.next === 'string' ? new URL(body.next, 'http://glance.invalid').searchParams.get('marker') : null;
  return { images, nextMarker: next };
}

export async function getImage(client: ServiceClient, id: string): Promise<Image> {
  const { body } = await client.call<unknown>(`/images/${encodeURIComponent(id)}`);
  return parseImage(body);
}

export interface CreateImageInput {
  name: string;
  diskFormat: string;
  containerFormat: string;
  visibility: ImageVisibility;
  minDiskGb: number;
  minRamMb: number;
  protected: boolean;
}

export async function createImage(client: ServiceClient, input: CreateImageInput): Promise<Image> {
  const { body } = await client.call<unknown>('/images', {
    method: 'POST',
    body: {
      name: input.name,
      disk_format: input.diskFormat,
      container_format: input.containerFormat,
      visibility: input.visibility,
      min_disk: input.minDiskGb,
      min_ram: input.minRamMb,
      protected: input.protected,
    },
  });
  return parseImage(body);
}

/** The import methods the cloud enables (web-download is optional in Glance's configuration). */
export async function importMethods(client: ServiceClient): Promise<string[]> {
  try {
    const { body } = await client.call<{ 'import-methods'?: { value?: unknown[] } }>('/info/import');
    return (body?.['import-methods']?.value ?? []).map(String);
  } catch (error) {
    // Clouds without interoperable import answer 404 here: no import method at all.
    if (error instanceof OpenStackError && error.status === 404) return [];
    throw error;
  }
}

/** Asks Glance to fetch the image data from a URL itself (the web-download import method). */
export async function importFromUrl(client: ServiceClient, id: string, uri: string): Promise<void> {
  await client.call(`/images/${encodeURIComponent(id)}/import`, {
    method: 'POST',
    body: { method: { name: 'web-download', uri } },
  });
}

export interface ImageChanges {
  name?: string;
  visibility?: ImageVisibility;
  minDiskGb?: number;
  minRamMb?: number;
  protected?: boolean;
  /** The whole list afterwards. */
  tags?: string[];
  /** User properties to add or change, and to remove. */
  properties?: { set: Record<string, string>; remove: string[]; existing: string[] };
}

type AttributeChange = Exclude<keyof ImageChanges, 'tags' | 'properties'>;

const PATCH_PATHS: Record<AttributeChange, string> = {
  name: '/name',
  visibility: '/visibility',
  minDiskGb: '/min_disk',
  minRamMb: '/min_ram',
  protected: '/protected',
};

/** Glance updates with a JSON patch in its own media type; plain JSON is refused with 415. */
export type ImagePatchOp = { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

export function imagePatch(changes: ImageChanges): ImagePatchOp[] {
  const ops: ImagePatchOp[] = (Object.keys(PATCH_PATHS) as AttributeChange[])
    .filter((key) => changes[key] !== undefined)
    .map((key) => ({ op: 'replace' as const, path: PATCH_PATHS[key], value: changes[key] }));
  if (changes.tags) ops.push({ op: 'replace', path: '/tags', value: changes.tags });
  if (changes.properties) {
    const { set, remove, existing } = changes.properties;
    // A JSON pointer escapes "~" and "/" in a key.
    const path = (key: string) => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    for (const [key, value] of Object.entries(set)) ops.push({ op: existing.includes(key) ? 'replace' : 'add', path: path(key), value });
    for (const key of remove) ops.push({ op: 'remove', path: path(key) });
  }
  return ops;
}

export async function updateImage(client: GlanceClient, id: string, changes: ImageChanges): Promise<Image> {
  const body = await sendRaw(client, `/images/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    contentType: 'application/openstack-images-v2.1-json-patch',
    body: JSON.stringify(imagePatch(changes)),
  });
  return parseImage(body);
}

export async function deleteImage(client: ServiceClient, id: string): Promise<void> {
  await client.call(`/images/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Streams the image data to Glance without holding it in memory. */
export async function uploadImageData(
  client: GlanceClient,
  id: string,
  data: ReadableStream<Uint8Array>,
  options: { sizeBytes?: number; timeoutMs?: number } = {},
): Promise<void> {
  await sendRaw(client, `/images/${encodeURIComponent(id)}/file`, {
    method: 'PUT',
    contentType: 'application/octet-stream',
    body: data,
    contentLength: options.sizeBytes,
    // Large uploads take as long as the network needs; only a stalled start is worth a timeout.
    timeoutMs: options.timeoutMs ?? 60 * 60_000,
  });
}

/** Calls whose body is not plain JSON (a JSON patch, a byte stream), with the same errors as http.ts. */
async function sendRaw(
  client: GlanceClient,
  path: string,
  init: { method: string; contentType: string; body: BodyInit; contentLength?: number; timeoutMs?: number },
): Promise<unknown> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'User-Agent': 'zenith-dashboard',
    'X-OpenStack-Request-ID': `req-${randomUUID()}`,
    'X-Auth-Token': client.token,
    'Content-Type': init.contentType,
  };
  if (init.contentLength !== undefined) headers['Content-Length'] = String(init.contentLength);
  let response: Response;
  try {
    response = await fetch(`${client.baseUrl}${path}`, {
      method: init.method,
      headers,
      body: init.body,
      signal: AbortSignal.timeout(init.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      redirect: 'manual',
      cache: 'no-store',
      // Node's fetch needs this to send a stream as the request body.
      ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new OpenStackError({
      service: SERVICE,
      status: timedOut ? 504 : 503,
      code: timedOut ? 'timeout' : 'unreachable',
      message: timedOut ? `${SERVICE} did not answer in time` : `${SERVICE} cannot be reached at ${new URL(client.baseUrl).origin}`,
      requestId: headers['X-OpenStack-Request-ID'],
    });
  }
  const requestId = response.headers.get('x-openstack-request-id');
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) {
    throw new OpenStackError({
      service: SERVICE,
      status: response.status,
      message: messageFromBody(body) ?? `${SERVICE} answered ${response.status} ${response.statusText}`,
      requestId,
    });
  }
  return body;
}

/** The images with these ids in one call (Glance's `id=in:` filter), for joining names into lists. */
export async function listImagesByIds(client: ServiceClient, ids: string[]): Promise<Image[]> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return [];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100));
  const pages = await Promise.all(
    chunks.map((chunk) =>
      client.call<{ images?: unknown[] }>(`/images${query({ id: `in:${chunk.join(',')}`, limit: chunk.length })}`),
    ),
  );
  return pages.flatMap((page) => (page.body?.images ?? []).map(parseImage));
}

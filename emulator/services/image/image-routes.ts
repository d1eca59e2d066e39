// Glance v2 images: list, show, create, update (JSON patch) and delete.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import type { Image } from '../../store/schema';
import {
  checkVisibilityChange,
  imageCaller,
  notAuthorized,
  ownImage,
  visibleImage,
} from './image-access';
import { checkImageId, draftOf, removeAttribute, setAttribute, type ImageDraft } from './image-input';
import { extraFilters, paginate, parseFilter, parseSort, sortImages, type ImageQuery } from './image-list';
import { IMAGE_SCHEMA, IMAGES_SCHEMA } from './image-schema';
import { imageView } from './image-views';

type IdParams = { Params: { imageId: string } };

const PATCH_TYPES = new Set([
  'application/openstack-images-v2.1-json-patch',
  'application/openstack-images-v2.0-json-patch',
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function registerImageRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { images } = cloud.store;
  const now = () => formatIsoMicros(cloud.clock.now());

  app.get('/v2/schemas/image', async () => IMAGE_SCHEMA);
  app.get('/v2/schemas/images', async () => IMAGES_SCHEMA);

  app.get<{ Querystring: ImageQuery }>('/v2/images', async (request) => {
    const caller = imageCaller(request);
    const query = request.query;
    const filter = parseFilter(query);
    const sort = parseSort(query);
    const matches = (await images.list(caller, filter)).filter(extraFilters(query));
    const page = paginate(sortImages(matches, sort), query);
    return {
      images: page.images.map(imageView),
      first: page.first,
      ...(page.next === undefined ? {} : { next: page.next }),
      schema: '/v2/schemas/images',
    };
  });

  app.get<IdParams>('/v2/images/:imageId', async (request) => {
    const caller = imageCaller(request);
    return imageView(await visibleImage(cloud, caller, request.params.imageId));
  });

  app.post('/v2/images', async (request, reply) => {
    const caller = imageCaller(request);
    const body = request.body;
    if (!isPlainObject(body)) throw new ApiError(400, 'Body expected in request.');
    const draft: ImageDraft = {
      name: null,
      visibility: 'shared',
      protected: false,
      osHidden: false,
      owner: caller.projectId,
      diskFormat: null,
      containerFormat: null,
      minDisk: 0,
      minRam: 0,
      tags: [],
      properties: {},
    };
    let id: string = randomUUID();
    for (const [key, value] of Object.entries(body)) {
      if (key === 'id') id = checkImageId(value);
      else setAttribute(draft, key, value);
    }
    checkVisibilityChange(caller, draft.visibility);
    if (draft.owner !== caller.projectId && !caller.isAdmin) {
      throw new ApiError(403, `You are not permitted to create images owned by '${draft.owner}'.`);
    }
    if (await images.get(id)) throw new ApiError(409, `Image with identifier ${id} already exists!`);
    const at = now();
    const image: Image = {
      ...draft,
      id,
      status: 'queued',
      size: null,
      virtualSize: null,
      checksum: null,
      osHashAlgo: null,
      osHashValue: null,
      importDoneAt: null,
      createdAt: at,
      updatedAt: at,
    };
    await images.create(image);
    return reply.code(201).header('location', cloud.url(`/image/v2/images/${id}`)).send(imageView(image));
  });

  app.patch<IdParams>('/v2/images/:imageId', async (request) => {
    const caller = imageCaller(request);
    const contentType = String(request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!PATCH_TYPES.has(contentType)) throw new ApiError(415, `Unsupported Content-Type: ${contentType || '(none)'}`);
    const operations = parsePatchBody(request.body);
    const image = await ownImage(cloud, caller, request.params.imageId, 'modify_image');
    const draft = draftOf(image);
    for (const op of operations) applyOperation(draft, op);
    if (draft.visibility !== image.visibility) checkVisibilityChange(caller, draft.visibility);
    if (draft.owner !== image.owner && !caller.isAdmin) throw notAuthorized('modify_image');
    const updated = await images.update(image.id, { ...draft, updatedAt: now() });
    if (!updated) throw new ApiError(404, `No image found with ID ${image.id}`);
    return imageView(updated);
  });

  app.delete<IdParams>('/v2/images/:imageId', async (request, reply) => {
    const caller = imageCaller(request);
    const image = await ownImage(cloud, caller, request.params.imageId, 'delete_image');
    if (image.protected) throw new ApiError(403, `Image ${image.id} is protected and cannot be deleted.`);
    await images.delete(image.id);
    return reply.code(204).send();
  });
}

interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

function parsePatchBody(body: unknown): PatchOperation[] {
  let parsed: unknown = body;
  if (Buffer.isBuffer(body)) {
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new ApiError(400, 'Malformed JSON in request body.');
    }
  }
  if (!Array.isArray(parsed)) {
    throw new ApiError(400, 'Request body must be a JSON array of operation objects.');
  }
  return parsed.map((entry) => {
    if (!isPlainObject(entry)) throw new ApiError(400, 'Operations must be JSON objects.');
    const { op, path } = entry;
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw new ApiError(400, `Invalid operation: \`${String(op)}\`.`);
    }
    if (typeof path !== 'string' || !path.startsWith('/') || path.length < 2) {
      throw new ApiError(400, `Invalid JSON pointer for this resource: '${String(path)}'`);
    }
    if (op !== 'remove' && !('value' in entry)) {
      throw new ApiError(400, `Operation objects must contain exactly one member named "op", "path" and "value".`);
    }
    return { op, path, value: entry.value };
  });
}

function applyOperation(draft: ImageDraft, { op, path, value }: PatchOperation): void {
  // JSON pointer escapes: ~1 is "/", ~0 is "~".
  const parts = path.slice(1).split('/').map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  const [key = '', ...rest] = parts;
  if (key === 'tags' && rest.length === 1 && op === 'add') {
    if (typeof value !== 'string') throw new ApiError(400, 'A tag must be a string.');
    draft.tags = [...new Set([...draft.tags, value])];
    return;
  }
  if (rest.length > 0) throw new ApiError(400, `Invalid JSON pointer for this resource: '${path}'`);
  if (op === 'remove') return removeAttribute(draft, key);
  if (op === 'replace' && !isCore(key) && !(key in draft.properties)) {
    throw new ApiError(409, `Property ${key} does not exist.`);
  }
  setAttribute(draft, key, value);
}

function isCore(key: string): boolean {
  return key in IMAGE_SCHEMA.properties;
}

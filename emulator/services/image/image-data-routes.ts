// Image data: upload (hashed while it streams in, never kept), download (the emulator has
// no bytes to give: 204 as Glance answers for an image without data) and the web-download
// import, which never touches the network: the image spends a few simulated seconds in
// `importing` and then turns active with no size.

import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import { imageCaller, notAuthorized, ownImage, visibleImage } from './image-access';

type IdParams = { Params: { imageId: string } };

/** How long a simulated web-download takes. */
export const IMPORT_SECONDS = 5;

const IMPORT_METHODS = ['web-download'];

/** What an upload leaves behind: its length and digests, not its bytes. */
export class UploadDigest {
  constructor(
    readonly size: number,
    readonly md5: string,
    readonly sha512: string,
  ) {}
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function registerImageDataRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { images } = cloud.store;
  const now = () => formatIsoMicros(cloud.clock.now());

  // Streams the body through the hashes; nothing is buffered, so any size can be uploaded.
  app.addContentTypeParser('application/octet-stream', (_request, payload: Readable, done) => {
    const md5 = createHash('md5');
    const sha512 = createHash('sha512');
    let size = 0;
    payload.on('data', (chunk: Buffer) => {
      size += chunk.length;
      md5.update(chunk);
      sha512.update(chunk);
    });
    payload.on('end', () => done(null, new UploadDigest(size, md5.digest('hex'), sha512.digest('hex'))));
    payload.on('error', (error) => done(error, undefined));
  });

  app.put<IdParams>('/v2/images/:imageId/file', async (request, reply) => {
    const caller = imageCaller(request);
    const image = await ownImage(cloud, caller, request.params.imageId, 'upload_image');
    if (!(request.body instanceof UploadDigest)) {
      throw new ApiError(415, 'The request body must be sent as application/octet-stream.');
    }
    if (image.status !== 'queued') {
      throw new ApiError(409, `Image status transition from ${image.status} to saving is not allowed`);
    }
    if (image.diskFormat === null || image.containerFormat === null) {
      throw new ApiError(400, 'Properties disk_format, container_format must be set prior to saving data.');
    }
    const digest = request.body;
    await images.update(image.id, {
      status: 'active',
      size: digest.size,
      checksum: digest.md5,
      osHashAlgo: 'sha512',
      osHashValue: digest.sha512,
      updatedAt: now(),
    });
    return reply.code(204).send();
  });

  app.get<IdParams>('/v2/images/:imageId/file', async (request, reply) => {
    const caller = imageCaller(request);
    const image = await visibleImage(cloud, caller, request.params.imageId);
    if (image.status === 'deactivated' && !caller.isAdmin) {
      throw new ApiError(403, 'The requested image has been deactivated. Image data download is prohibited.');
    }
    // The emulator keeps no image bytes; Glance answers 204 for an image without data.
    return reply.code(204).send();
  });

  // Deactivation (admins): the image stays listed but its data cannot be downloaded or booted.
  app.post<IdParams>('/v2/images/:imageId/actions/deactivate', async (request, reply) => {
    const caller = imageCaller(request);
    const image = await visibleImage(cloud, caller, request.params.imageId);
    if (!caller.isAdmin) throw notAuthorized('deactivate');
    if (image.status !== 'active' && image.status !== 'deactivated') {
      throw new ApiError(403, `Not allowed to deactivate image in status '${image.status}'`);
    }
    await images.update(image.id, { status: 'deactivated', updatedAt: now() });
    return reply.code(204).send();
  });

  app.post<IdParams>('/v2/images/:imageId/actions/reactivate', async (request, reply) => {
    const caller = imageCaller(request);
    const image = await visibleImage(cloud, caller, request.params.imageId);
    if (!caller.isAdmin) throw notAuthorized('reactivate');
    if (image.status !== 'active' && image.status !== 'deactivated') {
      throw new ApiError(403, `Not allowed to reactivate image in status '${image.status}'`);
    }
    await images.update(image.id, { status: 'active', updatedAt: now() });
    return reply.code(204).send();
  });

  app.get('/v2/info/import', async () => ({
    'import-methods': {
      description: 'Import methods available.',
      type: 'array',
      value: IMPORT_METHODS,
    },
  }));

  app.post<IdParams>('/v2/images/:imageId/import', async (request, reply) => {
    const caller = imageCaller(request);
    const body = request.body;
    const method = isPlainObject(body) && isPlainObject(body.method) ? body.method : undefined;
    if (!method || typeof method.name !== 'string') {
      throw new ApiError(400, 'Import request requires a "method" object with a "name".');
    }
    if (!IMPORT_METHODS.includes(method.name)) {
      throw new ApiError(400, `Import method ${method.name} is not supported by this cloud.`);
    }
    const uri = method.uri;
    if (typeof uri !== 'string' || !/^https?:\/\/[^\s]+$/i.test(uri)) {
      throw new ApiError(400, 'URI for web-download does not pass filtering: a http(s) URL is required.');
    }
    const image = await ownImage(cloud, caller, request.params.imageId, 'import_image');
    if (image.status !== 'queued') {
      throw new ApiError(409, `Image status transition from ${image.status} to importing is not allowed`);
    }
    if (image.diskFormat === null || image.containerFormat === null) {
      throw new ApiError(400, 'Properties disk_format, container_format must be set prior to importing data.');
    }
    const start = cloud.clock.now();
    await images.update(image.id, {
      status: 'importing',
      importDoneAt: formatIsoMicros(start + IMPORT_SECONDS * 1000),
      updatedAt: formatIsoMicros(start),
    });
    return reply.code(202).send();
  });
}

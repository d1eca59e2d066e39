import 'server-only';

import { OpenStackError } from '../openstack/errors';
import {
  type GlanceClient,
  type Image,
  createImage,
  deleteImage,
  getImage,
  glanceClient,
  importFromUrl,
  importMethods,
  listImages,
  updateImage,
  uploadImageData,
} from '../openstack/glance';
import { type CreateImageRequest, DEFAULT_UPLOAD_LIMIT_BYTES, type UpdateImageRequest } from '../validation/images';
import { ApiError } from './api-error';
import type { ScopedContext } from './guard';

/** The images page: Glance's list for the project, and what this user may do with it. */
export interface ImageRow extends Image {
  /** Owned by the current project (so editable and deletable by its members). */
  owned: boolean;
}

export interface ImageListView {
  images: ImageRow[];
  nextMarker: string | null;
  /** Glance's default policy lets only admins publish images. */
  canPublish: boolean;
  uploadLimitBytes: number;
  importMethods: string[];
}

const glance = (ctx: ScopedContext): GlanceClient => glanceClient(ctx.endpoint('image'), ctx.token);

export function uploadLimitBytes(env: Record<string, string | undefined> = process.env): number {
  const mb = Number(env.ZENITH_IMAGE_UPLOAD_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : DEFAULT_UPLOAD_LIMIT_BYTES;
}

export async function loadImages(
  ctx: ScopedContext,
  filter: { visibility: 'all' | 'public' | 'private' | 'shared' | 'community'; marker?: string },
): Promise<ImageListView> {
  const client = glance(ctx);
  const [page, methods] = await Promise.all([
    listImages(client, { visibility: filter.visibility, marker: filter.marker }),
    importMethods(client).catch(() => []),
  ]);
  return {
    images: page.images.map((image) => ({ ...image, owned: image.owner === ctx.project.id })),
    nextMarker: page.nextMarker,
    canPublish: ctx.isAdmin,
    uploadLimitBytes: uploadLimitBytes(),
    importMethods: methods,
  };
}

export async function loadImage(ctx: ScopedContext, id: string): Promise<ImageRow> {
  const image = await getImage(glance(ctx), id);
  return { ...image, owned: image.owner === ctx.project.id };
}

function assertMayPublish(ctx: ScopedContext, visibility: string): void {
  if (visibility === 'public' && !ctx.isAdmin) {
    throw new ApiError({
      code: 'image.public_admin_only',
      status: 403,
      message: 'Only administrators may make an image public (Glance’s default policy)',
      fields: { visibility: 'public_admin_only' },
    });
  }
}

/**
 * Creates the image record. For a file the browser then streams the bytes to uploadImage; for a URL Glance
 * fetches them itself (web-download), and the record is removed again if Glance refuses the import.
 */
export async function createImageFromRequest(ctx: ScopedContext, input: CreateImageRequest): Promise<ImageRow> {
  assertMayPublish(ctx, input.visibility);
  const client = glance(ctx);
  if (input.source === 'file' && input.sizeBytes > uploadLimitBytes()) throw tooLarge();
  if (input.source === 'url' && !(await importMethods(client)).includes('web-download')) {
    throw new ApiError({
      code: 'image.web_download_disabled',
      status: 400,
      message: 'This cloud does not offer the web-download import method',
      fields: { url: 'web_download_disabled' },
    });
  }
  const image = await createImage(client, input);
  if (input.source === 'url') {
    try {
      await importFromUrl(client, image.id, input.url);
    } catch (error) {
      await deleteImage(client, image.id).catch(() => undefined);
      throw error;
    }
  }
  return { ...(await getImage(client, image.id).catch(() => image)), owned: true };
}

function tooLarge(): ApiError {
  const limit = uploadLimitBytes();
  return new ApiError({
    code: 'image.too_large',
    status: 413,
    message: `The file is larger than this dashboard accepts (${Math.round(limit / 1024 ** 2)} MiB); upload it with the openstack CLI instead`,
    fields: { file: 'too_large' },
  });
}

/**
 * Streams the request body to Glance, counting bytes so that a client that lies about the size is cut off
 * at the limit. A failed upload leaves no empty image behind.
 */
export async function uploadImage(ctx: ScopedContext, id: string, request: Request): Promise<ImageRow> {
  const limit = uploadLimitBytes();
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) throw new ApiError({ code: 'image.no_data', status: 400, message: 'The upload has no data', fields: { file: 'file_empty' } });
  const client = glance(ctx);
  const image = await getImage(client, id);
  if (image.status !== 'queued') {
    throw new ApiError({ code: 'image.not_queued', status: 409, message: `Image ${id} already has data (status ${image.status})` });
  }
  let seen = 0;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  try {
    await uploadImageData(client, id, counted, { sizeBytes: Number.isFinite(declared) && declared > 0 ? declared : undefined });
  } catch (error) {
    await deleteImage(client, id).catch(() => undefined);
    if (seen > limit) throw tooLarge();
    throw error;
  }
  return loadImage(ctx, id);
}

export async function updateImageFromRequest(ctx: ScopedContext, id: string, input: UpdateImageRequest): Promise<ImageRow> {
  const client = glance(ctx);
  const current = await getImage(client, id);
  if (current.visibility !== input.visibility) assertMayPublish(ctx, input.visibility);
  const changes = {
    name: input.name !== current.name ? input.name : undefined,
    visibility: input.visibility !== current.visibility ? input.visibility : undefined,
    minDiskGb: input.minDiskGb !== current.minDiskGb ? input.minDiskGb : undefined,
    minRamMb: input.minRamMb !== current.minRamMb ? input.minRamMb : undefined,
    protected: input.protected !== current.protected ? input.protected : undefined,
    tags: input.tags && !sameSet(input.tags, current.tags) ? [...new Set(input.tags)] : undefined,
    properties: input.properties ? propertyChanges(current.properties, input.properties) : undefined,
  };
  if (Object.values(changes).every((v) => v === undefined)) return { ...current, owned: current.owner === ctx.project.id };
  const image = await updateImage(client, id, changes);
  return { ...image, owned: image.owner === ctx.project.id };
}

function sameSet(a: string[], b: string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((v) => right.has(v));
}

/** What to send for the properties the form ends with; undefined when nothing changed. */
export function propertyChanges(
  current: Record<string, string>,
  wanted: { key: string; value: string }[],
): { set: Record<string, string>; remove: string[]; existing: string[] } | undefined {
  const set = Object.fromEntries(wanted.filter((p) => current[p.key] !== p.value).map((p) => [p.key, p.value]));
  const wantedKeys = new Set(wanted.map((p) => p.key));
  const remove = Object.keys(current).filter((key) => !wantedKeys.has(key));
  if (Object.keys(set).length === 0 && remove.length === 0) return undefined;
  return { set, remove, existing: Object.keys(current) };
}

export async function removeImage(ctx: ScopedContext, id: string): Promise<void> {
  const client = glance(ctx);
  try {
    await deleteImage(client, id);
  } catch (error) {
    if (error instanceof OpenStackError && error.status === 403) {
      const image = await getImage(client, id).catch(() => null);
      if (image?.protected) {
        throw new ApiError({
          code: 'image.protected',
          status: 403,
          message: 'This image is protected: turn protection off before deleting it',
          service: 'image',
          requestId: error.requestId,
        });
      }
    }
    throw error;
  }
}

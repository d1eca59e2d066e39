// Who may do what to an image, after Glance's default policy: everyone reads what they can
// see; owners (and admins) change and delete their own images; only admins make an image
// public. Images a caller cannot see answer 404, as if they did not exist.

import type { FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { ImageViewer } from '../../store/images';
import type { Image } from '../../store/schema';
import { apiCaller, callerProjectId, isAdmin } from '../compute/api-caller';

export interface ImageCaller extends ImageViewer {
  userId: string;
}

export function imageCaller(request: FastifyRequest): ImageCaller {
  const caller = apiCaller(request);
  return { projectId: callerProjectId(caller), isAdmin: isAdmin(caller), userId: caller.user.id };
}

export function notFound(id: string): ApiError {
  return new ApiError(404, `No image found with ID ${id}`);
}

export function notAuthorized(action: string): ApiError {
  return new ApiError(403, `You are not authorized to complete ${action} action.`);
}

/** The image, if the caller may see it; 404 otherwise. */
export async function visibleImage(cloud: Cloud, caller: ImageCaller, id: string): Promise<Image> {
  const image = await cloud.store.images.getVisible(caller, id);
  if (!image) throw notFound(id);
  return image;
}

/** The image, if the caller may change it: 404 if invisible, 403 if someone else's. */
export async function ownImage(cloud: Cloud, caller: ImageCaller, id: string, action: string): Promise<Image> {
  const image = await visibleImage(cloud, caller, id);
  if (!caller.isAdmin && image.owner !== caller.projectId) throw notAuthorized(action);
  return image;
}

/** Refuses a visibility the caller may not set (public is admin-only by default). */
export function checkVisibilityChange(caller: ImageCaller, visibility: Image['visibility']): void {
  if (visibility === 'public' && !caller.isAdmin) throw notAuthorized('publicize_image');
}

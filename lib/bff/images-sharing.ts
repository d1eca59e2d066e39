import 'server-only';

import { OpenStackError } from '../openstack/errors';
import { getImage, glanceClient } from '../openstack/glance';
import { type ImageMember, type MemberStatus, addMember, getMembership, listMembers, removeMember, setMemberStatus } from '../openstack/glance-members';
import { ApiError } from './api-error';
import type { ScopedContext } from './guard';

/** Who an image is shared with (for its owner) and this project's own answer to a share (for a member). */
export interface ImageSharingView {
  owned: boolean;
  visibility: string;
  members: ImageMember[];
  membership: ImageMember | null;
}

const glance = (ctx: ScopedContext) => glanceClient(ctx.endpoint('image'), ctx.token);

export async function loadImageSharing(ctx: ScopedContext, imageId: string): Promise<ImageSharingView> {
  const client = glance(ctx);
  const image = await getImage(client, imageId);
  const owned = image.owner === ctx.project.id;
  if (owned) {
    // Glance answers 403 for member lists of images that are not "shared"; there are none to show.
    const members = image.visibility === 'shared' ? await listMembers(client, imageId) : [];
    return { owned, visibility: image.visibility, members, membership: null };
  }
  const membership = image.visibility === 'shared' ? await getMembership(client, imageId, ctx.project.id) : null;
  return { owned, visibility: image.visibility, members: [], membership };
}

export async function shareImage(ctx: ScopedContext, imageId: string, projectId: string): Promise<ImageMember> {
  const client = glance(ctx);
  const image = await getImage(client, imageId);
  if (image.visibility !== 'shared') {
    throw new ApiError({
      code: 'image.not_shared',
      status: 409,
      message: 'Set the image’s visibility to “shared” before sharing it with projects',
      fields: { projectId: 'not_shared' },
    });
  }
  try {
    return await addMember(client, imageId, projectId);
  } catch (error) {
    if (error instanceof OpenStackError && error.status === 409) {
      throw new ApiError({ code: 'image.member_exists', status: 409, message: error.message, service: 'image', requestId: error.requestId, fields: { projectId: 'member_exists' } });
    }
    throw error;
  }
}

export async function unshareImage(ctx: ScopedContext, imageId: string, projectId: string): Promise<void> {
  await removeMember(glance(ctx), imageId, projectId);
}

/** The current project accepts or rejects an image shared with it. */
export async function answerShare(ctx: ScopedContext, imageId: string, status: MemberStatus): Promise<ImageMember> {
  return setMemberStatus(glance(ctx), imageId, ctx.project.id, status);
}

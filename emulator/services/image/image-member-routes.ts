// Sharing (image members) and single-tag edits. The owner shares a `shared` image with a
// project; that project accepts or rejects it, and only accepted images show in its list.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import type { ImageMember, ImageMemberStatus } from '../../store/schema';
import { imageCaller, notAuthorized, notFound, ownImage, visibleImage } from './image-access';
import { glanceTime } from './image-views';

type IdParams = { Params: { imageId: string } };
type MemberParams = { Params: { imageId: string; memberId: string } };
type TagParams = { Params: { imageId: string; tag: string } };

const MEMBER_STATUSES: readonly ImageMemberStatus[] = ['pending', 'accepted', 'rejected'];

function memberView(member: ImageMember) {
  return {
    image_id: member.imageId,
    member_id: member.memberId,
    status: member.status,
    created_at: glanceTime(member.createdAt),
    updated_at: glanceTime(member.updatedAt),
    schema: '/v2/schemas/member',
  };
}

const MEMBER_SCHEMA = {
  name: 'member',
  properties: {
    created_at: { type: 'string', description: 'Date and time of image member creation' },
    image_id: { type: 'string', description: 'An identifier for the image' },
    member_id: { type: 'string', description: 'An identifier for the image member (tenantId)' },
    status: { type: 'string', enum: [...MEMBER_STATUSES], description: 'The status of this image member' },
    updated_at: { type: 'string', description: 'Date and time of last modification of image member' },
    schema: { type: 'string', readOnly: true },
  },
};

export function registerImageMemberRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { images } = cloud.store;
  const now = () => formatIsoMicros(cloud.clock.now());

  app.get('/v2/schemas/member', async () => MEMBER_SCHEMA);
  app.get('/v2/schemas/members', async () => ({
    name: 'members',
    properties: { members: { type: 'array', items: MEMBER_SCHEMA }, schema: { type: 'string' } },
    links: [{ rel: 'describedby', href: '{schema}' }],
  }));

  app.get<IdParams>('/v2/images/:imageId/members', async (request) => {
    const caller = imageCaller(request);
    const image = await visibleImage(cloud, caller, request.params.imageId);
    if (image.visibility !== 'shared') throw new ApiError(403, 'Only shared images have members.');
    const members = await images.listMembers(image.id);
    const isOwner = caller.isAdmin || image.owner === caller.projectId;
    return {
      members: members.filter((m) => isOwner || m.memberId === caller.projectId).map(memberView),
      schema: '/v2/schemas/members',
    };
  });

  app.post<IdParams>('/v2/images/:imageId/members', async (request) => {
    const caller = imageCaller(request);
    const image = await ownImage(cloud, caller, request.params.imageId, 'add_member');
    const body = request.body as { member?: unknown } | undefined;
    const memberId = body?.member;
    if (typeof memberId !== 'string' || memberId.trim() === '') {
      throw new ApiError(400, 'Member to be added not specified');
    }
    if (image.visibility !== 'shared') throw new ApiError(403, 'Only shared images have members.');
    if (await images.getMember(image.id, memberId)) {
      throw new ApiError(409, `Member ${memberId} already associated with image ${image.id}`);
    }
    const at = now();
    const member = await images.addMember({ imageId: image.id, memberId, status: 'pending', createdAt: at, updatedAt: at });
    return memberView(member);
  });

  app.get<MemberParams>('/v2/images/:imageId/members/:memberId', async (request) => {
    const caller = imageCaller(request);
    const image = await visibleImage(cloud, caller, request.params.imageId);
    const member = await images.getMember(image.id, request.params.memberId);
    const mayRead = caller.isAdmin || image.owner === caller.projectId || request.params.memberId === caller.projectId;
    if (!member || !mayRead) throw new ApiError(404, `Not found: member ${request.params.memberId}`);
    return memberView(member);
  });

  app.put<MemberParams>('/v2/images/:imageId/members/:memberId', async (request) => {
    const caller = imageCaller(request);
    const image = await visibleImage(cloud, caller, request.params.imageId);
    const status = (request.body as { status?: unknown } | undefined)?.status;
    if (typeof status !== 'string' || !MEMBER_STATUSES.includes(status as ImageMemberStatus)) {
      throw new ApiError(400, `Invalid status: ${String(status)}`);
    }
    const member = await images.getMember(image.id, request.params.memberId);
    if (!member) throw new ApiError(404, `Not found: member ${request.params.memberId}`);
    // Only the member decides whether it takes the image.
    if (request.params.memberId !== caller.projectId) throw notAuthorized('modify_member');
    const updated = await images.updateMember(image.id, member.memberId, status as ImageMemberStatus, now());
    if (!updated) throw notFound(image.id);
    return memberView(updated);
  });

  app.delete<MemberParams>('/v2/images/:imageId/members/:memberId', async (request, reply) => {
    const caller = imageCaller(request);
    const image = await ownImage(cloud, caller, request.params.imageId, 'delete_member');
    if (!(await images.removeMember(image.id, request.params.memberId))) {
      throw new ApiError(404, `Not found: member ${request.params.memberId}`);
    }
    return reply.code(204).send();
  });

  app.put<TagParams>('/v2/images/:imageId/tags/:tag', async (request, reply) => {
    const caller = imageCaller(request);
    const image = await ownImage(cloud, caller, request.params.imageId, 'modify_image');
    const { tag } = request.params;
    if (tag.length > 255) throw new ApiError(400, 'Tag is too long (255 characters at most).');
    if (!image.tags.includes(tag)) {
      await images.update(image.id, { tags: [...image.tags, tag], updatedAt: now() });
    }
    return reply.code(204).send();
  });

  app.delete<TagParams>('/v2/images/:imageId/tags/:tag', async (request, reply) => {
    const caller = imageCaller(request);
    const image = await ownImage(cloud, caller, request.params.imageId, 'modify_image');
    const { tag } = request.params;
    if (!image.tags.includes(tag)) throw new ApiError(404, `Tag ${tag} not found`);
    await images.update(image.id, { tags: image.tags.filter((t) => t !== tag), updatedAt: now() });
    return reply.code(204).send();
  });
}

import 'server-only';

import { OpenStackError } from './errors';
import type { ServiceClient } from './service-client';

/**
 * Glance image members: an owner shares a "shared" image with other projects, and each of those projects
 * accepts (or rejects) it before the image shows in its default list.
 */
export type MemberStatus = 'pending' | 'accepted' | 'rejected';

export interface ImageMember {
  projectId: string;
  status: MemberStatus;
  createdAt: string;
  updatedAt: string;
}

export function parseMember(wire: unknown): ImageMember {
  const w = (wire ?? {}) as Record<string, unknown>;
  const status = w.status === 'accepted' || w.status === 'rejected' ? w.status : 'pending';
  return { projectId: String(w.member_id ?? ''), status, createdAt: String(w.created_at ?? ''), updatedAt: String(w.updated_at ?? '') };
}

const path = (imageId: string, projectId?: string) =>
  `/images/${encodeURIComponent(imageId)}/members${projectId ? `/${encodeURIComponent(projectId)}` : ''}`;

export async function listMembers(client: ServiceClient, imageId: string): Promise<ImageMember[]> {
  const { body } = await client.call<{ members?: unknown[] }>(path(imageId));
  return (body?.members ?? []).map(parseMember);
}

/** The current project's membership of an image, or null when it is not a member. */
export async function getMembership(client: ServiceClient, imageId: string, projectId: string): Promise<ImageMember | null> {
  try {
    const { body } = await client.call<unknown>(path(imageId, projectId));
    return parseMember(body);
  } catch (error) {
    if (error instanceof OpenStackError && (error.status === 404 || error.status === 403)) return null;
    throw error;
  }
}

export async function addMember(client: ServiceClient, imageId: string, projectId: string): Promise<ImageMember> {
  const { body } = await client.call<unknown>(path(imageId), { method: 'POST', body: { member: projectId } });
  return parseMember(body);
}

export async function setMemberStatus(client: ServiceClient, imageId: string, projectId: string, status: MemberStatus): Promise<ImageMember> {
  const { body } = await client.call<unknown>(path(imageId, projectId), { method: 'PUT', body: { status } });
  return parseMember(body);
}

export async function removeMember(client: ServiceClient, imageId: string, projectId: string): Promise<void> {
  await client.call(path(imageId, projectId), { method: 'DELETE' });
}

import 'server-only';

import { type ServiceClient, query } from '../service-client';

/** Attaching and detaching volumes goes through Nova, which tells Cinder; plus the server names a picker needs. */
export async function attachVolume(nova: ServiceClient, serverId: string, volumeId: string): Promise<{ device: string | null }> {
  const { body } = await nova.call<{ volumeAttachment?: { device?: string | null } }>(`/servers/${encodeURIComponent(serverId)}/os-volume_attachments`, {
    method: 'POST',
    body: { volumeAttachment: { volumeId } },
  });
  return { device: body?.volumeAttachment?.device ?? null };
}

export async function detachVolume(nova: ServiceClient, serverId: string, volumeId: string): Promise<void> {
  await nova.call(`/servers/${encodeURIComponent(serverId)}/os-volume_attachments/${encodeURIComponent(volumeId)}`, { method: 'DELETE' });
}

export interface ServerName {
  id: string;
  name: string;
  status: string | null;
}

/** The project's servers by id and name (one call, the first 1,000), for pickers and for naming attachments. */
export async function listServerNames(nova: ServiceClient): Promise<ServerName[]> {
  const { body } = await nova.call<{ servers?: { id?: string; name?: string; status?: string }[] }>(`/servers/detail${query({ limit: 1000 })}`);
  return (body?.servers ?? []).map((s) => ({ id: String(s.id ?? ''), name: String(s.name ?? ''), status: s.status ?? null }));
}

// Nova's side of volumes: /v2.1/servers/{id}/os-volume_attachments. Attaching reserves the
// volume in Cinder's store (attaching → in-use on the clock) and picks the next free device;
// detaching moves it through detaching → available. Cinder's own views read the same rows.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { Server } from '../../store/servers';
import type { VolumeAttachment } from '../../store/schema';
import { settleBlockStorage } from '../volume/context';
import { attachVolume, beginDetach, nextDevice, requireReservable, ROOT_DEVICE } from '../volume/nova-seam';
import { serverContext, visibleServer, type ServerContext } from './server-context';

type Params = { serverId: string; volumeId: string };

// nova/compute/api.py: attach_volume and detach_volume run from these vm_states, with no
// task in progress.
const ATTACH_VM_STATES = ['active', 'paused', 'stopped', 'resized', 'soft-delete', 'shelved', 'shelved_offloaded'];

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

const attachSchema = z.object({
  volumeAttachment: z
    .object({
      volumeId: z.string().regex(UUID, "is not a 'uuid'"),
      device: z.string().regex(/^\/dev\/[a-z]+$/, "does not match '(^/dev/x{1,4}d{1,4}$)|(^/dev/[a-z]+$)'").nullable().optional(),
      tag: z.string().max(60, 'is too long').regex(/^[^,/]*$/, 'is not a valid tag').optional(),
      delete_on_termination: z.boolean().optional(),
    })
    .strict(),
});

function parseAttach(body: unknown, context: ServerContext) {
  const result = attachSchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = String(issue?.path.at(-1) ?? 'volumeAttachment');
    if (issue?.code === 'unrecognized_keys') {
      throw new ApiError(400, `Invalid input for field/attribute volumeAttachment. Value: ${JSON.stringify((body as Record<string, unknown>).volumeAttachment)}. Additional properties are not allowed (${issue.keys.map((k) => `'${k}'`).join(', ')} ${issue.keys.length > 1 ? 'were' : 'was'} unexpected)`);
    }
    if (issue?.code === 'invalid_type' && (field === 'volumeId' || field === 'volumeAttachment')) {
      const given = JSON.stringify((body as Record<string, unknown> | undefined)?.volumeAttachment ?? null);
      throw new ApiError(400, `Invalid input for field/attribute volumeAttachment. Value: ${given}. '${field}' is a required property`);
    }
    const value = issue?.path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey], body);
    throw new ApiError(400, `Invalid input for field/attribute ${field}. Value: ${String(value)}. '${String(value)}' ${issue?.message ?? 'is invalid'}`);
  }
  const input = result.data.volumeAttachment;
  // Tags arrived in 2.49 and delete_on_termination in 2.79: earlier requests may not send them.
  if (input.tag !== undefined && !context.atLeast('2.49')) {
    throw new ApiError(400, "Invalid input for field/attribute volumeAttachment. Additional properties are not allowed ('tag' was unexpected)");
  }
  if (input.delete_on_termination !== undefined && !context.atLeast('2.79')) {
    throw new ApiError(400, "Invalid input for field/attribute volumeAttachment. Additional properties are not allowed ('delete_on_termination' was unexpected)");
  }
  return input;
}

function requireAttachableState(server: Server, action: 'attach_volume' | 'detach_volume', admin: boolean): void {
  if (server.locked && !admin) throw new ApiError(409, `Instance ${server.id} is locked`);
  if (!ATTACH_VM_STATES.includes(server.vmState)) {
    throw new ApiError(409, `Cannot '${action}' instance ${server.id} while it is in vm_state ${server.vmState}`);
  }
  if (server.taskState !== null) {
    throw new ApiError(409, `Cannot '${action}' instance ${server.id} while it is in task_state ${server.taskState}`);
  }
}

function attachmentView(context: ServerContext, attachment: VolumeAttachment) {
  const body: Record<string, unknown> = {
    device: attachment.device,
    id: attachment.volumeId,
    serverId: attachment.serverId,
    volumeId: attachment.volumeId,
  };
  if (context.atLeast('2.70')) body.tag = attachment.tag;
  if (context.atLeast('2.79')) body.delete_on_termination = attachment.deleteOnTermination;
  return body;
}

export function registerVolumeAttachmentRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;
  const base = '/v2.1/servers/:serverId/os-volume_attachments';

  const begin = async (request: FastifyRequest) => {
    const context = await serverContext(request, cloud);
    await settleBlockStorage(store, context.nowIso);
    const server = await visibleServer(cloud, context, (request.params as Params).serverId);
    return { context, server };
  };

  app.get(base, async (request) => {
    const { context, server } = await begin(request);
    const attachments = await store.volumeAttachments.list({ serverId: server.id });
    return { volumeAttachments: attachments.map((a) => attachmentView(context, a)) };
  });

  app.get(`${base}/:volumeId`, async (request) => {
    const { context, server } = await begin(request);
    const { volumeId } = request.params as Params;
    const attachment = (await store.volumeAttachments.list({ serverId: server.id, volumeId }))[0];
    if (!attachment) throw new ApiError(404, `Volume ${volumeId} is not attached to the instance ${server.id}`);
    return { volumeAttachment: attachmentView(context, attachment) };
  });

  app.post(base, async (request) => {
    const { context, server } = await begin(request);
    const input = parseAttach(request.body, context);
    requireAttachableState(server, 'attach_volume', context.admin);
    const attachment = await store.transaction(async (repos) => {
      const volume = await repos.volumes.get(input.volumeId);
      if (!volume || (!context.admin && volume.projectId !== context.projectId)) {
        throw new ApiError(404, `Volume ${input.volumeId} could not be found.`);
      }
      const current = await repos.volumeAttachments.list({ serverId: server.id });
      if (current.some((a) => a.volumeId === volume.id)) {
        throw new ApiError(400, `Invalid volume: volume ${volume.id} already attached`);
      }
      try {
        requireReservable(volume);
      } catch (error) {
        // Nova relays Cinder's refusal of the reservation as its own 400.
        if (error instanceof ApiError) throw new ApiError(400, `Invalid input received: ${error.message} (HTTP 400)`);
        throw error;
      }
      const used = [ROOT_DEVICE, ...current.map((a) => a.device)];
      const device = input.device != null && !used.includes(input.device) ? input.device : nextDevice(used);
      return attachVolume(repos, {
        volume,
        serverId: server.id,
        hostName: server.host,
        device,
        deleteOnTermination: input.delete_on_termination ?? false,
        tag: input.tag ?? null,
        now: context.nowIso,
      });
    });
    return { volumeAttachment: attachmentView(context, attachment) };
  });

  app.delete(`${base}/:volumeId`, async (request, reply) => {
    const { context, server } = await begin(request);
    const { volumeId } = request.params as Params;
    requireAttachableState(server, 'detach_volume', context.admin);
    await store.transaction(async (repos) => {
      const attachment = (await repos.volumeAttachments.list({ serverId: server.id, volumeId }))[0];
      if (!attachment) throw new ApiError(404, `volume_id not found: ${volumeId}`);
      if (attachment.device === ROOT_DEVICE) throw new ApiError(400, 'Cannot detach a root device volume');
      if (attachment.status !== 'attached') {
        throw new ApiError(
          400,
          "Invalid volume: Unable to detach volume. Volume status must be 'in-use' and attach_status must be 'attached' to detach.",
        );
      }
      await beginDetach(repos, attachment, context.nowIso);
    });
    return reply.code(202).send();
  });
}

// POST /servers/{id}/action: one handler per action, each checked against Nova's state rules
// (sim/server-lifecycle.ts) and recorded as an instance action.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import { ACTION_RULES, refusal, refusalMessage, startAction, transitionRow, type ServerAction } from '../../sim/server-lifecycle';
import type { Repositories } from '../../store/open-store';
import type { Server, ServerChanges } from '../../store/servers';
import { consoleOutput } from './console';
import { checkInstanceQuota } from './quota-check';
import { chooseHost } from './scheduler';
import { hostCapacities, loadUsableFlavor, snapshotOf } from './server-inputs';
import { serverContext, visibleServer, type ServerContext } from './server-context';
import { changeServerSecurityGroups } from './server-security-groups';
import { parseNovaBody } from './server-schemas';

type IdParams = { Params: { serverId: string } };

const SIMPLE: Record<string, ServerAction> = {
  'os-start': 'start',
  'os-stop': 'stop',
  pause: 'pause',
  unpause: 'unpause',
  suspend: 'suspend',
  resume: 'resume',
  confirmResize: 'confirmResize',
  revertResize: 'revertResize',
  unlock: 'unlock',
};

const rebootSchema = z.object({ reboot: z.object({ type: z.string().transform((t) => t.toUpperCase()).pipe(z.enum(['SOFT', 'HARD'])) }) });
const resizeSchema = z.object({ resize: z.object({ flavorRef: z.union([z.string().min(1), z.number().int()]).transform(String), 'OS-DCF:diskConfig': z.enum(['AUTO', 'MANUAL']).optional() }) });
const createImageSchema = z.object({ createImage: z.object({ name: z.string().min(1).max(255), metadata: z.record(z.string(), z.string().max(255)).optional() }) });
const consoleSchema = z.object({ 'os-getConsoleOutput': z.object({ length: z.union([z.coerce.number().int().min(-1), z.null()]).optional() }) });
const lockSchema = z.object({ lock: z.union([z.null(), z.object({ locked_reason: z.string().max(255).optional() })]) });

export function registerServerActionRoutes(app: FastifyInstance, cloud: Cloud): void {
  app.post<IdParams>('/v2.1/servers/:serverId/action', async (request, reply) => {
    const context = await serverContext(request, cloud);
    const server = await visibleServer(cloud, context, request.params.serverId);
    const body = request.body;
    if (typeof body !== 'object' || body === null || Object.keys(body).length !== 1) {
      throw new ApiError(400, 'Malformed request body');
    }
    const name = Object.keys(body)[0]!;
    const run = (action: ServerAction, extra: ServerChanges = {}) =>
      perform(cloud, context, server, action, request.id, extra);

    if (name in SIMPLE) {
      const action = SIMPLE[name]!;
      if (action === 'confirmResize' || action === 'revertResize') {
        await run(action, resizeEnd(server, action));
      } else await run(action, action === 'unlock' ? { locked: false, lockedReason: null } : {});
      return reply.code(202).send();
    }
    switch (name) {
      case 'reboot': {
        const { reboot } = parseNovaBody(rebootSchema, body);
        await run(reboot.type === 'HARD' ? 'reboot-hard' : 'reboot-soft');
        return reply.code(202).send();
      }
      case 'lock': {
        const { lock } = parseNovaBody(lockSchema, body);
        if (lock?.locked_reason !== undefined && !context.atLeast('2.73')) {
          throw new ApiError(400, "Invalid input for field/attribute lock. Value: {...}. Additional properties are not allowed ('locked_reason' was unexpected)");
        }
        await run('lock', { locked: true, lockedReason: lock?.locked_reason ?? null });
        return reply.code(202).send();
      }
      case 'resize': {
        const { resize } = parseNovaBody(resizeSchema, body);
        await run('resize', await resizeChanges(cloud, context, server, resize.flavorRef));
        return reply.code(202).send();
      }
      case 'createImage': {
        const { createImage } = parseNovaBody(createImageSchema, body);
        const imageId = await snapshot(cloud, context, server, createImage.name, createImage.metadata ?? {}, request.id);
        if (context.atLeast('2.45')) return reply.code(202).send({ image_id: imageId });
        return reply.code(202).header('location', cloud.url(`/image/v2/images/${imageId}`)).send();
      }
      case 'os-getConsoleOutput': {
        const { 'os-getConsoleOutput': options } = parseNovaBody(consoleSchema, body);
        if (server.host === null || server.vmState === 'building') {
          throw new ApiError(409, `Instance ${server.id} is not ready`);
        }
        return { output: consoleOutput(server, options.length ?? undefined) };
      }
      case 'addSecurityGroup':
      case 'removeSecurityGroup':
        await changeServerSecurityGroups(cloud, context, server, name, body as Record<string, unknown>);
        return reply.code(202).send();
      default:
        throw new ApiError(400, `There is no such action: ${name}`);
    }
  });
}

/** Starts an action: checks the rules, moves the server into the action's task, records it. */
async function perform(
  cloud: Cloud,
  context: ServerContext,
  server: Server,
  action: ServerAction,
  requestId: string,
  extra: ServerChanges,
  /** More writes that belong to the action (the snapshot's image), in the same transaction. */
  alsoWrite?: (repos: Repositories, settleAt: number) => Promise<void>,
): Promise<void> {
  const rule = ACTION_RULES[action];
  await cloud.store.transaction(async (repos) => {
    // Checked on the row as the transaction sees it, so two concurrent actions cannot both
    // start from the same idle state.
    const current = (await repos.servers.get(server.id)) ?? server;
    const refused = refusal(current, action, context.admin);
    if (refused) throw new ApiError(409, refusalMessage(refused, action, server.id));
    const next = startAction(current, action, context.now);
    await alsoWrite?.(repos, next.settleAt ?? context.now);
    await repos.servers.update(server.id, { ...transitionRow(next, context.nowIso), ...extra });
    await repos.instanceActions.insert({
      requestId,
      serverId: server.id,
      projectId: server.projectId,
      userId: context.userId,
      action: rule.name,
      startTime: context.nowIso,
      finishTime: formatIsoMicros(next.settleAt ?? context.now),
      event: rule.event,
      result: 'Success',
      host: server.host,
    });
  });
}

/** Confirm keeps the new flavor; revert goes back to the old one. */
function resizeEnd(server: Server, action: 'confirmResize' | 'revertResize'): ServerChanges {
  if (action === 'confirmResize' || server.oldFlavor === null) return { oldFlavor: null };
  return { flavor: server.oldFlavor, oldFlavor: null };
}

async function resizeChanges(cloud: Cloud, context: ServerContext, server: Server, flavorRef: string): Promise<ServerChanges> {
  const refused = refusal(server, 'resize', context.admin);
  if (refused) throw new ApiError(409, refusalMessage(refused, 'resize', server.id));
  const flavor = await loadUsableFlavor(cloud.store, flavorRef, server.projectId, context.admin);
  if (flavor.id === server.flavor.id) throw new ApiError(400, 'When resizing, instances must change flavor!');
  if (flavor.disk < server.flavor.disk && !server.bootVolumeId) {
    throw new ApiError(400, 'Resize error: Unable to resize disk down.');
  }
  // Quota: the growth only, as Nova counts a resize.
  const limits = await cloud.store.computeQuotas.limitsOf(server.projectId);
  const usage = await cloud.store.servers.usageOfProject(server.projectId);
  const delta = { vcpus: Math.max(0, flavor.vcpus - server.flavor.vcpus), ram: Math.max(0, flavor.ram - server.flavor.ram) };
  checkInstanceQuota(limits, { ...usage, instances: usage.instances - 1 }, delta, 1, 1);
  // The new size must fit on the current host (its own usage freed) or on another one.
  const hosts = (await hostCapacities(cloud.store)).map((h) =>
    h.name === server.host
      ? { ...h, usedVcpus: h.usedVcpus - server.flavor.vcpus, usedMemoryMb: h.usedMemoryMb - server.flavor.ram, usedDiskGb: h.usedDiskGb - server.flavor.disk }
      : h,
  );
  const request = { vcpus: flavor.vcpus, memoryMb: flavor.ram, diskGb: flavor.disk + flavor.ephemeral, availabilityZone: server.availabilityZone ?? undefined };
  const current = hosts.find((h) => h.name === server.host);
  const host = current && chooseHost([current], request) ? current.name : chooseHost(hosts, request);
  if (!host) throw new ApiError(400, 'No valid host was found. There are not enough hosts available.');
  return { flavor: snapshotOf(flavor), oldFlavor: server.flavor, host };
}

/** createImage: a Glance image owned by the server's project, active once the snapshot is done. */
async function snapshot(cloud: Cloud, context: ServerContext, server: Server, name: string, metadata: Record<string, string>, requestId: string): Promise<string> {
  const imageId = randomUUID();
  const base = server.imageId ? await cloud.store.images.get(server.imageId) : undefined;
  await perform(cloud, context, server, 'createImage', requestId, {}, async (repos, settleAt) => {
    await repos.images.create({
      id: imageId,
      name,
      // Glance's `importing` settles to active at importDoneAt (the image store's lazy step).
      status: 'importing',
      visibility: 'private',
      protected: false,
      osHidden: false,
      owner: server.projectId,
      diskFormat: 'qcow2',
      containerFormat: 'bare',
      size: base?.size ?? 21_430_272,
      virtualSize: null,
      checksum: null,
      osHashAlgo: null,
      osHashValue: null,
      minDisk: server.flavor.disk,
      minRam: 0,
      tags: [],
      properties: { ...metadata, image_type: 'snapshot', instance_uuid: server.id, base_image_ref: server.imageId, user_id: context.userId },
      importDoneAt: formatIsoMicros(settleAt),
      createdAt: context.nowIso,
      updatedAt: context.nowIso,
    });
  });
  return imageId;
}

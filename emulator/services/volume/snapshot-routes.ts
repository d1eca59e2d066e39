// /v3/snapshots: create (force needed for a volume in use, below 3.66), list, show, update,
// delete and metadata.

import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import type { Repositories } from '../../store/open-store';
import type { VolumeSnapshot } from '../../store/schema';
import { later, volumeContext, type VolumeContext, TRANSITION_SECONDS } from './context';
import { badRequest, invalidSnapshot, invalidVolume, policyForbidden, snapshotNotFound } from './errors';
import { nextLinks, paginate, parsePage } from './list-params';
import { checkQuota } from './quota-check';
import { cinderRoute, type Params, type Query } from './register';
import { createSnapshotSchema, metadataSchema, parseCinderBody, snapshotStatusSchema, updateSnapshotSchema } from './schemas';
import { snapshotView } from './views';
import { visibleVolume } from './volume-routes';

async function visibleSnapshot(repos: Repositories, context: VolumeContext, id: string): Promise<VolumeSnapshot> {
  const snapshot = await repos.snapshots.get(id);
  if (!snapshot || (!context.admin && snapshot.projectId !== context.projectId)) throw snapshotNotFound(id);
  return snapshot;
}

export function registerSnapshotRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  const list = async (request: FastifyRequest) => {
    const context = await volumeContext(request, cloud);
    const query = request.query as Query;
    const page = parsePage(query);
    const allTenants = context.admin && ['1', 'true', 'True'].includes(query.all_tenants ?? '');
    const snapshots = await store.snapshots.list({
      projectId: allTenants ? query.project_id : context.projectId,
      volumeId: query.volume_id,
      name: query.name ?? query.display_name,
      status: query.status,
    });
    const { items, more } = paginate(snapshots, page);
    const body: Record<string, unknown> = { snapshots: items.map((s) => snapshotView(request, s)) };
    const links = nextLinks(cloud.url(request.url), items.at(-1)?.id, more, page.limit);
    if (links) body.snapshots_links = links;
    return body;
  };
  cinderRoute(app, 'GET', '/snapshots', list);
  cinderRoute(app, 'GET', '/snapshots/detail', list);

  cinderRoute(app, 'GET', '/snapshots/:id', async (request) => {
    const context = await volumeContext(request, cloud);
    return { snapshot: snapshotView(request, await visibleSnapshot(store, context, (request.params as Params).id ?? '')) };
  });

  cinderRoute(app, 'POST', '/snapshots', async (request, reply) => {
    const context = await volumeContext(request, cloud);
    const { snapshot: input } = parseCinderBody(createSnapshotSchema, request.body, 'snapshot');
    const snapshot = await store.transaction(async (repos) => {
      const volume = await visibleVolume(repos, context, input.volume_id);
      if (input.force === true) {
        if (volume.status !== 'available' && volume.status !== 'in-use') {
          throw invalidVolume(`Volume ${volume.id} status must be available or in-use, but current status is: ${volume.status}.`);
        }
      } else if (volume.status !== 'available') {
        // Cinder below 3.66 wants force=true to snapshot a volume in use: the data may be
        // mid-write inside the guest, so the snapshot is only crash-consistent.
        throw invalidVolume(`Volume ${volume.id} status must be available, but current status is: ${volume.status}.`);
      }
      const type = await repos.volumeTypes.get(volume.volumeTypeId);
      if (type) await checkQuota(repos, volume.projectId, type, { snapshots: 1, gigabytes: volume.size }, context.now);
      return repos.snapshots.create({
        id: randomUUID(),
        projectId: volume.projectId,
        userId: context.userId,
        volumeId: volume.id,
        name: input.name ?? input.display_name ?? null,
        description: input.description ?? input.display_description ?? null,
        size: volume.size,
        status: 'creating',
        nextStatus: 'available',
        settleAt: later(context.now, TRANSITION_SECONDS.snapshot),
        metadata: input.metadata ?? {},
        createdAt: context.now,
        updatedAt: null,
      });
    });
    return reply.code(202).send({ snapshot: snapshotView(request, snapshot) });
  });

  cinderRoute(app, 'PUT', '/snapshots/:id', async (request) => {
    const context = await volumeContext(request, cloud);
    const snapshot = await visibleSnapshot(store, context, (request.params as Params).id ?? '');
    const { snapshot: input } = parseCinderBody(updateSnapshotSchema, request.body, 'snapshot');
    const name = input.name !== undefined ? input.name : input.display_name;
    const description = input.description !== undefined ? input.description : input.display_description;
    const updated = await store.snapshots.update(snapshot.id, {
      ...(name !== undefined ? { name } : {}),
      ...(description !== undefined ? { description } : {}),
      updatedAt: context.now,
    });
    return { snapshot: snapshotView(request, updated ?? snapshot) };
  });

  cinderRoute(app, 'DELETE', '/snapshots/:id', async (request, reply) => {
    const context = await volumeContext(request, cloud);
    const snapshot = await visibleSnapshot(store, context, (request.params as Params).id ?? '');
    if (snapshot.status !== 'available' && snapshot.status !== 'error') {
      throw invalidSnapshot('Volume Snapshot status must be available or error and must not be part of a group.');
    }
    await store.snapshots.delete(snapshot.id);
    return reply.code(202).send();
  });

  // The admin's way out of a stuck snapshot.
  cinderRoute(app, 'POST', '/snapshots/:id/action', async (request, reply) => {
    const context = await volumeContext(request, cloud);
    const snapshot = await visibleSnapshot(store, context, (request.params as Params).id ?? '');
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!('os-reset_status' in body)) throw badRequest(`There is no such action: ${Object.keys(body)[0] ?? ''}`);
    if (!context.admin) throw policyForbidden('volume_extension:snapshot_admin_actions:reset_status');
    const { status } = parseCinderBody(snapshotStatusSchema, body['os-reset_status'], 'os-reset_status');
    await store.snapshots.update(snapshot.id, { status, nextStatus: null, settleAt: null, updatedAt: context.now });
    return reply.code(202).send();
  });

  cinderRoute(app, 'GET', '/snapshots/:id/metadata', async (request) => {
    const context = await volumeContext(request, cloud);
    return { metadata: (await visibleSnapshot(store, context, (request.params as Params).id ?? '')).metadata };
  });
  for (const method of ['POST', 'PUT'] as const) {
    cinderRoute(app, method, '/snapshots/:id/metadata', async (request) => {
      const context = await volumeContext(request, cloud);
      const snapshot = await visibleSnapshot(store, context, (request.params as Params).id ?? '');
      const { metadata } = parseCinderBody(metadataSchema, request.body, 'metadata');
      const merged = method === 'POST' ? { ...snapshot.metadata, ...metadata } : metadata;
      await store.snapshots.update(snapshot.id, { metadata: merged, updatedAt: context.now });
      return { metadata: merged };
    });
  }
}

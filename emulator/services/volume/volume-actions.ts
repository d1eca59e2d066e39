// POST /v3/volumes/{id}/action: os-extend, os-set_bootable, and the admin's os-reset_status and
// os-force_delete.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import { later, volumeContext, TRANSITION_SECONDS } from './context';
import { badRequest, invalidInput, invalidVolume, policyForbidden } from './errors';
import { checkQuota } from './quota-check';
import { cinderRoute, type Params } from './register';
import { extendSchema, parseCinderBody, resetStatusSchema, setBootableSchema } from './schemas';
import { deleteVolume, visibleVolume } from './volume-routes';

export function registerVolumeActions(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  cinderRoute(app, 'POST', '/volumes/:id/action', async (request, reply) => {
    const context = await volumeContext(request, cloud);
    const body = request.body;
    if (body === null || typeof body !== 'object' || Object.keys(body).length !== 1) {
      throw badRequest('Invalid request body: exactly one action is required.');
    }
    const [action, args] = Object.entries(body as Record<string, unknown>)[0] ?? ['', undefined];
    const id = (request.params as Params).id ?? '';

    if (action === 'os-extend') {
      const { new_size: newSize } = parseCinderBody(extendSchema, args, 'os-extend');
      await store.transaction(async (repos) => {
        const volume = await visibleVolume(repos, context, id);
        if (volume.status !== 'available') {
          throw invalidVolume(
            `Volume ${volume.id} status must be available to extend, but current status is: ${volume.status}.`,
          );
        }
        if (newSize <= volume.size) {
          throw invalidInput(
            `New size for extend must be greater than current size. (current: ${volume.size}, extended: ${newSize}).`,
          );
        }
        const type = await repos.volumeTypes.get(volume.volumeTypeId);
        if (type) {
          await checkQuota(repos, volume.projectId, type, { gigabytes: newSize - volume.size, volumeSize: newSize }, context.now);
        }
        await repos.volumes.update(volume.id, {
          size: newSize,
          status: 'extending',
          nextStatus: 'available',
          settleAt: later(context.now, TRANSITION_SECONDS.extend),
          updatedAt: context.now,
        });
      });
      return reply.code(202).send();
    }

    if (action === 'os-reset_status') {
      if (!context.admin) throw policyForbidden('volume_extension:volume_admin_actions:reset_status');
      const input = parseCinderBody(resetStatusSchema, args, 'os-reset_status');
      const volume = await visibleVolume(store, context, id);
      if (input.status !== undefined) {
        // A reset settles the volume where the admin says: any pending transition is dropped.
        await store.volumes.update(volume.id, { status: input.status, nextStatus: null, settleAt: null, updatedAt: context.now });
      }
      return reply.code(202).send();
    }

    if (action === 'os-force_delete') {
      if (!context.admin) throw policyForbidden('volume_extension:volume_admin_actions:force_delete');
      await store.transaction((repos) => deleteVolume(repos, context, id, { cascade: false, force: true }));
      return reply.code(202).send();
    }

    if (action === 'os-set_bootable') {
      const { bootable } = parseCinderBody(setBootableSchema, args, 'os-set_bootable');
      const volume = await visibleVolume(store, context, id);
      await store.volumes.update(volume.id, { bootable, updatedAt: context.now });
      return reply.code(200).send();
    }

    throw badRequest(`There is no such action: ${action}`);
  });
}

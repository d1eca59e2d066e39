// Cinder's attachments API (3.27+), read side: the same rows Nova's os-volume_attachments
// writes, so a volume's `attachments` field and this list always agree.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { volumeContext } from './context';
import { attachmentNotFound } from './errors';
import { volumeAtLeast } from './microversion';
import { cinderRoute, type Params, type Query } from './register';
import { attachmentView } from './views';

function requireAttachmentsApi(request: FastifyRequest): void {
  if (!volumeAtLeast(request, '3.27')) {
    const raw = request.headers['openstack-api-version'];
    throw new ApiError(404, `API version ${String(raw ?? '3.0').replace(/^volume\s+/i, '')} is not supported on this method.`);
  }
}

export function registerAttachmentRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  const list = (detail: boolean) => async (request: FastifyRequest) => {
    requireAttachmentsApi(request);
    const context = await volumeContext(request, cloud);
    const query = request.query as Query;
    const allTenants = context.admin && ['1', 'true', 'True'].includes(query.all_tenants ?? '');
    const attachments = await store.volumeAttachments.list({
      ...(allTenants ? {} : { projectId: context.projectId }),
      ...(query.volume_id !== undefined ? { volumeId: query.volume_id } : {}),
      ...(query.instance_id !== undefined ? { serverId: query.instance_id } : {}),
    });
    return { attachments: attachments.map((a) => attachmentView(a, detail)) };
  };
  cinderRoute(app, 'GET', '/attachments', list(false));
  cinderRoute(app, 'GET', '/attachments/detail', list(true));

  cinderRoute(app, 'GET', '/attachments/:id', async (request) => {
    requireAttachmentsApi(request);
    const context = await volumeContext(request, cloud);
    const id = (request.params as Params).id ?? '';
    const attachment = await store.volumeAttachments.get(id);
    if (!attachment || (!context.admin && attachment.projectId !== context.projectId)) throw attachmentNotFound(id);
    return { attachment: attachmentView(attachment, true) };
  });
}

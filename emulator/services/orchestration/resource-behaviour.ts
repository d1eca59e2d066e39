// What a stack resource does in the other services' stores, called in-process (not over HTTP).
// OS::Neutron::Port is a real Neutron port on the named network, OS::Nova::Server a real server
// (server-resource.ts), OS::Cinder::Volume a real volume, FloatingIP(Association) real floating IPs
// (floating-ip-resource.ts); every other type is a record with a generated physical id (decision 014).

import { randomUUID } from 'node:crypto';
import { ApiError } from '../../http/api-error';
import type { Repositories } from '../../store/open-store';
import { neutronTimestamp } from '../../store/network-rows';
import { createPort, usableNetwork } from '../network/port-ops';
import { deletePortAndFloatingIps } from '../network/port-routes';
import { createServerResource, deleteServerResource } from './server-resource';
import { createVolumeResource, deleteVolumeResource } from './volume-resource';
import {
  associateResource,
  createFloatingIpResource,
  deleteFloatingIpResource,
  disassociateResource,
} from './floating-ip-resource';

export interface BehaviourContext {
  repos: Repositories;
  projectId: string;
  userId: string;
  stackName: string;
  now: number;
}

const failed = (resource: string, why: string) =>
  new ApiError(400, `Resource CREATE failed: ${why}`, 'ResourceFailure');

async function networkId(ctx: BehaviourContext, resource: string, ref: unknown): Promise<string> {
  if (typeof ref !== 'string' || ref === '') throw failed(resource, `resources.${resource}: network is required`);
  const visible = await ctx.repos.networks.list({ visibleTo: ctx.projectId });
  const byId = visible.find((n) => n.id === ref);
  if (byId) return byId.id;
  const byName = visible.filter((n) => n.name === ref);
  if (byName.length === 1) return byName[0]!.id;
  throw failed(resource, `NotFound: resources.${resource}: Unable to find network with name or id '${ref}'`);
}

/** Creates the resource and answers its physical id. */
export async function createResource(ctx: BehaviourContext, name: string, type: string, props: Record<string, unknown>): Promise<string> {
  if (type === 'OS::Nova::Server') return createServerResource(ctx, name, props);
  if (type === 'OS::Cinder::Volume') return createVolumeResource(ctx, name, props);
  if (type === 'OS::Neutron::FloatingIP') return createFloatingIpResource(ctx, name, props);
  if (type === 'OS::Neutron::FloatingIPAssociation') return associateResource(ctx, name, props);
  if (type !== 'OS::Neutron::Port') return randomUUID();
  const network = await usableNetwork(ctx.repos, await networkId(ctx, name, props.network ?? props.network_id), ctx.projectId, false);
  const port = await createPort(ctx.repos, network, {
    projectId: ctx.projectId,
    name: typeof props.name === 'string' ? props.name : `${ctx.stackName}-${name}-${randomUUID().slice(0, 12)}`,
    adminStateUp: props.admin_state_up === undefined ? undefined : props.admin_state_up === true,
    now: neutronTimestamp(ctx.now),
  });
  return port.id;
}

/** Deletes what createResource made; a resource already gone is fine. */
export async function deleteResource(ctx: BehaviourContext, type: string, physicalId: string): Promise<void> {
  if (type === 'OS::Nova::Server') return deleteServerResource(ctx, physicalId);
  if (type === 'OS::Cinder::Volume') return deleteVolumeResource(ctx, physicalId);
  if (type === 'OS::Neutron::FloatingIP') return deleteFloatingIpResource(ctx, physicalId);
  if (type === 'OS::Neutron::FloatingIPAssociation') return disassociateResource(ctx, physicalId);
  if (type !== 'OS::Neutron::Port') return;
  if (await ctx.repos.ports.get(physicalId)) await deletePortAndFloatingIps(ctx.repos, physicalId, neutronTimestamp(ctx.now));
}

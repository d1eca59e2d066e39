// OS::Neutron::FloatingIP and OS::Neutron::FloatingIPAssociation as stack resources: a real
// floating IP on the external network (its address held by a network:floatingip port, within the
// project's quota), associated through Neutron's own reachability checks.

import { ApiError } from '../../http/api-error';
import { neutronTimestamp } from '../../store/network-rows';
import type { Repositories } from '../../store/open-store';
import { allocateFloatingIp, applyAssociation, associationFor, DISASSOCIATED, releaseFloatingIp } from '../network/floating-ip-ops';

export interface FloatingIpResourceContext {
  repos: Repositories;
  projectId: string;
  now: number;
}

const failed = (resource: string, why: string) => new ApiError(400, `Resource CREATE failed: ${why}`, 'ResourceFailure');

async function ownPort(ctx: FloatingIpResourceContext, resource: string, id: unknown) {
  const port = typeof id === 'string' ? await ctx.repos.ports.get(id) : undefined;
  if (!port || port.projectId !== ctx.projectId) throw failed(resource, `NotFound: resources.${resource}: Port ${String(id)} could not be found.`);
  return port;
}

async function wrapNeutron<T>(resource: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError && e.status < 500 && e.type !== 'ResourceFailure') throw failed(resource, `${e.type ?? 'BadRequest'}: resources.${resource}: ${e.message}`);
    throw e;
  }
}

export function createFloatingIpResource(ctx: FloatingIpResourceContext, name: string, props: Record<string, unknown>): Promise<string> {
  return wrapNeutron(name, async () => {
    const ref = String(props.floating_network ?? props.floating_network_id ?? '');
    const externals = await ctx.repos.networks.list({ external: true });
    const network = externals.find((n) => n.id === ref) ?? externals.find((n) => n.name === ref);
    if (!network) throw failed(name, `NotFound: resources.${name}: Unable to find external network with name or id '${ref}'`);
    const floatingIp = await allocateFloatingIp(ctx.repos, network, { projectId: ctx.projectId, description: '', now: neutronTimestamp(ctx.now) });
    if (typeof props.port_id === 'string') {
      const fixed = typeof props.fixed_ip_address === 'string' ? props.fixed_ip_address : undefined;
      Object.assign(floatingIp, await associationFor(ctx.repos, floatingIp, await ownPort(ctx, name, props.port_id), fixed));
    }
    await ctx.repos.floatingIps.insert(floatingIp);
    return floatingIp.id;
  });
}

export async function deleteFloatingIpResource(ctx: FloatingIpResourceContext, id: string): Promise<void> {
  const floatingIp = await ctx.repos.floatingIps.get(id);
  if (floatingIp) await releaseFloatingIp(ctx.repos, floatingIp);
}

/** The association's physical id is the floating IP's id (one association per floating IP). */
export function associateResource(ctx: FloatingIpResourceContext, name: string, props: Record<string, unknown>): Promise<string> {
  return wrapNeutron(name, async () => {
    const floatingIp = await ctx.repos.floatingIps.get(String(props.floatingip_id));
    if (!floatingIp || floatingIp.projectId !== ctx.projectId) {
      throw failed(name, `NotFound: resources.${name}: Floating IP ${String(props.floatingip_id)} could not be found.`);
    }
    const fixed = typeof props.fixed_ip_address === 'string' ? props.fixed_ip_address : undefined;
    const association = await associationFor(ctx.repos, floatingIp, await ownPort(ctx, name, props.port_id), fixed);
    await applyAssociation(ctx.repos, floatingIp, association, neutronTimestamp(ctx.now));
    return floatingIp.id;
  });
}

export async function disassociateResource(ctx: FloatingIpResourceContext, id: string): Promise<void> {
  const floatingIp = await ctx.repos.floatingIps.get(id);
  if (floatingIp && floatingIp.portId !== null) await applyAssociation(ctx.repos, floatingIp, DISASSOCIATED, neutronTimestamp(ctx.now));
}

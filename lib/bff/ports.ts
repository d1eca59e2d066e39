import 'server-only';

import { OpenStackError } from '../openstack/errors';
import { createPort, deletePort, getPort, isRouterInterface, updatePort } from '../openstack/neutron/ports';
import type { Port } from '../openstack/neutron/types';
import { createPortInput, updatePortInput } from '../validation/networks';
import { ApiError } from './api-error';
import type { ScopedContext } from './guard';
import { neutronOf } from './subnets';

/** Ports made by hand (a fixed address for a VIP or an instance to come), renamed, switched off or deleted. */
export async function addPort(ctx: ScopedContext, raw: unknown): Promise<Port> {
  const input = createPortInput.parse(raw);
  const fixed = input.subnetId || input.ipAddress ? [{ subnetId: input.subnetId || undefined, ipAddress: input.ipAddress || undefined }] : undefined;
  try {
    return await createPort(neutronOf(ctx), {
      networkId: input.networkId,
      name: input.name,
      adminStateUp: input.adminStateUp,
      fixedIps: fixed,
      securityGroupIds: input.securityGroupIds ?? undefined,
    });
  } catch (error) {
    // IpAddressAlreadyAllocated (409) or InvalidIpForSubnet (400): both about the address the user typed.
    if (error instanceof OpenStackError && (error.status === 400 || error.status === 409) && input.ipAddress && /ip|address/i.test(error.message)) {
      throw new ApiError({ code: 'invalid_input', status: 400, message: error.message, service: error.service, requestId: error.requestId, fields: { ipAddress: error.message } });
    }
    throw error;
  }
}

export async function editPort(ctx: ScopedContext, id: string, raw: unknown): Promise<Port> {
  return updatePort(neutronOf(ctx), id, updatePortInput.parse(raw));
}

/**
 * Deletes a port. A router's interface is removed through the router (Neutron refuses it here too); an
 * instance's port goes only when the client says it confirmed that the instance loses that network.
 */
export async function removePort(ctx: ScopedContext, id: string, options: { confirmedInstance: boolean }): Promise<void> {
  const neutron = neutronOf(ctx);
  const port = await getPort(neutron, id);
  if (isRouterInterface(port) || port.deviceOwner === 'network:router_gateway') {
    throw new ApiError({ code: 'network.port_owned_by_router', status: 409, message: 'Remove the interface from its router instead of deleting the port' });
  }
  if (port.deviceOwner.startsWith('compute:') && !options.confirmedInstance) {
    throw new ApiError({ code: 'network.port_owned_by_instance', status: 409, message: 'The port belongs to an instance; confirm that the instance loses this network' });
  }
  await deletePort(neutron, id);
}

// Floating IPs as Neutron's L3 plugin handles them: the address is a network:floatingip port
// on the external network; association needs the target port's subnet to reach that network
// through a router whose gateway is on it, and sets router_id and status ACTIVE.

import { randomUUID } from 'node:crypto';
import { ApiError } from '../../http/api-error';
import type { FloatingIp } from '../../store/floating-ips';
import type { Network } from '../../store/networks';
import { freshStandard } from '../../store/network-rows';
import type { Repositories } from '../../store/open-store';
import type { Port } from '../../store/ports';
import { badRequest, conflict } from './errors';
import { createPort } from './port-ops';
import { checkNetworkQuota } from './quota-routes';
import { parseAddress } from './ip-address';
import { bumpRevision } from './revision';
import { INTERFACE_OWNER } from './router-ops';

export interface Association {
  portId: string | null;
  fixedIpAddress: string | null;
  routerId: string | null;
  status: 'ACTIVE' | 'DOWN';
}

export const DISASSOCIATED: Association = { portId: null, fixedIpAddress: null, routerId: null, status: 'DOWN' };

/**
 * Takes an address on the external network within the project's quota: a network:floatingip port holds
 * it (an IPv4 one when the network has both families). The floating IP is returned unsaved and unassociated.
 */
export async function allocateFloatingIp(
  repos: Repositories,
  network: Network,
  request: { projectId: string; address?: string; subnetId?: string; description: string; now: string },
): Promise<FloatingIp> {
  await checkNetworkQuota(repos, request.projectId, 'floatingip');
  const id = randomUUID();
  const wanted = request.address !== undefined || request.subnetId !== undefined;
  const holder = await createPort(repos, network, {
    projectId: '',
    deviceOwner: 'network:floatingip',
    deviceId: id,
    fixedIps: wanted ? [{ ipAddress: request.address, subnetId: request.subnetId }] : undefined,
    portSecurityEnabled: false,
    now: request.now,
  });
  const ipv4 = holder.fixedIps.find((ip) => !ip.ipAddress.includes(':')) ?? holder.fixedIps[0];
  if (!ipv4) throw badRequest(`Bad floatingip request: Network ${network.id} has no subnet to allocate from.`, 'BadRequest');
  if (holder.fixedIps.length > 1) await repos.ports.update(holder.id, { fixedIps: [ipv4] });
  return {
    ...freshStandard(request.now, request.description),
    id,
    projectId: request.projectId,
    floatingNetworkId: network.id,
    floatingIpAddress: ipv4.ipAddress,
    floatingPortId: holder.id,
    ...DISASSOCIATED,
    dnsName: '',
    dnsDomain: '',
  };
}

/** Works out where a floating IP on `networkId` would forward to `port`, or throws as Neutron does. */
export async function associationFor(
  repos: Repositories,
  floatingIp: Pick<FloatingIp, 'id' | 'floatingIpAddress' | 'floatingNetworkId' | 'projectId'>,
  port: Port,
  fixedIpAddress: string | undefined,
): Promise<Association> {
  if (port.projectId !== floatingIp.projectId) {
    throw badRequest(
      `Bad floatingip request: Cannot create floating IP and bind it to Port ${port.id}, since that port is owned by a different tenant.`,
      'BadRequest',
    );
  }
  const v4 = port.fixedIps.filter((ip) => parseAddress(ip.ipAddress)?.version === 4);
  let fixed = v4[0];
  if (fixedIpAddress !== undefined) {
    fixed = port.fixedIps.find((ip) => ip.ipAddress === fixedIpAddress);
    if (!fixed) throw badRequest(`Bad floatingip request: Port ${port.id} does not have fixed ip ${fixedIpAddress}.`, 'BadRequest');
  } else if (v4.length > 1) {
    throw badRequest(
      `Bad floatingip request: Port ${port.id} has multiple fixed IPv4 addresses.  Must provide a specific IPv4 address when assigning a floating IP.`,
      'BadRequest',
    );
  }
  if (!fixed) {
    throw badRequest(`Bad floatingip request: Port ${port.id} does not have any fixed IPv4 address.`, 'BadRequest');
  }
  const taken = (await repos.floatingIps.list({ portIds: [port.id] })).find(
    (f) => f.id !== floatingIp.id && f.fixedIpAddress === fixed.ipAddress && f.floatingNetworkId === floatingIp.floatingNetworkId,
  );
  if (taken) {
    throw conflict(
      `Cannot associate floating IP ${floatingIp.floatingIpAddress} (${floatingIp.id}) with port ${port.id} using fixed IP ${fixed.ipAddress}, as that fixed IP already has a floating IP on external network ${floatingIp.floatingNetworkId}.`,
      'FloatingIPPortAlreadyAssociated',
    );
  }
  // A router with an interface on the fixed IP's subnet and its gateway on the floating network.
  const interfaces = await repos.ports.list({ subnetId: fixed.subnetId, deviceOwner: INTERFACE_OWNER });
  const routers = await repos.routers.list({ ids: interfaces.map((p) => p.deviceId), gwNetworkId: floatingIp.floatingNetworkId });
  const router = routers[0];
  if (!router) {
    throw new ApiError(
      404,
      `External network ${floatingIp.floatingNetworkId} is not reachable from subnet ${fixed.subnetId}.  Therefore, cannot associate Port ${port.id} with a Floating IP.`,
      'ExternalGatewayForFloatingIPNotFound',
    );
  }
  return { portId: port.id, fixedIpAddress: fixed.ipAddress, routerId: router.id, status: 'ACTIVE' };
}

export async function applyAssociation(repos: Repositories, floatingIp: FloatingIp, association: Association, now: string): Promise<FloatingIp> {
  return (await repos.floatingIps.update(floatingIp.id, { ...association, ...bumpRevision(floatingIp, now) }))!;
}

/** Releases a floating IP and the external address it held. */
export async function releaseFloatingIp(repos: Repositories, floatingIp: FloatingIp): Promise<void> {
  await repos.floatingIps.delete(floatingIp.id);
  await repos.ports.delete(floatingIp.floatingPortId);
}

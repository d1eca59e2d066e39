import 'server-only';

import { neutronClient } from '../openstack/neutron/client';
import { createSubnet, deleteSubnet, getSubnet, listSubnets, updateSubnet } from '../openstack/neutron/subnets';
import type { Subnet } from '../openstack/neutron/types';
import { OpenStackError } from '../openstack/errors';
import type { ServiceClient } from '../openstack/service-client';
import { type SubnetInput, createSubnetInput, gatewayOf, overlappingSubnet, updateSubnetInput } from '../validation/subnets';
import { ApiError } from './api-error';
import type { ScopedContext } from './guard';

/** Subnets: checked against the network's other subnets before Neutron sees them, and Neutron's refusals put at a field. */
export const neutronOf = (ctx: ScopedContext): ServiceClient => neutronClient(ctx.endpoint('network'), ctx.token);

/** Which form field a Neutron 400 about a subnet is about, read from its message (Neutron gives no field name). */
const FIELD_PATTERNS: [RegExp, string][] = [
  [/overlap|cidr|prefix|netmask/i, 'cidr'],
  [/gateway/i, 'gatewayIp'],
  [/allocation|pool|range/i, 'allocationPools'],
  [/nameserver|dns/i, 'dnsNameservers'],
  [/host.?route|nexthop|destination/i, 'hostRoutes'],
];

/** A Neutron 400/409 on a subnet write as a field error (the field shows Neutron's own words); others unchanged. */
export function subnetFieldError(error: unknown, prefix = ''): unknown {
  if (!(error instanceof OpenStackError) || (error.status !== 400 && error.status !== 409)) return error;
  // "Gateway ip … conflicts with allocation pool": the gateway is the field to change.
  const field = /gateway/i.test(error.message) ? 'gatewayIp' : FIELD_PATTERNS.find(([pattern]) => pattern.test(error.message))?.[1];
  if (!field) return error;
  return new ApiError({
    code: 'invalid_input',
    status: 400,
    message: error.message,
    service: error.service,
    requestId: error.requestId,
    fields: { [`${prefix}${field}`]: error.message },
  });
}

/** The Neutron wire fields of a checked subnet input. */
export function subnetWire(input: SubnetInput) {
  return {
    name: input.name,
    gatewayIp: gatewayOf(input),
    enableDhcp: input.enableDhcp,
    // No pools typed means "the whole range" (Neutron's default), never "no addresses at all".
    allocationPools: input.allocationPools.length ? input.allocationPools : undefined,
    dnsNameservers: input.dnsNameservers,
    hostRoutes: input.hostRoutes,
  };
}

/** Creates a subnet on a network after checking its CIDR against the network's other subnets. */
export async function createCheckedSubnet(neutron: ServiceClient, networkId: string, input: SubnetInput, prefix = ''): Promise<Subnet> {
  const others = await listSubnets(neutron, { network_id: networkId });
  const clash = overlappingSubnet(input.cidr, others);
  if (clash) {
    throw new ApiError({
      code: 'invalid_input',
      status: 400,
      message: `${input.cidr} overlaps ${clash.cidr} (${clash.name || clash.id}) on this network`,
      fields: { [`${prefix}cidr`]: 'cidr_overlap' },
    });
  }
  try {
    return await createSubnet(neutron, { ...subnetWire(input), networkId, cidr: input.cidr, ipVersion: input.ipVersion });
  } catch (error) {
    throw subnetFieldError(error, prefix);
  }
}

export async function addSubnet(ctx: ScopedContext, raw: unknown): Promise<Subnet> {
  const input = createSubnetInput.parse(raw);
  return createCheckedSubnet(neutronOf(ctx), input.networkId, input);
}

export async function editSubnet(ctx: ScopedContext, id: string, raw: unknown): Promise<Subnet> {
  const neutron = neutronOf(ctx);
  const current = await getSubnet(neutron, id);
  // The CIDR cannot change: whatever the client sent, the checks run against the subnet's own.
  const input = updateSubnetInput.parse({ ...(raw && typeof raw === 'object' ? raw : {}), cidr: current.cidr });
  try {
    return await updateSubnet(neutron, id, subnetWire({ ...input, ipVersion: current.ipVersion }));
  } catch (error) {
    throw subnetFieldError(error);
  }
}

export async function removeSubnet(ctx: ScopedContext, id: string): Promise<void> {
  try {
    await deleteSubnet(neutronOf(ctx), id);
  } catch (error) {
    if (error instanceof OpenStackError && error.status === 409) {
      throw new ApiError({ code: 'network.subnet_in_use', status: 409, message: error.message, service: error.service, requestId: error.requestId });
    }
    throw error;
  }
}

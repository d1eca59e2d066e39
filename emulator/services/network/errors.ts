// Neutron's errors with Neutron's types and messages (neutron_lib/exceptions), so clients
// print what a real cloud prints: `NeutronError: {"type": "NetworkNotFound", …}`.

import { ApiError } from '../../http/api-error';

export const badRequest = (message: string, type = 'BadRequest') => new ApiError(400, message, type);

/** neutron-lib's InvalidInput: "Invalid input for operation: <reason>." */
export const invalidInput = (reason: string) => new ApiError(400, `Invalid input for operation: ${reason}.`, 'InvalidInput');

/** An attribute value refused by its validator: "Invalid input for <attr>. Reason: <reason>." */
export const invalidAttribute = (attribute: string, reason: string) =>
  new ApiError(400, `Invalid input for ${attribute}. Reason: ${reason}.`, 'HTTPBadRequest');

export type NeutronKind = 'network' | 'subnet' | 'port' | 'router' | 'floatingip' | 'security_group' | 'security_group_rule' | 'agent';

const NOT_FOUND: Record<NeutronKind, [type: string, message: (id: string) => string]> = {
  network: ['NetworkNotFound', (id) => `Network ${id} could not be found.`],
  subnet: ['SubnetNotFound', (id) => `Subnet ${id} could not be found.`],
  port: ['PortNotFound', (id) => `Port ${id} could not be found.`],
  router: ['RouterNotFound', (id) => `Router ${id} could not be found.`],
  floatingip: ['FloatingIPNotFound', (id) => `Floating IP ${id} could not be found.`],
  security_group: ['SecurityGroupNotFound', (id) => `Security group ${id} does not exist`],
  security_group_rule: ['SecurityGroupRuleNotFound', (id) => `Security group rule ${id} does not exist`],
  agent: ['AgentNotFound', (id) => `Agent ${id} could not be found.`],
};

/** The 404 for a resource that does not exist or that the caller may not see. */
export function notFound(kind: NeutronKind, id: string): ApiError {
  const [type, message] = NOT_FOUND[kind];
  return new ApiError(404, message(id), type);
}

/** 409s for resources still in use, with Neutron's wording. */
export const inUse = {
  network: (id: string) =>
    new ApiError(
      409,
      `Unable to complete operation on network ${id}. There are one or more ports still in use on the network.`,
      'NetworkInUse',
    ),
  subnet: (id: string) =>
    new ApiError(
      409,
      `Unable to complete operation on subnet ${id}: One or more ports have an IP allocation from this subnet.`,
      'SubnetInUse',
    ),
  router: (id: string) => new ApiError(409, `Router ${id} still has ports`, 'RouterInUse'),
  securityGroup: (id: string) => new ApiError(409, `Security Group ${id} in use.`, 'SecurityGroupInUse'),
};

/** oslo.policy's refusal as Neutron renders it: "(rule:create_network:shared) is disallowed by policy". */
export const policyDenied = (rule: string) =>
  new ApiError(403, `(rule:${rule}) is disallowed by policy`, 'PolicyNotAuthorized');

export const conflict = (message: string, type: string) => new ApiError(409, message, type);

import 'server-only';

import { OpenStackError } from '../errors';
import type { ServiceClient } from '../service-client';
import { type NeutronFilters, listAll } from './client';
import { type SecurityGroup, type SecurityGroupRule, securityGroupFromWire, securityGroupRuleFromWire } from './types';

/** Neutron security groups and their rules (/v2.0/security-groups, /v2.0/security-group-rules). */
export function listSecurityGroups(neutron: ServiceClient, filters: NeutronFilters = {}): Promise<SecurityGroup[]> {
  return listAll(neutron, 'security_groups', securityGroupFromWire, filters);
}

export async function getSecurityGroup(neutron: ServiceClient, id: string): Promise<SecurityGroup> {
  const { body } = await neutron.call<{ security_group: Record<string, unknown> }>(`/security-groups/${encodeURIComponent(id)}`);
  return securityGroupFromWire(body.security_group);
}

export async function createSecurityGroup(neutron: ServiceClient, input: { name: string; description: string }): Promise<SecurityGroup> {
  const { body } = await neutron.call<{ security_group: Record<string, unknown> }>('/security-groups', {
    method: 'POST',
    body: { security_group: { name: input.name, description: input.description } },
  });
  return securityGroupFromWire(body.security_group);
}

export async function updateSecurityGroup(neutron: ServiceClient, id: string, changes: { name?: string; description?: string }): Promise<SecurityGroup> {
  const { body } = await neutron.call<{ security_group: Record<string, unknown> }>(`/security-groups/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: { security_group: changes },
  });
  return securityGroupFromWire(body.security_group);
}

export async function deleteSecurityGroup(neutron: ServiceClient, id: string): Promise<void> {
  await neutron.call(`/security-groups/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export interface CreateRuleInput {
  securityGroupId: string;
  direction: 'ingress' | 'egress';
  ethertype: 'IPv4' | 'IPv6';
  protocol: string | null;
  portRangeMin: number | null;
  portRangeMax: number | null;
  remoteIpPrefix: string | null;
  remoteGroupId: string | null;
  description: string;
}

export async function createSecurityGroupRule(neutron: ServiceClient, input: CreateRuleInput): Promise<SecurityGroupRule> {
  const rule: Record<string, unknown> = {
    security_group_id: input.securityGroupId,
    direction: input.direction,
    ethertype: input.ethertype,
    protocol: input.protocol,
    port_range_min: input.portRangeMin,
    port_range_max: input.portRangeMax,
    remote_ip_prefix: input.remoteIpPrefix,
    remote_group_id: input.remoteGroupId,
  };
  if (input.description) rule.description = input.description;
  const { body } = await neutron.call<{ security_group_rule: Record<string, unknown> }>('/security-group-rules', {
    method: 'POST',
    body: { security_group_rule: rule },
  });
  return securityGroupRuleFromWire(body.security_group_rule);
}

export async function deleteSecurityGroupRule(neutron: ServiceClient, id: string): Promise<void> {
  await neutron.call(`/security-group-rules/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/**
 * Why Neutron refused a security-group call, from its 409 messages (its NeutronError type does not reach
 * us): SecurityGroupRuleExists, OverQuota, SecurityGroupInUse and SecurityGroupCannotRemoveDefault.
 */
export type SecurityGroupRefusal = 'rule_exists' | 'over_quota' | 'in_use' | 'default_group' | null;

export function securityGroupRefusal(error: unknown): SecurityGroupRefusal {
  if (!(error instanceof OpenStackError) || error.status !== 409) return null;
  if (/already exists/i.test(error.message)) return 'rule_exists';
  if (/quota/i.test(error.message)) return 'over_quota';
  if (/in use/i.test(error.message)) return 'in_use';
  if (/default security group/i.test(error.message)) return 'default_group';
  return null;
}

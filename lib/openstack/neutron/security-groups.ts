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

/** Why Neutron refused a security-group call, from the fault type it names. */
export type SecurityGroupRefusal = 'rule_exists' | 'over_quota' | 'in_use' | 'default_group' | null;

const REFUSALS: Record<string, Exclude<SecurityGroupRefusal, null>> = {
  SecurityGroupRuleExists: 'rule_exists',
  OverQuota: 'over_quota',
  SecurityGroupInUse: 'in_use',
  SecurityGroupCannotRemoveDefault: 'default_group',
  SecurityGroupCannotUpdateDefault: 'default_group',
};

export function securityGroupRefusal(error: unknown): SecurityGroupRefusal {
  if (!(error instanceof OpenStackError)) return null;
  return REFUSALS[error.faultType ?? ''] ?? null;
}

import 'server-only';

import type { ApiErrorPayload } from '../api-error';
import { neutronClient } from '../openstack/neutron/client';
import { getQuotaDetails } from '../openstack/neutron/floating-ips';
import { listPorts } from '../openstack/neutron/ports';
import {
  createSecurityGroup,
  createSecurityGroupRule,
  deleteSecurityGroup,
  deleteSecurityGroupRule,
  getSecurityGroup,
  listSecurityGroups,
  securityGroupRefusal,
  updateSecurityGroup,
} from '../openstack/neutron/security-groups';
import type { QuotaDetail, SecurityGroup, SecurityGroupRule } from '../openstack/neutron/types';
import { novaClient } from '../openstack/nova/client';
import { serverAction } from '../openstack/nova/servers';
import { deleteRulesInput, findDuplicateRule, securityGroupRuleInput } from '../validation/security-group-rules';
import { createSecurityGroupSchema, serverSecurityGroupSchema, updateSecurityGroupSchema } from '../validation/security-groups';
import { ApiError, toApiError } from './api-error';
import type { ScopedContext } from './guard';

/** The security-group pages in one call each: groups with their use, one group with its rules, an instance's groups. */
const neutron = (ctx: ScopedContext) => neutronClient(ctx.endpoint('network'), ctx.token);
const nova = (ctx: ScopedContext) => novaClient(ctx.endpoint('compute'), ctx.token);

export const DEFAULT_GROUP = 'default';
const PREVIEW = 3;

export interface GroupUsage {
  ports: number;
  instances: number;
}

export interface SecurityGroupRow {
  id: string;
  name: string;
  description: string;
  isDefault: boolean;
  ruleCount: number;
  ingressCount: number;
  egressCount: number;
  /** The first few ingress rules, for the list's summary. */
  ingressPreview: SecurityGroupRule[];
  usage: GroupUsage | null;
}

export interface SecurityGroupListView {
  groups: SecurityGroupRow[];
  /** Group id → name for every group of the project, to name remote groups. */
  groupNames: Record<string, string>;
  /** Counting ports failed; the list shows without the "used by" column. */
  usageError: ApiErrorPayload | null;
}

/** Ports and instances (devices owned by compute) per security group, from one ports call. */
async function usageByGroup(ctx: ScopedContext): Promise<Map<string, GroupUsage>> {
  const ports = await listPorts(neutron(ctx), {
    project_id: ctx.project.id,
    fields: ['id', 'device_id', 'device_owner', 'security_groups'],
  });
  const counts = new Map<string, { ports: number; instances: Set<string> }>();
  for (const port of ports) {
    for (const id of port.securityGroupIds) {
      const entry = counts.get(id) ?? { ports: 0, instances: new Set<string>() };
      entry.ports += 1;
      if (port.deviceOwner.startsWith('compute:') && port.deviceId) entry.instances.add(port.deviceId);
      counts.set(id, entry);
    }
  }
  return new Map([...counts].map(([id, c]) => [id, { ports: c.ports, instances: c.instances.size }]));
}

const projectGroups = (ctx: ScopedContext) => listSecurityGroups(neutron(ctx), { project_id: ctx.project.id });
/** The project's groups without their rules (a project can hold thousands of rules; naming needs none). */
const projectGroupNames = (ctx: ScopedContext) => listSecurityGroups(neutron(ctx), { project_id: ctx.project.id, fields: ['id', 'name'] });

export async function loadSecurityGroups(ctx: ScopedContext): Promise<SecurityGroupListView> {
  const [groups, usage] = await Promise.all([
    projectGroups(ctx),
    usageByGroup(ctx).then(
      (map) => ({ map, error: null }),
      (error: unknown) => ({ map: null, error: toApiError(error).payload }),
    ),
  ]);
  const sorted = [...groups].sort((a, b) => Number(b.name === DEFAULT_GROUP) - Number(a.name === DEFAULT_GROUP) || a.name.localeCompare(b.name));
  return {
    groups: sorted.map((g) => {
      const ingress = g.rules.filter((r) => r.direction === 'ingress');
      return {
        id: g.id,
        name: g.name,
        description: g.description,
        isDefault: g.name === DEFAULT_GROUP,
        ruleCount: g.rules.length,
        ingressCount: ingress.length,
        egressCount: g.rules.length - ingress.length,
        ingressPreview: ingress.slice(0, PREVIEW),
        usage: usage.map ? (usage.map.get(g.id) ?? { ports: 0, instances: 0 }) : null,
      };
    }),
    groupNames: Object.fromEntries(groups.map((g) => [g.id, g.name])),
    usageError: usage.error,
  };
}

export interface SecurityGroupDetailView {
  group: SecurityGroup;
  isDefault: boolean;
  /** The project's groups, offered as remote groups and used to name them. */
  projectGroups: { id: string; name: string }[];
  usage: GroupUsage | null;
  /** The project's security_group_rule quota, when the cloud has quota details. */
  ruleQuota: QuotaDetail | null;
}

export async function loadSecurityGroup(ctx: ScopedContext, id: string): Promise<SecurityGroupDetailView> {
  const [group, groups, usage, quota] = await Promise.all([
    getSecurityGroup(neutron(ctx), id),
    projectGroupNames(ctx),
    usageByGroup(ctx).catch(() => null),
    getQuotaDetails(neutron(ctx), ctx.project.id).catch(() => null),
  ]);
  return {
    group,
    isDefault: group.name === DEFAULT_GROUP,
    projectGroups: groups.map((g) => ({ id: g.id, name: g.name })).sort((a, b) => a.name.localeCompare(b.name)),
    usage: usage ? (usage.get(id) ?? { ports: 0, instances: 0 }) : null,
    ruleQuota: quota?.security_group_rule ?? null,
  };
}

/** Neutron's 409s on security groups, as codes the pages explain (with Neutron's request ID kept). */
function explained(error: unknown): unknown {
  const refusal = securityGroupRefusal(error);
  if (!refusal) return error;
  const { payload } = toApiError(error);
  return new ApiError({ ...payload, code: `secgroup.${refusal}` });
}

async function explain<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw explained(error);
  }
}

export async function addSecurityGroup(ctx: ScopedContext, raw: unknown): Promise<SecurityGroup> {
  const input = createSecurityGroupSchema.parse(raw);
  return explain(() => createSecurityGroup(neutron(ctx), input));
}

export async function editSecurityGroup(ctx: ScopedContext, id: string, raw: unknown): Promise<SecurityGroup> {
  const changes = updateSecurityGroupSchema.parse(raw);
  const group = await getSecurityGroup(neutron(ctx), id);
  if (group.name === DEFAULT_GROUP && changes.name !== undefined && changes.name !== DEFAULT_GROUP) {
    throw new ApiError({ code: 'secgroup.default_group', status: 409, message: 'The default group cannot be renamed', fields: { name: 'default_rename' } });
  }
  const patch: { name?: string; description?: string } = {};
  if (changes.name !== undefined && changes.name !== group.name) patch.name = changes.name;
  if (changes.description !== undefined) patch.description = changes.description;
  return explain(() => updateSecurityGroup(neutron(ctx), id, patch));
}

export async function removeSecurityGroup(ctx: ScopedContext, id: string): Promise<void> {
  const group = await getSecurityGroup(neutron(ctx), id);
  // Neutron refuses too (SecurityGroupCannotRemoveDefault); saying so here spares the user a round trip.
  if (group.name === DEFAULT_GROUP) {
    throw new ApiError({ code: 'secgroup.default_group', status: 409, message: 'The default security group cannot be deleted', service: 'network' });
  }
  await explain(() => deleteSecurityGroup(neutron(ctx), id));
}

export async function addRule(ctx: ScopedContext, groupId: string, raw: unknown): Promise<SecurityGroupRule> {
  const input = securityGroupRuleInput.parse(raw);
  const [group, remote] = await Promise.all([
    getSecurityGroup(neutron(ctx), groupId),
    input.remoteGroupId ? listSecurityGroups(neutron(ctx), { id: input.remoteGroupId, project_id: ctx.project.id }) : Promise.resolve(null),
  ]);
  if (remote && remote.length === 0) {
    throw new ApiError({ code: 'invalid_input', status: 400, message: 'The remote group is not one of this project’s groups', fields: { remoteGroupId: 'remote_group_other_project' } });
  }
  const duplicate = findDuplicateRule(input, group.rules);
  if (duplicate) {
    throw new ApiError({ code: 'secgroup.already_has_rule', status: 409, message: `The group already has this rule (${duplicate.id})`, service: 'network', fields: { form: 'duplicate' } });
  }
  return explain(() => createSecurityGroupRule(neutron(ctx), { ...input, securityGroupId: groupId }));
}

export interface DeleteRulesResult {
  deleted: string[];
  failed: { id: string; error: ApiErrorPayload }[];
}

/** Deletes several rules of one group at once; rules of other groups are refused before anything is sent. */
export async function removeRules(ctx: ScopedContext, groupId: string, raw: unknown): Promise<DeleteRulesResult> {
  const { ruleIds } = deleteRulesInput.parse(raw);
  const group = await getSecurityGroup(neutron(ctx), groupId);
  const own = new Set(group.rules.map((r) => r.id));
  const strangers = ruleIds.filter((id) => !own.has(id));
  if (strangers.length > 0) {
    throw new ApiError({ code: 'secgroup.rule_not_in_group', status: 400, message: `Not rules of this group: ${strangers.join(', ')}`, fields: { ruleIds: 'rule_not_in_group' } });
  }
  const unique = [...new Set(ruleIds)];
  const results = await Promise.allSettled(unique.map((id) => deleteSecurityGroupRule(neutron(ctx), id)));
  const outcome: DeleteRulesResult = { deleted: [], failed: [] };
  results.forEach((result, i) => {
    const id = unique[i]!;
    if (result.status === 'fulfilled') outcome.deleted.push(id);
    else outcome.failed.push({ id, error: toApiError(result.reason).payload });
  });
  if (outcome.deleted.length === 0 && results[0]?.status === 'rejected') throw results[0].reason;
  return outcome;
}

export interface InstancePortGroups {
  portId: string;
  addresses: string[];
  portSecurityEnabled: boolean;
  securityGroupIds: string[];
}

export interface ServerSecurityGroupsView {
  serverId: string;
  ports: InstancePortGroups[];
  /** The groups on any of the instance's ports, with their rules. */
  applied: SecurityGroup[];
  /** The project's other groups, which can be added. */
  available: { id: string; name: string }[];
  groupNames: Record<string, string>;
}

export async function loadServerSecurityGroups(ctx: ScopedContext, serverId: string): Promise<ServerSecurityGroupsView> {
  const [ports, groups] = await Promise.all([listPorts(neutron(ctx), { device_id: serverId }), projectGroupNames(ctx)]);
  const appliedIds = new Set(ports.flatMap((p) => p.securityGroupIds));
  // The applied groups with their rules, by id: a group of another project can sit on the port too (an admin put it there).
  const applied = appliedIds.size ? await listSecurityGroups(neutron(ctx), { id: [...appliedIds] }) : [];
  const known = new Map<string, { id: string; name: string }>([...groups, ...applied].map((g) => [g.id, g]));
  return {
    serverId,
    ports: ports.map((p) => ({
      portId: p.id,
      addresses: p.fixedIps.map((ip) => ip.ipAddress),
      portSecurityEnabled: p.portSecurityEnabled,
      securityGroupIds: p.securityGroupIds,
    })),
    applied: applied.sort((a, b) => a.name.localeCompare(b.name)),
    available: groups.filter((g) => !appliedIds.has(g.id)).map((g) => ({ id: g.id, name: g.name })).sort((a, b) => a.name.localeCompare(b.name)),
    groupNames: Object.fromEntries([...known.values()].map((g) => [g.id, g.name])),
  };
}

/**
 * Nova's addSecurityGroup / removeSecurityGroup on a running instance. Nova resolves the group by name or ID
 * within the project; the name is sent when it is unique (what the CLI does), the ID otherwise.
 */
export async function changeServerSecurityGroup(ctx: ScopedContext, serverId: string, raw: unknown): Promise<{ action: 'add' | 'remove'; securityGroupId: string }> {
  const input = serverSecurityGroupSchema.parse(raw);
  const groups = await projectGroups(ctx);
  const group = groups.find((g) => g.id === input.securityGroupId);
  if (!group) {
    throw new ApiError({ code: 'invalid_input', status: 400, message: 'That security group is not one of this project’s groups', fields: { securityGroupId: 'group_not_in_project' } });
  }
  const unique = groups.filter((g) => g.name === group.name).length === 1;
  const name = unique && group.name ? group.name : group.id;
  await serverAction(nova(ctx), serverId, { [input.action === 'add' ? 'addSecurityGroup' : 'removeSecurityGroup']: { name } });
  return input;
}

// Neutron's security groups and rules: /v2.0/security-groups (list, show, create, update,
// delete) and /v2.0/security-group-rules (list, show, create, delete). A project's "default"
// group appears on its first list or create; groups carry their rules; rules are checked by
// security-group-rule-input.ts, then against the store (groups visible to the project,
// duplicates, quota) in Neutron's order, with Neutron's errors.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import type { SecurityGroupRow, SecurityGroupRuleRow } from '../../store/security-groups';
import { networkContext, owningProject, ownerFields, ownsOrAdmin, type NetworkContext } from './context';
import { badRequest, inUse, invalidAttribute, notFound } from './errors';
import { listBody, project, showFields, toBoolean, type RawQuery, type WireObject } from './list-query';
import { checkNetworkQuota } from './quota-routes';
import { checkIfMatch } from './revision';
import { neutronRoute, pathParam } from './register';
import { parsePrefix, parseSecurityGroupRule, ruleKey } from './security-group-rule-input';

const RULE_ATTRIBUTES = [
  'id', 'project_id', 'tenant_id', 'security_group_id', 'direction', 'ethertype', 'protocol',
  'port_range_min', 'port_range_max', 'remote_ip_prefix', 'remote_group_id', 'normalized_cidr',
  'belongs_to_default_sg', 'description', 'created_at', 'updated_at', 'revision_number',
] as const;
const GROUP_ATTRIBUTES = [
  'id', 'name', 'description', 'project_id', 'tenant_id', 'stateful', 'tags', 'created_at', 'updated_at',
  'revision_number',
] as const;

const RULES = { collection: 'security_group_rules', attributes: RULE_ATTRIBUTES };
const GROUPS = { collection: 'security_groups', attributes: GROUP_ATTRIBUTES };

export function ruleView(row: SecurityGroupRuleRow, defaultGroupIds: ReadonlySet<string>): WireObject {
  return {
    id: row.id,
    ...ownerFields(row.project_id),
    security_group_id: row.security_group_id,
    direction: row.direction,
    ethertype: row.ethertype,
    protocol: row.protocol,
    port_range_min: row.port_range_min,
    port_range_max: row.port_range_max,
    remote_ip_prefix: row.remote_ip_prefix,
    remote_group_id: row.remote_group_id,
    normalized_cidr: row.remote_ip_prefix === null ? null : parsePrefix(row.remote_ip_prefix).normalized,
    belongs_to_default_sg: defaultGroupIds.has(row.security_group_id),
    description: row.description,
    created_at: row.created_at,
    updated_at: row.updated_at,
    revision_number: row.revision_number,
  };
}

export function groupView(row: SecurityGroupRow, rules: readonly SecurityGroupRuleRow[]): WireObject {
  const defaults = new Set(row.is_default === 1 ? [row.id] : []);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ...ownerFields(row.project_id),
    stateful: row.stateful === 1,
    security_group_rules: rules.map((rule) => ruleView(rule, defaults)),
    tags: JSON.parse(row.tags) as string[],
    created_at: row.created_at,
    updated_at: row.updated_at,
    revision_number: row.revision_number,
  };
}

const securityGroupNotFound = (id: string) => notFound('security_group', id);

interface GroupInput {
  name?: string;
  description?: string;
  stateful?: boolean;
  project_id?: unknown;
  tenant_id?: unknown;
}

/** `{"security_group": {...}}` for POST (creating) or PUT, checked as Neutron's attribute map does. */
function parseGroupInput(body: unknown, creating: boolean): GroupInput {
  const input = (body as Record<string, unknown> | null)?.security_group;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw badRequest("Unable to find 'security_group' in request body", 'HTTPBadRequest');
  }
  const fields = input as Record<string, unknown>;
  const writable = creating ? ['name', 'description', 'stateful', 'project_id', 'tenant_id'] : ['name', 'description', 'stateful'];
  const refused = Object.keys(fields).filter((key) => !writable.includes(key));
  if (refused.length > 0) {
    const readOnly = refused.find((key) => (GROUP_ATTRIBUTES as readonly string[]).includes(key));
    throw badRequest(
      readOnly ? `Cannot update read-only attribute ${readOnly}` : `Unrecognized attribute(s) '${refused.join(', ')}'`,
      'HTTPBadRequest',
    );
  }
  const out: GroupInput = { project_id: fields.project_id, tenant_id: fields.tenant_id };
  for (const key of ['name', 'description'] as const) {
    const value = fields[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw invalidAttribute(key, `'${String(value)}' is not a valid string`);
    if (value.length > 255) throw invalidAttribute(key, `'${value}' exceeds maximum length of 255`);
    out[key] = value;
  }
  if (out.name !== undefined && out.name.toLowerCase() === 'default') {
    throw new ApiError(409, 'Default security group already exists.', 'SecurityGroupDefaultAlreadyExists');
  }
  if (fields.stateful !== undefined) {
    try {
      out.stateful = toBoolean(fields.stateful);
    } catch {
      throw invalidAttribute('stateful', `'${String(fields.stateful)}' is not a valid boolean value`);
    }
  }
  return out;
}

export function registerSecurityGroupRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;

  /** The project whose default group a list should ensure: a project_id filter, else the caller's. */
  async function ensureDefaultFor(context: NetworkContext, query: RawQuery): Promise<void> {
    const filter = query.project_id ?? query.tenant_id;
    const wanted = (Array.isArray(filter) ? filter[0] : filter) ?? context.projectId;
    if (wanted === '' || !ownsOrAdmin(context, wanted)) return;
    await store.securityGroups.ensureDefault(wanted, context.now);
  }

  async function visibleGroup(context: NetworkContext, id: string): Promise<SecurityGroupRow> {
    const group = await store.securityGroups.getGroup(id);
    if (!group || !ownsOrAdmin(context, group.project_id)) throw securityGroupNotFound(id);
    return group;
  }

  async function showGroup(group: SecurityGroupRow): Promise<WireObject> {
    return groupView(group, await store.securityGroups.listRules([group.id]));
  }

  async function defaultGroupIds(): Promise<Set<string>> {
    const groups = await store.securityGroups.listGroups();
    return new Set(groups.filter((group) => group.is_default === 1).map((group) => group.id));
  }

  const requestUrl = (request: FastifyRequest): string => cloud.url(request.url);

  neutronRoute(app, 'GET', '/security-groups', async (request) => {
    const context = networkContext(request, cloud);
    const query = request.query as RawQuery;
    await ensureDefaultFor(context, query);
    const groups = await store.securityGroups.listGroups(context.admin ? undefined : context.projectId);
    const rules = await store.securityGroups.listRules(context.admin ? undefined : groups.map((group) => group.id));
    const byGroup = new Map<string, SecurityGroupRuleRow[]>();
    for (const rule of rules) byGroup.set(rule.security_group_id, [...(byGroup.get(rule.security_group_id) ?? []), rule]);
    const items = groups.map((group) => groupView(group, byGroup.get(group.id) ?? []));
    return listBody(items, query, GROUPS, requestUrl(request), securityGroupNotFound);
  });

  neutronRoute(app, 'POST', '/security-groups', async (request, reply) => {
    const context = networkContext(request, cloud);
    const input = parseGroupInput(request.body, true);
    const projectId = owningProject(context, input);
    await store.securityGroups.ensureDefault(projectId, context.now);
    await checkNetworkQuota(store, projectId, 'security_group');
    const group = await store.securityGroups.createGroup(
      { projectId, name: input.name ?? '', description: input.description ?? '', stateful: input.stateful ?? true },
      context.now,
    );
    return reply.code(201).send({ security_group: await showGroup(group) });
  });

  neutronRoute(app, 'GET', '/security-groups/:id', async (request) => {
    const context = networkContext(request, cloud);
    const group = await visibleGroup(context, pathParam(request, 'id'));
    return { security_group: project(await showGroup(group), showFields(request.query as RawQuery)) };
  });

  neutronRoute(app, 'PUT', '/security-groups/:id', async (request) => {
    const context = networkContext(request, cloud);
    const group = await visibleGroup(context, pathParam(request, 'id'));
    checkIfMatch(request, group.revision_number);
    const input = parseGroupInput(request.body, false);
    if (group.is_default === 1 && input.name !== undefined && input.name !== group.name) {
      throw new ApiError(409, 'Updating default security group not allowed.', 'SecurityGroupCannotUpdateDefault');
    }
    const updated = await store.securityGroups.updateGroup(group.id, input, context.now);
    return { security_group: await showGroup(updated) };
  });

  neutronRoute(app, 'DELETE', '/security-groups/:id', async (request, reply) => {
    const context = networkContext(request, cloud);
    const group = await visibleGroup(context, pathParam(request, 'id'));
    checkIfMatch(request, group.revision_number);
    if ((await store.securityGroups.portsOfGroup(group.id)).length > 0) throw inUse.securityGroup(group.id);
    if (group.is_default === 1 && !context.admin) {
      throw new ApiError(409, 'Insufficient rights for removing default security group.', 'SecurityGroupCannotRemoveDefault');
    }
    await store.securityGroups.deleteGroup(group.id);
    return reply.code(204).send();
  });

  neutronRoute(app, 'GET', '/security-group-rules', async (request) => {
    const context = networkContext(request, cloud);
    const query = request.query as RawQuery;
    await ensureDefaultFor(context, query);
    const groups = await store.securityGroups.listGroups(context.admin ? undefined : context.projectId);
    const own = new Set(groups.map((group) => group.id));
    const rules = await store.securityGroups.listRules();
    const visible = context.admin ? rules : rules.filter((rule) => own.has(rule.security_group_id) || rule.project_id === context.projectId);
    const defaults = await defaultGroupIds();
    return listBody(visible.map((rule) => ruleView(rule, defaults)), query, RULES, requestUrl(request), (id) =>
      notFound('security_group_rule', id),
    );
  });

  neutronRoute(app, 'POST', '/security-group-rules', async (request, reply) => {
    const context = networkContext(request, cloud);
    const rule = parseSecurityGroupRule(request.body);
    if (rule.remote_group_id !== null) await visibleGroup(context, rule.remote_group_id);
    const group = await visibleGroup(context, rule.security_group_id);
    // A rule belongs to its group's project unless an admin names another.
    const projectId = rule.project_id === null ? group.project_id : owningProject(context, { project_id: rule.project_id });
    await checkNetworkQuota(store, projectId, 'security_group_rule');
    const key = ruleKey(rule);
    const existing = (await store.securityGroups.listRules([group.id])).find((other) => ruleKey(other) === key);
    if (existing) {
      throw new ApiError(409, `Security group rule already exists. Rule id is ${existing.id}.`, 'SecurityGroupRuleExists');
    }
    const { normalized_cidr: _normalized, project_id: _project, ...fields } = rule;
    const created = await store.securityGroups.createRule({ ...fields, project_id: projectId }, context.now);
    const defaults = new Set(group.is_default === 1 ? [group.id] : []);
    return reply.code(201).send({ security_group_rule: ruleView(created, defaults) });
  });

  async function visibleRule(context: NetworkContext, id: string): Promise<SecurityGroupRuleRow> {
    const rule = await store.securityGroups.getRule(id);
    const group = rule && (await store.securityGroups.getGroup(rule.security_group_id));
    if (!rule || !group || !(ownsOrAdmin(context, group.project_id) || rule.project_id === context.projectId)) {
      throw notFound('security_group_rule', id);
    }
    return rule;
  }

  neutronRoute(app, 'GET', '/security-group-rules/:id', async (request) => {
    const context = networkContext(request, cloud);
    const rule = await visibleRule(context, pathParam(request, 'id'));
    return {
      security_group_rule: project(ruleView(rule, await defaultGroupIds()), showFields(request.query as RawQuery)),
    };
  });

  neutronRoute(app, 'DELETE', '/security-group-rules/:id', async (request, reply) => {
    const context = networkContext(request, cloud);
    const rule = await visibleRule(context, pathParam(request, 'id'));
    await store.securityGroups.deleteRule(rule.id, context.now);
    return reply.code(204).send();
  });
}

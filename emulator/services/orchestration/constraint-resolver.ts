// Heat's custom constraints (nova.flavor, glance.image, nova.keypair, neutron.*, cinder.*) checked
// against the cloud's own store when a stack is created, previewed or updated. The engine wraps
// the message as Heat does: "Parameter 'flavor' is invalid: Error validating value 'x': …".

import type { Repositories } from '../../store/open-store';
import { ApiError } from '../../http/api-error';
import { resolveValue, stackContext, type CustomConstraintResolver, type StackPlan } from './hot/index';

export interface ConstraintScope {
  repos: Repositories;
  projectId: string;
  userId: string;
}

/** Heat's EntityNotFound message. */
const notFound = (entity: string, name: string) => `The ${entity} (${name}) could not be found.`;
/** neutronclient's message for a name or id that matches nothing. */
const neutronNotFound = (kind: string, ref: string) => `Unable to find ${kind} with name or id '${ref}'`;

/** One match by id, else exactly one by name (Heat refuses ambiguous names too). */
function byIdOrName<T extends { id: string; name: string | null }>(rows: readonly T[], ref: string): 'found' | 'none' | 'many' {
  if (rows.some((r) => r.id === ref)) return 'found';
  const named = rows.filter((r) => r.name === ref).length;
  return named === 1 ? 'found' : named === 0 ? 'none' : 'many';
}

function neutron(kind: string, ref: string, match: 'found' | 'none' | 'many'): string | null {
  if (match === 'found') return null;
  if (match === 'many') return `Multiple ${kind} matches found for name '${ref}', use an ID to be more specific.`;
  return neutronNotFound(kind, ref);
}

async function visibleNetworkIds(scope: ConstraintScope): Promise<string[]> {
  return (await scope.repos.networks.list({ visibleTo: scope.projectId })).map((n) => n.id);
}

type Check = (scope: ConstraintScope, value: string) => Promise<string | null>;

const CHECKS: Record<string, Check> = {
  'nova.flavor': async ({ repos }, v) => ((await repos.flavors.get(v)) ?? (await repos.flavors.findByName(v)) ? null : notFound('Flavor', v)),
  'nova.keypair': async ({ repos, userId }, v) => ((await repos.keypairs.get(userId, v)) ? null : notFound('Key', v)),
  'nova.server': async ({ repos, projectId }, v) => {
    const server = await repos.servers.get(v);
    if (server && server.projectId === projectId) return null;
    const all = await repos.servers.list({ projectId }, { limit: 1000, sortKey: 'created_at', sortDir: 'asc' });
    const named = all.filter((s) => s.name === v);
    return named.length === 1 ? null : notFound('Server', v);
  },
  'glance.image': async ({ repos, projectId }, v) => {
    const viewer = { projectId, isAdmin: false };
    if (await repos.images.getVisible(viewer, v)) return null;
    const named = await repos.images.list(viewer, { name: v });
    if (named.length === 1) return null;
    return named.length > 1 ? `Multiple physical resources were found with name (${v}).` : notFound('Image', v);
  },
  'neutron.network': async (scope, v) => neutron('network', v, byIdOrName(await scope.repos.networks.list({ visibleTo: scope.projectId }), v)),
  'neutron.subnet': async (scope, v) => {
    const rows = await scope.repos.subnets.list({ networkIds: await visibleNetworkIds(scope) });
    return neutron('subnet', v, byIdOrName(rows, v));
  },
  'neutron.port': async (scope, v) => {
    const rows = await scope.repos.ports.list({ visibleTo: { projectId: scope.projectId, networkIds: [] } });
    return neutron('port', v, byIdOrName(rows, v));
  },
  'neutron.router': async (scope, v) => neutron('router', v, byIdOrName(await scope.repos.routers.list({ projectId: scope.projectId }), v)),
  'neutron.security_group': async (scope, v) => {
    const rows = await scope.repos.securityGroups.listGroups(scope.projectId);
    return neutron('security_group', v, byIdOrName(rows, v));
  },
  'cinder.volume': async ({ repos, projectId }, v) => {
    const volume = await repos.volumes.get(v);
    if (volume && volume.projectId === projectId) return null;
    return (await repos.volumes.list({ projectId, name: v })).length === 1 ? null : notFound('Volume', v);
  },
  'cinder.vtype': async ({ repos }, v) => ((await repos.volumeTypes.findByNameOrId(v)) ? null : notFound('VolumeType', v)),
  'cinder.snapshot': async ({ repos, projectId }, v) => {
    const snapshot = await repos.snapshots.get(v);
    if (snapshot && snapshot.projectId === projectId) return null;
    return (await repos.snapshots.list({ projectId, name: v })).length === 1 ? null : notFound('VolumeSnapshot', v);
  },
};

/** The resolver the engine calls for each custom_constraint; unknown constraint names pass, as before. */
export function constraintResolver(scope: ConstraintScope): CustomConstraintResolver {
  return {
    async check(constraint, value) {
      const check = CHECKS[constraint];
      return check ? check(scope, value) : null;
    },
  };
}

/** The custom constraints Heat puts on these properties (checked against the cloud at create). */
export const PROPERTY_CONSTRAINTS: Record<string, Record<string, string>> = {
  'OS::Nova::Server': { flavor: 'nova.flavor', image: 'glance.image', key_name: 'nova.keypair' },
  'OS::Neutron::Port': { network: 'neutron.network', network_id: 'neutron.network' },
  'OS::Neutron::FloatingIP': { floating_network: 'neutron.network', port_id: 'neutron.port' },
  'OS::Neutron::FloatingIPAssociation': { port_id: 'neutron.port' },
  'OS::Cinder::Volume': { image: 'glance.image', volume_type: 'cinder.vtype', snapshot_id: 'cinder.snapshot', source_volid: 'cinder.volume' },
};

/** A runtime that refuses: a property that names another resource is not known before create. */
const NOT_YET = {
  refId(): never {
    throw new Error('not created yet');
  },
  attribute(): never {
    throw new Error('not created yet');
  },
};

/**
 * Heat validates resource properties against their custom constraints before it creates anything:
 * "Property error: resources.server.properties.flavor: Error validating value 'x': The Flavor (x)
 * could not be found." Values that depend on other resources are left to the create.
 */
export async function checkPropertyConstraints(plan: StackPlan, resolver: CustomConstraintResolver): Promise<void> {
  const ctx = stackContext(plan, NOT_YET);
  for (const name of plan.createOrder) {
    const r = plan.resources[name]!;
    const raw = (r.definition.properties ?? {}) as Record<string, unknown>;
    for (const [prop, constraint] of Object.entries(PROPERTY_CONSTRAINTS[r.type] ?? {})) {
      if (raw[prop] === undefined) continue;
      let value: unknown;
      try {
        value = resolveValue(raw[prop], ctx);
      } catch {
        continue;
      }
      if (typeof value !== 'string' || value === '') continue;
      const message = await resolver.check(constraint, value);
      if (message) {
        throw new ApiError(400, `Property error: resources.${name}.properties.${prop}: Error validating value '${value}': ${message}`, 'StackValidationFailed');
      }
    }
  }
}

// Heat's custom constraints (nova.flavor, glance.image, nova.keypair, neutron.*, cinder.*) checked
// against the cloud's own store when a stack is created, previewed or updated. The engine wraps
// the message as Heat does: "Parameter 'flavor' is invalid: Error validating value 'x': …".

import type { Repositories } from '../../store/open-store';
import type { CustomConstraintResolver } from './hot/index';

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

// Nova's flavors: list (summary and detail, with Nova's filters and pages), show, create and
// delete (admins), description updates (2.55+). Flavors cannot otherwise be changed.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import type { Flavor, FlavorFilter } from '../../store/schema';
import { flavorDescription, parseNewFlavor } from './flavor-input';
import { flavorDetail, flavorSummary } from './flavor-views';
import { atLeast } from './microversion';
import {
  bodyObject,
  invalidInput,
  nextLinks,
  novaCaller,
  parseLimit,
  queryValue,
  requireNovaAdmin,
  type NovaQuery,
} from './nova-request';

type IdParams = { Params: { flavorId: string } };

export function flavorNotFound(id: string): ApiError {
  return new ApiError(404, `Flavor ${id} could not be found.`);
}

/** A flavor by id (any flavor, as Nova's show does not check access), or Nova's 404. */
export async function existingFlavor(cloud: Cloud, id: string): Promise<Flavor> {
  const flavor = await cloud.store.flavors.get(id);
  if (!flavor) throw flavorNotFound(id);
  return flavor;
}

const SORT_KEYS = new Set(['created_at', 'description', 'disabled', 'ephemeral_gb', 'flavorid', 'id', 'is_public', 'memory_mb', 'name', 'root_gb', 'rxtx_factor', 'swap', 'vcpus']);
const SORT_READ: Record<string, (f: Flavor) => string | number | boolean | null> = {
  created_at: (f) => f.createdAt,
  description: (f) => f.description,
  disabled: (f) => f.disabled,
  ephemeral_gb: (f) => f.ephemeral,
  flavorid: (f) => f.id,
  id: (f) => f.createdAt,
  is_public: (f) => f.isPublic,
  memory_mb: (f) => f.ram,
  name: (f) => f.name,
  root_gb: (f) => f.disk,
  rxtx_factor: (f) => f.rxtxFactor,
  swap: (f) => f.swap,
  vcpus: (f) => f.vcpus,
};

function parseIsPublic(text: string | undefined, admin: boolean): FlavorFilter['isPublic'] {
  if (!admin) return undefined;
  if (text === undefined) return undefined;
  const lower = text.toLowerCase();
  if (lower === 'none') return 'all';
  if (['true', 't', '1', 'yes', 'y', 'on'].includes(lower)) return undefined;
  if (['false', 'f', '0', 'no', 'n', 'off'].includes(lower)) return false;
  throw new ApiError(400, `Invalid is_public filter [${text}]`);
}

function parseMin(query: NovaQuery, key: 'minDisk' | 'minRam'): number | undefined {
  const text = queryValue(query, key);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new ApiError(400, `Invalid ${key} filter [${text}]`);
  return Number(text);
}

async function listFlavors(cloud: Cloud, request: FastifyRequest<{ Querystring: NovaQuery }>) {
  const caller = novaCaller(request);
  const query = request.query;
  const filter: FlavorFilter = {
    // Users see public flavors and the private ones their project was given; so do admins
    // unless they ask for is_public=false (private only) or none (all).
    isPublic: parseIsPublic(queryValue(query, 'is_public'), caller.admin),
    accessProjectId: caller.projectId ?? undefined,
    minDisk: parseMin(query, 'minDisk'),
    minRam: parseMin(query, 'minRam'),
  };
  if (filter.isPublic === false) filter.accessProjectId = undefined;
  let flavors = await cloud.store.flavors.list(filter);
  if (!caller.admin) flavors = flavors.filter((f) => !f.disabled);

  const sortKey = queryValue(query, 'sort_key') ?? 'flavorid';
  const sortDir = queryValue(query, 'sort_dir') ?? 'asc';
  if (!SORT_KEYS.has(sortKey)) throw invalidInput('sort_key', sortKey, `'${sortKey}' is not one of ${JSON.stringify([...SORT_KEYS])}`);
  if (sortDir !== 'asc' && sortDir !== 'desc') throw invalidInput('sort_dir', sortDir, `'${sortDir}' is not one of ['asc', 'desc']`);
  const read = SORT_READ[sortKey] ?? SORT_READ.flavorid!;
  const sign = sortDir === 'asc' ? 1 : -1;
  flavors = [...flavors].sort((a, b) => {
    const x = read(a);
    const y = read(b);
    if (x === y) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    if (x === null) return -sign;
    if (y === null) return sign;
    return (x < y ? -1 : 1) * sign;
  });

  const limit = parseLimit(query);
  const marker = queryValue(query, 'marker');
  let start = 0;
  if (marker !== undefined) {
    const index = flavors.findIndex((f) => f.id === marker);
    if (index < 0) throw new ApiError(400, `marker [${marker}] not found`);
    start = index + 1;
  }
  const page = flavors.slice(start, start + limit);
  return { page, links: nextLinks(cloud, request, 'flavors', page, limit, page[page.length - 1]?.id) };
}

export function registerFlavorRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { flavors } = cloud.store;

  app.get<{ Querystring: NovaQuery }>('/v2.1/flavors', async (request) => {
    const { page, links } = await listFlavors(cloud, request);
    return { flavors: page.map((f) => flavorSummary(cloud, request, f)), ...links };
  });

  app.get<{ Querystring: NovaQuery }>('/v2.1/flavors/detail', async (request) => {
    const { page, links } = await listFlavors(cloud, request);
    return { flavors: page.map((f) => flavorDetail(cloud, request, f)), ...links };
  });

  app.get<IdParams>('/v2.1/flavors/:flavorId', async (request) => {
    novaCaller(request);
    return { flavor: flavorDetail(cloud, request, await existingFlavor(cloud, request.params.flavorId)) };
  });

  app.post('/v2.1/flavors', async (request) => {
    const caller = novaCaller(request);
    requireNovaAdmin(caller, 'os_compute_api:os-flavor-manage:create');
    const input = bodyObject(request.body, 'flavor');
    const flavor = parseNewFlavor(input, atLeast(request, '2.55'), formatIsoMicros(cloud.clock.now()));
    const created = await cloud.store.transaction(async (repos) => {
      if (await repos.flavors.findByName(flavor.name)) {
        throw new ApiError(409, `Flavor with name ${flavor.name} already exists.`);
      }
      if (await repos.flavors.get(flavor.id)) throw new ApiError(409, `Flavor with ID ${flavor.id} already exists.`);
      await repos.flavors.create(flavor);
      // A private flavor is usable at once by the project that created it, as in Nova.
      if (!flavor.isPublic && caller.projectId !== null) await repos.flavors.addAccess(flavor.id, caller.projectId);
      return flavor;
    });
    return { flavor: flavorDetail(cloud, request, created) };
  });

  app.put<IdParams>('/v2.1/flavors/:flavorId', async (request) => {
    const caller = novaCaller(request);
    if (!atLeast(request, '2.55')) {
      throw new ApiError(405, 'The method PUT is not allowed for /flavors/{id} before microversion 2.55.');
    }
    requireNovaAdmin(caller, 'os_compute_api:os-flavor-manage:update');
    const input = bodyObject(request.body, 'flavor');
    const keys = Object.keys(input);
    if (keys.length !== 1 || keys[0] !== 'description') {
      throw new ApiError(400, `Invalid input for field/attribute flavor. Value: ${JSON.stringify(input)}. Only 'description' can be updated`);
    }
    const flavor = await existingFlavor(cloud, request.params.flavorId);
    const description = flavorDescription(input.description);
    await flavors.setDescription(flavor.id, description);
    return { flavor: flavorDetail(cloud, request, { ...flavor, description }) };
  });

  app.delete<IdParams>('/v2.1/flavors/:flavorId', async (request, reply) => {
    const caller = novaCaller(request);
    requireNovaAdmin(caller, 'os_compute_api:os-flavor-manage:delete');
    if (!(await flavors.delete(request.params.flavorId))) throw flavorNotFound(request.params.flavorId);
    return reply.code(202).send();
  });
}

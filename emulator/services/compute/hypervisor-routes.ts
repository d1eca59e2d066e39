// Nova's hypervisors (admins): list, detail, show, statistics, uptime, the servers on each
// (with_servers from 2.53, /servers before) and the pre-2.53 search. Ids are integers before 2.53 and uuids from 2.53. Usage (vCPUs, RAM, disk and
// running VMs) is summed from the servers placed on each host.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import { ApiError } from '../../http/api-error';
import { formatIsoMicros } from '../../sim/clock';
import type { ComputeService, Hypervisor } from '../../store/schema';
import type { Usage } from '../../store/servers';
import { serviceIsUp } from './host-state';
import { atLeast } from './microversion';
import { nextLinks, novaCaller, parseLimit, queryValue, requireNovaAdmin, type NovaQuery } from './nova-request';

const NO_USAGE: Usage = { instances: 0, vcpus: 0, memoryMb: 0, diskGb: 0 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface HypervisorState {
  hypervisor: Hypervisor;
  service: ComputeService | undefined;
  usage: Usage;
  up: boolean;
}

/** Every hypervisor with its service, liveness and current usage. */
async function loadStates(cloud: Cloud, hostnamePattern?: string): Promise<HypervisorState[]> {
  const { hosts, servers } = cloud.store;
  const now = cloud.clock.now();
  await servers.settle(formatIsoMicros(now));
  const [hypervisors, services, usage] = await Promise.all([
    hosts.listHypervisors({ hostnamePattern }),
    hosts.listServices({ binary: 'nova-compute' }),
    servers.usageByHost(),
  ]);
  const serviceById = new Map(services.map((s) => [s.id, s]));
  return hypervisors.map((hypervisor) => {
    const service = serviceById.get(hypervisor.serviceId);
    return {
      hypervisor,
      service,
      usage: usage.get(hypervisor.hostname) ?? NO_USAGE,
      up: service !== undefined && serviceIsUp(service, now),
    };
  });
}

function summary(request: FastifyRequest, { hypervisor, service, up }: HypervisorState) {
  return {
    id: atLeast(request, '2.53') ? hypervisor.id : hypervisor.seq,
    hypervisor_hostname: hypervisor.hostname,
    state: up ? 'up' : 'down',
    status: service?.disabled ? 'disabled' : 'enabled',
  };
}

function cpuInfo(hypervisor: Hypervisor) {
  return {
    arch: 'x86_64',
    model: 'Haswell-noTSX-IBRS',
    vendor: 'Intel',
    topology: { cells: 1, sockets: 1, cores: Math.max(1, Math.floor(hypervisor.vcpus / 2)), threads: 2 },
    features: ['sse4.2', 'avx2', 'vmx'],
  };
}

function detail(request: FastifyRequest, state: HypervisorState) {
  const { hypervisor, service, usage } = state;
  const cpu = cpuInfo(hypervisor);
  return {
    ...summary(request, state),
    vcpus: hypervisor.vcpus,
    memory_mb: hypervisor.memoryMb,
    local_gb: hypervisor.localGb,
    vcpus_used: usage.vcpus,
    memory_mb_used: usage.memoryMb,
    local_gb_used: usage.diskGb,
    free_ram_mb: hypervisor.memoryMb - usage.memoryMb,
    free_disk_gb: hypervisor.localGb - usage.diskGb,
    disk_available_least: hypervisor.localGb - usage.diskGb,
    current_workload: 0,
    running_vms: usage.instances,
    hypervisor_type: hypervisor.hypervisorType,
    hypervisor_version: hypervisor.hypervisorVersion,
    host_ip: hypervisor.hostIp,
    // A JSON string before 2.28, an object from 2.28.
    cpu_info: atLeast(request, '2.28') ? cpu : JSON.stringify(cpu),
    service: {
      host: service?.host ?? hypervisor.hostname,
      id: atLeast(request, '2.53') ? (service?.id ?? null) : (service?.seq ?? null),
      disabled_reason: service?.disabledReason ?? null,
    },
  };
}

/** The servers on each host, as {name, uuid}, for with_servers (2.53+) and /servers (before). */
async function serversOn(cloud: Cloud, states: HypervisorState[]): Promise<Map<string, { name: string; uuid: string }[]>> {
  const result = new Map<string, { name: string; uuid: string }[]>();
  for (const { hypervisor } of states) {
    const servers = await cloud.store.servers.list({ host: hypervisor.hostname }, { limit: 100_000, sortKey: 'created_at', sortDir: 'asc' });
    result.set(hypervisor.hostname, servers.map((server) => ({ name: server.name, uuid: server.id })));
  }
  return result;
}

function withServers<T extends object>(view: T, servers: { name: string; uuid: string }[] | undefined): T {
  // Nova leaves the key out for a hypervisor without servers.
  return servers && servers.length > 0 ? { ...view, servers } : view;
}

function parseWithServers(request: FastifyRequest<{ Querystring: NovaQuery }>): boolean {
  const text = queryValue(request.query, 'with_servers');
  if (text === undefined || !atLeast(request, '2.53')) return false;
  const lower = text.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(lower)) return true;
  if (['false', '0', 'no', 'off'].includes(lower)) return false;
  throw new ApiError(400, `Invalid input for query parameters with_servers. Value: ${text}. '${text}' is not a valid boolean`);
}

function notFound(id: string): ApiError {
  return new ApiError(404, `Hypervisor with ID '${id}' could not be found.`);
}

export function registerHypervisorRoutes(app: FastifyInstance, cloud: Cloud): void {
  const list = async (request: FastifyRequest<{ Querystring: NovaQuery }>, render: typeof summary) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-hypervisors:list');
    const modern = atLeast(request, '2.53');
    const pattern = modern ? queryValue(request.query, 'hypervisor_hostname_pattern') : undefined;
    let states = await loadStates(cloud, pattern);
    if (pattern !== undefined && states.length === 0) {
      throw new ApiError(404, `No hypervisor matching '${pattern}' could be found.`);
    }
    const servers = parseWithServers(request) ? await serversOn(cloud, states) : new Map();
    const view = (state: HypervisorState) => withServers(render(request, state), servers.get(state.hypervisor.hostname));
    if (!atLeast(request, '2.33')) return { hypervisors: states.map(view) };
    const limit = parseLimit(request.query);
    const marker = queryValue(request.query, 'marker');
    if (marker !== undefined) {
      const index = states.findIndex((s) => (modern ? s.hypervisor.id : String(s.hypervisor.seq)) === marker);
      if (index < 0) throw new ApiError(400, `marker [${marker}] not found`);
      states = states.slice(index + 1);
    }
    const page = states.slice(0, limit);
    const last = page[page.length - 1];
    const lastId = last && (modern ? last.hypervisor.id : String(last.hypervisor.seq));
    return { hypervisors: page.map(view), ...nextLinks(cloud, request, 'hypervisors', page, limit, lastId) };
  };

  app.get<{ Querystring: NovaQuery }>('/v2.1/os-hypervisors', (request) => list(request, summary));
  app.get<{ Querystring: NovaQuery }>('/v2.1/os-hypervisors/detail', (request) => list(request, detail));

  app.get('/v2.1/os-hypervisors/statistics', async (request) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-hypervisors:statistics');
    const rows = (await loadStates(cloud)).map((s) => detail(request, s));
    const sum = (key: 'vcpus' | 'vcpus_used' | 'memory_mb' | 'memory_mb_used' | 'local_gb' | 'local_gb_used' | 'free_ram_mb' | 'free_disk_gb' | 'disk_available_least' | 'running_vms' | 'current_workload') =>
      rows.reduce((total, row) => total + row[key], 0);
    return {
      hypervisor_statistics: {
        count: rows.length,
        vcpus: sum('vcpus'),
        vcpus_used: sum('vcpus_used'),
        memory_mb: sum('memory_mb'),
        memory_mb_used: sum('memory_mb_used'),
        local_gb: sum('local_gb'),
        local_gb_used: sum('local_gb_used'),
        free_ram_mb: sum('free_ram_mb'),
        free_disk_gb: sum('free_disk_gb'),
        disk_available_least: sum('disk_available_least'),
        running_vms: sum('running_vms'),
        current_workload: sum('current_workload'),
      },
    };
  });

  const findOne = async (request: FastifyRequest, id: string): Promise<HypervisorState> => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-hypervisors:show');
    const modern = atLeast(request, '2.53');
    if (modern && !UUID.test(id)) throw new ApiError(400, `Invalid uuid ${id}`);
    if (!modern && !/^\d+$/.test(id)) throw notFound(id);
    const state = (await loadStates(cloud)).find((s) => (modern ? s.hypervisor.id === id : String(s.hypervisor.seq) === id));
    if (!state) throw notFound(id);
    return state;
  };

  app.get<{ Params: { hypervisorId: string }; Querystring: NovaQuery }>('/v2.1/os-hypervisors/:hypervisorId', async (request) => {
    const state = await findOne(request, request.params.hypervisorId);
    const servers = parseWithServers(request) ? await serversOn(cloud, [state]) : new Map();
    return { hypervisor: withServers(detail(request, state), servers.get(state.hypervisor.hostname)) };
  });

  app.get<{ Params: { hypervisorId: string } }>('/v2.1/os-hypervisors/:hypervisorId/uptime', async (request) => {
    const state = await findOne(request, request.params.hypervisorId);
    return {
      hypervisor: {
        ...summary(request, state),
        uptime: ' 08:32:11 up 93 days, 18:25, 1 user,  load average: 0.20, 0.12, 0.14',
      },
    };
  });

  app.get<{ Params: { pattern: string } }>('/v2.1/os-hypervisors/:pattern/servers', async (request) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-hypervisors:servers');
    if (atLeast(request, '2.53')) throw new ApiError(404, 'The servers API is removed from microversion 2.53; use with_servers.');
    const states = await loadStates(cloud, request.params.pattern);
    if (states.length === 0) throw new ApiError(404, `No hypervisor matching '${request.params.pattern}' could be found.`);
    const servers = await serversOn(cloud, states);
    return { hypervisors: states.map((s) => withServers(summary(request, s), servers.get(s.hypervisor.hostname))) };
  });

  app.get<{ Params: { pattern: string } }>('/v2.1/os-hypervisors/:pattern/search', async (request) => {
    requireNovaAdmin(novaCaller(request), 'os_compute_api:os-hypervisors:search');
    if (atLeast(request, '2.53')) throw new ApiError(404, 'The search API is removed from microversion 2.53; use hypervisor_hostname_pattern.');
    const states = await loadStates(cloud, request.params.pattern);
    if (states.length === 0) throw new ApiError(404, `No hypervisor matching '${request.params.pattern}' could be found.`);
    return { hypervisors: states.map((s) => summary(request, s)) };
  });
}

// The resources the metric service knows, with what the simulation needs to compute their
// samples. Instance resources follow Nova's servers (one per server, id = server id).

import type { Cloud } from '../../cloud';
import type { Repositories } from '../../store/open-store';
import type { SimulatedInstance } from '../../sim/metrics';
import type { ResourceAttributes } from './search-query';

export interface MetricResource {
  /** Gnocchi's JSON view of the resource, without its metrics map. */
  attributes: ResourceAttributes & { id: string; type: string };
  /** Present for instances whose samples the simulation computes. */
  instance?: SimulatedInstance;
}

/** Every resource of a type ("generic" lists all). */
export async function listResources(repos: Repositories, cloud: Cloud, type: string): Promise<MetricResource[]> {
  void cloud;
  if (type !== 'instance' && type !== 'generic') return [];
  const servers = await repos.servers.list({}, { limit: 1_000_000, sortKey: 'created_at', sortDir: 'asc' });
  return servers.map((server) => {
    const started = server.launchedAt ?? server.createdAt;
    return {
      attributes: {
        id: server.id,
        type: 'instance',
        project_id: server.projectId,
        user_id: server.userId,
        display_name: server.name,
        flavor_id: server.flavor.id,
        flavor_name: server.flavor.name,
        host: server.host,
        image_ref: server.imageId,
        server_group: server.metadata['metering.server_group'] ?? server.metadata['metering.stack'] ?? null,
        started_at: started,
        ended_at: null,
      },
      instance: {
        id: server.id,
        startedMs: Date.parse(started),
        endedMs: null,
        vcpus: server.flavor.vcpus,
        memoryMb: server.flavor.ram,
        loads: [],
      },
    };
  });
}

// Data access for the hosts of the cloud: Nova's services (nova-compute on each compute
// host, the controller services) and the hypervisors behind the nova-compute services.

import type { Kysely } from 'kysely';
import type { ComputeService, Database, Hypervisor } from './schema';

type ServiceRow = Database['compute_services'];
type HypervisorRow = Database['hypervisors'];

export interface ComputeServiceFilter {
  binary?: string;
  host?: string;
}

export interface ComputeServiceChanges {
  disabled?: boolean;
  disabledReason?: string | null;
  forcedDown?: boolean;
  stoppedReportingAt?: string | null;
}

export interface HostStore {
  listServices(filter?: ComputeServiceFilter): Promise<ComputeService[]>;
  getService(id: string): Promise<ComputeService | undefined>;
  createService(service: ComputeService): Promise<ComputeService>;
  updateService(id: string, changes: ComputeServiceChanges): Promise<ComputeService | undefined>;
  /** Ordered by seq (creation order), as Nova lists hypervisors by id. */
  listHypervisors(filter?: { hostnamePattern?: string }): Promise<Hypervisor[]>;
  getHypervisor(id: string): Promise<Hypervisor | undefined>;
  findHypervisorByHostname(hostname: string): Promise<Hypervisor | undefined>;
  createHypervisor(hypervisor: Hypervisor): Promise<Hypervisor>;
}

export function createHostStore(db: Kysely<Database>): HostStore {
  const getService = async (id: string): Promise<ComputeService | undefined> => {
    const row = await db.selectFrom('compute_services').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toService(row);
  };
  return {
    async listServices(filter = {}) {
      let query = db.selectFrom('compute_services').selectAll().orderBy('seq');
      if (filter.binary !== undefined) query = query.where('binary', '=', filter.binary);
      if (filter.host !== undefined) query = query.where('host', '=', filter.host);
      return (await query.execute()).map(toService);
    },
    getService,
    async createService(service) {
      await db
        .insertInto('compute_services')
        .values({
          id: service.id,
          seq: service.seq,
          binary: service.binary,
          host: service.host,
          zone: service.zone,
          disabled: service.disabled ? 1 : 0,
          disabled_reason: service.disabledReason,
          forced_down: service.forcedDown ? 1 : 0,
          stopped_reporting_at: service.stoppedReportingAt,
          created_at: service.createdAt,
        })
        .execute();
      return service;
    },
    async updateService(id, changes) {
      const set: Partial<ServiceRow> = {};
      if (changes.disabled !== undefined) set.disabled = changes.disabled ? 1 : 0;
      if (changes.disabledReason !== undefined) set.disabled_reason = changes.disabledReason;
      if (changes.forcedDown !== undefined) set.forced_down = changes.forcedDown ? 1 : 0;
      if (changes.stoppedReportingAt !== undefined) set.stopped_reporting_at = changes.stoppedReportingAt;
      if (Object.keys(set).length > 0) {
        await db.updateTable('compute_services').set(set).where('id', '=', id).execute();
      }
      return getService(id);
    },
    async listHypervisors(filter = {}) {
      let query = db.selectFrom('hypervisors').selectAll().orderBy('seq');
      if (filter.hostnamePattern !== undefined) {
        query = query.where('hostname', 'like', `%${filter.hostnamePattern}%`);
      }
      return (await query.execute()).map(toHypervisor);
    },
    async getHypervisor(id) {
      const row = await db.selectFrom('hypervisors').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toHypervisor(row);
    },
    async findHypervisorByHostname(hostname) {
      const row = await db
        .selectFrom('hypervisors')
        .selectAll()
        .where('hostname', '=', hostname)
        .executeTakeFirst();
      return row && toHypervisor(row);
    },
    async createHypervisor(hypervisor) {
      await db
        .insertInto('hypervisors')
        .values({
          id: hypervisor.id,
          seq: hypervisor.seq,
          hostname: hypervisor.hostname,
          service_id: hypervisor.serviceId,
          host_ip: hypervisor.hostIp,
          hypervisor_type: hypervisor.hypervisorType,
          hypervisor_version: hypervisor.hypervisorVersion,
          vcpus: hypervisor.vcpus,
          memory_mb: hypervisor.memoryMb,
          local_gb: hypervisor.localGb,
        })
        .execute();
      return hypervisor;
    },
  };
}

function toService(row: ServiceRow): ComputeService {
  return {
    id: row.id,
    seq: row.seq,
    binary: row.binary,
    host: row.host,
    zone: row.zone,
    disabled: row.disabled === 1,
    disabledReason: row.disabled_reason,
    forcedDown: row.forced_down === 1,
    stoppedReportingAt: row.stopped_reporting_at,
    createdAt: row.created_at,
  };
}

function toHypervisor(row: HypervisorRow): Hypervisor {
  return {
    id: row.id,
    seq: row.seq,
    hostname: row.hostname,
    serviceId: row.service_id,
    hostIp: row.host_ip,
    hypervisorType: row.hypervisor_type,
    hypervisorVersion: row.hypervisor_version,
    vcpus: row.vcpus,
    memoryMb: row.memory_mb,
    localGb: row.local_gb,
  };
}

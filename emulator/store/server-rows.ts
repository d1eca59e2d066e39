// Row <-> model conversion for the servers table: JSON columns parsed, booleans as 0/1, and the
// resource columns (vcpus, memory_mb, disk_gb) copied from the flavor for SQL sums.

import type { Selectable } from 'kysely';
import type { ServerTable } from './schema';
import type { FlavorSnapshot, Server, ServerAddress, ServerFault } from './servers';

type Row = Selectable<ServerTable>;

export function toRow(s: Server): Row {
  return {
    id: s.id,
    project_id: s.projectId,
    user_id: s.userId,
    name: s.name,
    description: s.description,
    flavor_id: s.flavor.id,
    flavor: JSON.stringify(s.flavor),
    old_flavor: s.oldFlavor && JSON.stringify(s.oldFlavor),
    vcpus: s.flavor.vcpus,
    memory_mb: s.flavor.ram,
    // A server booted from a volume uses no local root disk.
    disk_gb: (s.bootVolumeId ? 0 : s.flavor.disk) + s.flavor.ephemeral + Math.ceil(s.flavor.swap / 1024),
    image_id: s.imageId,
    key_name: s.keyName,
    availability_zone: s.availabilityZone,
    host: s.host,
    vm_state: s.vmState,
    task_state: s.taskState,
    power_state: s.powerState,
    settle_at: s.settleAt,
    next_vm_state: s.nextVmState,
    next_power_state: s.nextPowerState,
    locked: s.locked ? 1 : 0,
    locked_reason: s.lockedReason,
    metadata: JSON.stringify(s.metadata),
    tags: JSON.stringify(s.tags),
    security_groups: JSON.stringify(s.securityGroups),
    // Addresses belong to Neutron's ports now (decision 009); the old columns stay empty.
    addresses: '{}',
    fixed_ip: null,
    user_data: s.userData,
    config_drive: s.configDrive,
    disk_config: s.diskConfig,
    fault: s.fault && JSON.stringify(s.fault),
    reservation_id: s.reservationId,
    launch_index: s.launchIndex,
    server_group_id: s.serverGroupId,
    boot_volume_id: s.bootVolumeId,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    launched_at: s.launchedAt,
  };
}

export function toServer(r: Row): Server {
  return {
    id: r.id,
    projectId: r.project_id,
    userId: r.user_id,
    name: r.name,
    description: r.description,
    flavor: JSON.parse(r.flavor) as FlavorSnapshot,
    oldFlavor: r.old_flavor ? (JSON.parse(r.old_flavor) as FlavorSnapshot) : null,
    imageId: r.image_id,
    keyName: r.key_name,
    availabilityZone: r.availability_zone,
    host: r.host,
    vmState: r.vm_state,
    taskState: r.task_state,
    powerState: r.power_state,
    settleAt: r.settle_at,
    nextVmState: r.next_vm_state,
    nextPowerState: r.next_power_state,
    locked: r.locked === 1,
    lockedReason: r.locked_reason,
    metadata: JSON.parse(r.metadata) as Record<string, string>,
    tags: JSON.parse(r.tags) as string[],
    securityGroups: JSON.parse(r.security_groups) as string[],
    addresses: JSON.parse(r.addresses) as Record<string, ServerAddress[]>,
    fixedIp: r.fixed_ip,
    userData: r.user_data,
    configDrive: r.config_drive,
    diskConfig: r.disk_config,
    fault: r.fault ? (JSON.parse(r.fault) as ServerFault) : null,
    reservationId: r.reservation_id,
    launchIndex: r.launch_index,
    serverGroupId: r.server_group_id,
    bootVolumeId: r.boot_volume_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    launchedAt: r.launched_at,
  };
}

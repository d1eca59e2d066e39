// Nova's server bodies, shaped by the request's microversion and the caller's role: the
// list entries, the detail view and the create response. Timestamps follow Nova: created/
// updated as `…Z` whole seconds, OS-SRV-USG:* naive with microseconds.

import { createHash } from 'node:crypto';
import type { Cloud } from '../../cloud';
import { serverStatus } from '../../sim/server-lifecycle';
import type { Server } from '../../store/servers';

export interface ViewOptions {
  /** True when the request's microversion is at least the given one. */
  atLeast(version: string): boolean;
  admin: boolean;
  /** compute host name -> Nova's host_status (2.16). */
  hostStatus?: Map<string, string>;
  /** server id -> ids of attached volumes. */
  volumes?: Map<string, { id: string; deleteOnTermination: boolean }[]>;
  /** server id -> names of the security groups on its ports (servers with ports only). */
  securityGroups?: Map<string, string[]>;
}

/** `2013-09-03T04:01:32Z` from the store's microsecond timestamps. */
export function novaTime(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

/** `2013-09-23T13:53:12.774549`, as OS-SRV-USG:* and instance actions show time. */
export function novaNaiveTime(iso: string | null): string | null {
  return iso === null ? null : iso.slice(0, 26);
}

export function serverLinks(cloud: Cloud, id: string): { rel: string; href: string }[] {
  return [
    { rel: 'self', href: cloud.url(`/compute/v2.1/servers/${id}`) },
    { rel: 'bookmark', href: cloud.url(`/compute/servers/${id}`) },
  ];
}

export function serverSummary(cloud: Cloud, server: Server): Record<string, unknown> {
  return { id: server.id, name: server.name, links: serverLinks(cloud, server.id) };
}

/** Nova's hostId: sha224 of project id and host, so tenants can tell co-location apart. */
function hostId(server: Server): string {
  return server.host ? createHash('sha224').update(server.projectId + server.host).digest('hex') : '';
}

function flavorView(cloud: Cloud, server: Server, options: ViewOptions): Record<string, unknown> {
  const flavor = server.flavor;
  if (!options.atLeast('2.47')) {
    return { id: flavor.id, links: [{ rel: 'bookmark', href: cloud.url(`/compute/flavors/${flavor.id}`) }] };
  }
  return {
    vcpus: flavor.vcpus,
    ram: flavor.ram,
    disk: flavor.disk,
    ephemeral: flavor.ephemeral,
    swap: flavor.swap,
    original_name: flavor.name,
    extra_specs: flavor.extraSpecs,
  };
}

const PROGRESS_STATUSES = new Set(['ACTIVE', 'BUILD', 'REBUILD', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING']);

/** The groups on the server's ports when it has ports (Neutron decides), else those it booted with. */
const securityGroupsOf = (server: Server, options: ViewOptions): string[] =>
  options.securityGroups?.get(server.id) ?? server.securityGroups;

export function serverDetail(cloud: Cloud, server: Server, options: ViewOptions): Record<string, unknown> {
  const status = serverStatus(server.vmState, server.taskState);
  const addresses = Object.fromEntries(
    Object.entries(server.addresses).map(([network, list]) => [
      network,
      list.map((a) => ({ version: a.version, addr: a.addr, 'OS-EXT-IPS:type': a.type ?? 'fixed', 'OS-EXT-IPS-MAC:mac_addr': a.mac })),
    ]),
  );
  const view: Record<string, unknown> = {
    id: server.id,
    name: server.name,
    status,
    tenant_id: server.projectId,
    user_id: server.userId,
    metadata: server.metadata,
    hostId: hostId(server),
    // Booted from a volume: an empty string, not null (nova/api/openstack/compute/views/servers.py).
    image: server.imageId === '' ? '' : { id: server.imageId, links: [{ rel: 'bookmark', href: cloud.url(`/compute/images/${server.imageId}`) }] },
    flavor: flavorView(cloud, server, options),
    created: novaTime(server.createdAt),
    updated: novaTime(server.updatedAt),
    addresses,
    accessIPv4: '',
    accessIPv6: '',
    links: serverLinks(cloud, server.id),
    'OS-DCF:diskConfig': server.diskConfig,
    'OS-EXT-AZ:availability_zone': server.host ? (server.availabilityZone ?? 'nova') : '',
    config_drive: server.configDrive,
    key_name: server.keyName,
    'OS-SRV-USG:launched_at': novaNaiveTime(server.launchedAt),
    'OS-SRV-USG:terminated_at': null,
    security_groups: securityGroupsOf(server, options).map((name) => ({ name })),
    'OS-EXT-STS:task_state': server.taskState,
    'OS-EXT-STS:vm_state': server.vmState,
    'OS-EXT-STS:power_state': server.powerState,
    'os-extended-volumes:volumes_attached': (options.volumes?.get(server.id) ?? []).map((v) =>
      options.atLeast('2.3') ? { id: v.id, delete_on_termination: v.deleteOnTermination } : { id: v.id },
    ),
  };
  if (PROGRESS_STATUSES.has(status)) view.progress = status === 'ACTIVE' || status === 'VERIFY_RESIZE' ? 100 : 0;
  if (securityGroupsOf(server, options).length === 0) delete view.security_groups;
  if (server.fault && (status === 'ERROR' || status === 'DELETED')) {
    const fault: Record<string, unknown> = { code: server.fault.code, created: novaTime(server.fault.created), message: server.fault.message };
    // Details (a traceback in Nova) only for admins or non-500 faults.
    if (options.admin || server.fault.code !== 500) fault.details = '';
    view.fault = fault;
  }
  if (options.admin) {
    view['OS-EXT-SRV-ATTR:host'] = server.host;
    view['OS-EXT-SRV-ATTR:instance_name'] = `instance-${server.id.slice(0, 8)}`;
    view['OS-EXT-SRV-ATTR:hypervisor_hostname'] = server.host;
    if (options.atLeast('2.3')) {
      view['OS-EXT-SRV-ATTR:reservation_id'] = server.reservationId;
      view['OS-EXT-SRV-ATTR:launch_index'] = server.launchIndex;
      view['OS-EXT-SRV-ATTR:hostname'] = hostnameOf(server.name);
      view['OS-EXT-SRV-ATTR:kernel_id'] = '';
      view['OS-EXT-SRV-ATTR:ramdisk_id'] = '';
      view['OS-EXT-SRV-ATTR:root_device_name'] = '/dev/vda';
      view['OS-EXT-SRV-ATTR:user_data'] = server.userData;
    }
  }
  if (options.atLeast('2.9')) view.locked = server.locked;
  if (options.atLeast('2.16') && options.admin) {
    view.host_status = server.host ? (options.hostStatus?.get(server.host) ?? 'UNKNOWN') : '';
  }
  if (options.atLeast('2.19')) view.description = server.description;
  if (options.atLeast('2.26')) view.tags = server.tags;
  if (options.atLeast('2.63')) view.trusted_image_certificates = null;
  if (options.atLeast('2.73')) view.locked_reason = server.lockedReason;
  return view;
}

/** Nova's sanitised hostname for a display name. */
export function hostnameOf(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9-.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return (cleaned || 'server').slice(0, 63);
}

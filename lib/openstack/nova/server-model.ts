import { type ServerStatus, asStatus } from '../../compute/server-status';

/** An instance with clean names; the wire names (OS-EXT-STS:…, OS-EXT-SRV-ATTR:…) stop here. */
export interface ServerAddress {
  network: string;
  address: string;
  version: 4 | 6;
  kind: 'fixed' | 'floating';
  mac: string | null;
}

export interface Server {
  id: string;
  name: string;
  status: ServerStatus;
  taskState: string | null;
  vmState: string | null;
  powerState: number | null;
  flavor: { name: string; vcpus: number; ram: number; disk: number; ephemeral: number; swap: number; extraSpecs: Record<string, string> };
  imageId: string | null;
  addresses: ServerAddress[];
  keyName: string | null;
  availabilityZone: string | null;
  projectId: string;
  userId: string;
  created: string;
  updated: string;
  launchedAt: string | null;
  host: string | null;
  hypervisorHostname: string | null;
  instanceName: string | null;
  locked: boolean;
  lockedReason: string | null;
  description: string | null;
  metadata: Record<string, string>;
  tags: string[];
  securityGroups: string[];
  volumeIds: string[];
  fault: { code: number; message: string; details: string | null; created: string | null } | null;
  progress: number | null;
}

type Wire = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const record = (value: unknown): Wire => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Wire) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function addresses(wire: unknown): ServerAddress[] {
  return Object.entries(record(wire)).flatMap(([network, entries]) =>
    list(entries).map((e) => {
      const entry = record(e);
      return {
        network,
        address: String(entry.addr ?? ''),
        version: entry.version === 6 ? 6 : 4,
        kind: entry['OS-EXT-IPS:type'] === 'floating' ? 'floating' : 'fixed',
        mac: str(entry['OS-EXT-IPS-MAC:mac_addr']),
      } as ServerAddress;
    }),
  );
}

function flavor(wire: unknown): Server['flavor'] {
  const f = record(wire);
  const specs = Object.fromEntries(Object.entries(record(f.extra_specs)).map(([k, v]) => [k, String(v)]));
  return {
    name: str(f.original_name) ?? str(f.id) ?? '',
    vcpus: num(f.vcpus) ?? 0,
    ram: num(f.ram) ?? 0,
    disk: num(f.disk) ?? 0,
    ephemeral: num(f.ephemeral) ?? 0,
    swap: num(f.swap) ?? 0,
    extraSpecs: specs,
  };
}

export function parseServer(wire: unknown): Server {
  const s = record(wire);
  const fault = record(s.fault);
  return {
    id: String(s.id ?? ''),
    name: String(s.name ?? ''),
    status: asStatus(String(s.status ?? '')),
    taskState: str(s['OS-EXT-STS:task_state']),
    vmState: str(s['OS-EXT-STS:vm_state']),
    powerState: num(s['OS-EXT-STS:power_state']),
    flavor: flavor(s.flavor),
    // A server booted from a volume has image "" on the wire.
    imageId: str(record(s.image).id),
    addresses: addresses(s.addresses),
    keyName: str(s.key_name),
    availabilityZone: str(s['OS-EXT-AZ:availability_zone']),
    projectId: String(s.tenant_id ?? ''),
    userId: String(s.user_id ?? ''),
    created: String(s.created ?? ''),
    updated: String(s.updated ?? ''),
    launchedAt: str(s['OS-SRV-USG:launched_at']),
    host: str(s['OS-EXT-SRV-ATTR:host']),
    hypervisorHostname: str(s['OS-EXT-SRV-ATTR:hypervisor_hostname']),
    instanceName: str(s['OS-EXT-SRV-ATTR:instance_name']),
    locked: s.locked === true,
    lockedReason: str(s.locked_reason),
    description: str(s.description),
    metadata: Object.fromEntries(Object.entries(record(s.metadata)).map(([k, v]) => [k, String(v)])),
    tags: list(s.tags).map(String),
    securityGroups: [...new Set(list(s.security_groups).map((g) => String(record(g).name ?? '')).filter(Boolean))],
    volumeIds: list(s['os-extended-volumes:volumes_attached']).map((v) => String(record(v).id ?? '')).filter(Boolean),
    fault: s.fault
      ? {
          code: num(fault.code) ?? 0,
          message: String(fault.message ?? ''),
          details: str(fault.details),
          created: str(fault.created),
        }
      : null,
    progress: num(s.progress),
  };
}

/** The marker of the next page, read from servers_links (present only when the page was full). */
export function nextMarker(links: unknown): string | null {
  const next = list(links).map(record).find((l) => l.rel === 'next');
  const href = str(next?.href);
  return href ? new URL(href).searchParams.get('marker') : null;
}

// Picks a host for a server the way Nova's filter scheduler does with its default filters
// and weighers, reduced to what the embedded cloud models: enabled hosts in the requested
// availability zone, capacity with overcommit, server-group (anti-)affinity, then the host
// with the most free RAM (Nova's RAM weigher spreads). Pure: the caller loads the hosts.

/** Nova's defaults: cpu_allocation_ratio 16.0, ram_allocation_ratio 1.5, disk_allocation_ratio 1.0. */
export const ALLOCATION_RATIOS = { vcpus: 16, ram: 1.5, disk: 1 } as const;

export interface HostCapacity {
  name: string;
  availabilityZone: string;
  /** Compute service enabled and up. */
  enabled: boolean;
  vcpus: number;
  memoryMb: number;
  diskGb: number;
  usedVcpus: number;
  usedMemoryMb: number;
  usedDiskGb: number;
}

export type GroupPolicy = 'affinity' | 'anti-affinity' | 'soft-affinity' | 'soft-anti-affinity';

export interface PlacementRequest {
  vcpus: number;
  memoryMb: number;
  diskGb: number;
  availabilityZone?: string;
  group?: { policy: GroupPolicy; memberHosts: readonly string[]; maxServerPerHost?: number };
}

export interface Ratios {
  vcpus: number;
  ram: number;
  disk: number;
}

export function fits(host: HostCapacity, request: PlacementRequest, ratios: Ratios = ALLOCATION_RATIOS): boolean {
  return (
    host.usedVcpus + request.vcpus <= host.vcpus * ratios.vcpus &&
    host.usedMemoryMb + request.memoryMb <= host.memoryMb * ratios.ram &&
    host.usedDiskGb + request.diskGb <= host.diskGb * ratios.disk
  );
}

function passesGroup(host: HostCapacity, group: PlacementRequest['group']): boolean {
  if (!group) return true;
  const onHost = group.memberHosts.filter((name) => name === host.name).length;
  if (group.policy === 'affinity') return group.memberHosts.length === 0 || onHost > 0;
  if (group.policy === 'anti-affinity') return onHost < (group.maxServerPerHost ?? 1);
  return true;
}

/** The chosen host's name, or undefined when no host passes (Nova's NoValidHost). */
export function chooseHost(
  hosts: readonly HostCapacity[],
  request: PlacementRequest,
  ratios: Ratios = ALLOCATION_RATIOS,
): string | undefined {
  const candidates = hosts.filter(
    (host) =>
      host.enabled &&
      (request.availabilityZone === undefined || host.availabilityZone === request.availabilityZone) &&
      fits(host, request, ratios) &&
      passesGroup(host, request.group),
  );
  const soft = request.group?.policy;
  const membersOn = (host: HostCapacity) => request.group?.memberHosts.filter((n) => n === host.name).length ?? 0;
  const freeRam = (host: HostCapacity) => host.memoryMb * ratios.ram - host.usedMemoryMb;
  candidates.sort((a, b) => {
    // Soft policies weigh before RAM: more (affinity) or fewer (anti-affinity) members first.
    if (soft === 'soft-affinity' && membersOn(a) !== membersOn(b)) return membersOn(b) - membersOn(a);
    if (soft === 'soft-anti-affinity' && membersOn(a) !== membersOn(b)) return membersOn(a) - membersOn(b);
    if (freeRam(a) !== freeRam(b)) return freeRam(b) - freeRam(a);
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  return candidates[0]?.name;
}

export const NO_VALID_HOST = 'No valid host was found. There are not enough hosts available.';

// What a boot or a resize resolves before anything is written: refs to ids, the flavor the
// project may use (and its snapshot on the server), the root volume of a boot from volume,
// and the capacity of every compute host for the scheduler.

import { ApiError } from '../../http/api-error';
import type { Repositories } from '../../store/open-store';
import type { Flavor } from '../../store/schema';
import type { FlavorSnapshot } from '../../store/servers';
import type { RootVolumeSource } from '../../store/volumes';
import type { HostCapacity } from './scheduler';
import type { CreateServerBody } from './server-schemas';

/** The id at the end of a ref, which may be a bare id or a URL (flavorRef/imageRef). */
export function refId(ref: string): string {
  return ref.replace(/\/+$/, '').split('/').at(-1) ?? ref;
}

export function snapshotOf(flavor: Flavor): FlavorSnapshot {
  return {
    id: flavor.id,
    name: flavor.name,
    vcpus: flavor.vcpus,
    ram: flavor.ram,
    disk: flavor.disk,
    ephemeral: flavor.ephemeral,
    swap: flavor.swap,
    extraSpecs: flavor.extraSpecs,
  };
}

export async function loadUsableFlavor(repos: Repositories, ref: string, projectId: string, admin: boolean): Promise<Flavor> {
  const flavor = await repos.flavors.get(refId(ref));
  const usable = flavor && (flavor.isPublic || admin || (await repos.flavors.listAccess(flavor.id)).includes(projectId));
  if (!flavor || !usable) throw new ApiError(400, 'Invalid flavorRef provided.');
  if (flavor.disabled) throw new ApiError(400, 'Flavor is disabled.');
  return flavor;
}

export async function hostCapacities(repos: Repositories): Promise<HostCapacity[]> {
  const [services, hypervisors, usage] = await Promise.all([
    repos.hosts.listServices({ binary: 'nova-compute' }),
    repos.hosts.listHypervisors(),
    repos.servers.usageByHost(),
  ]);
  const byService = new Map(services.map((s) => [s.id, s]));
  return hypervisors.flatMap((h) => {
    const service = byService.get(h.serviceId);
    if (!service) return [];
    const used = usage.get(service.host);
    return [{
      name: service.host,
      availabilityZone: service.zone,
      enabled: !service.disabled && !service.forcedDown && service.stoppedReportingAt === null,
      vcpus: h.vcpus,
      memoryMb: h.memoryMb,
      diskGb: h.localGb,
      usedVcpus: used?.vcpus ?? 0,
      usedMemoryMb: used?.memoryMb ?? 0,
      usedDiskGb: used?.diskGb ?? 0,
    }];
  });
}

/**
 * The root disk of a boot from volume (block_device_mapping_v2 entry with boot_index 0 and
 * destination volume), handed to Cinder's seam; undefined for a boot from an image.
 */
export function rootVolumeSource(body: CreateServerBody, maxCount: number): { source: RootVolumeSource; deleteOnTermination: boolean } | undefined {
  const root = (body.server.block_device_mapping_v2 ?? []).find(
    (b) => String(b.boot_index ?? '') === '0' && (b.destination_type ?? (b.source_type === 'volume' ? 'volume' : 'local')) === 'volume',
  );
  if (!root) return undefined;
  if (!root.uuid) throw new ApiError(400, 'Block Device Mapping is Invalid: uuid must be given for source_type image or volume.');
  const deleteOnTermination = root.delete_on_termination ?? false;
  if (root.source_type === 'volume') {
    if (maxCount > 1) throw new ApiError(400, 'Cannot attach one or more volumes to multiple instances');
    return { source: { kind: 'volume', volumeId: root.uuid }, deleteOnTermination };
  }
  if (root.source_type === 'image') {
    const size = Number(root.volume_size ?? 0);
    if (!Number.isInteger(size) || size <= 0) {
      throw new ApiError(400, "Block Device Mapping is Invalid: Images with destination_type 'volume' need to have a non-zero size specified.");
    }
    return { source: { kind: 'image', imageId: refId(root.uuid), size }, deleteOnTermination };
  }
  throw new ApiError(400, `Block Device Mapping is Invalid: boot from a ${root.source_type} is not supported by the embedded cloud.`);
}

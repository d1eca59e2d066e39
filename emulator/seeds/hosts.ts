// The hosts of the cloud: a controller running nova-scheduler and nova-conductor, and
// compute hosts each running nova-compute over a QEMU hypervisor in availability zone
// `nova`. The demo has five compute hosts (c01…c05.example.com); the scale seed asks for more.

import type { Repositories } from '../store/open-store';
import { SEEDED_AT } from './flavors';
import { seedId } from './ids';

export interface ComputeHostSpec {
  hostname: string;
  vcpus: number;
  memoryMb: number;
  localGb: number;
}

/** Compute hosts c01.example.com … cNN.example.com, all alike (two digits, three from 100). */
export function computeHostSpecs(count: number, size: Omit<ComputeHostSpec, 'hostname'> = DEMO_HOST_SIZE): ComputeHostSpec[] {
  const width = count >= 100 ? 3 : 2;
  return Array.from({ length: count }, (_, i) => ({
    hostname: `c${String(i + 1).padStart(width, '0')}.example.com`,
    ...size,
  }));
}

export const DEMO_HOST_SIZE = { vcpus: 16, memoryMb: 65536, localGb: 1000 };
export const CONTROLLER_HOST = 'controller.example.com';

/** Ids: 2… for services, 3… for hypervisors, shaped as uuids (Nova's ids from 2.53). */
function uuidSeedId(kind: string, n: number): string {
  const hex = seedId(kind, n);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
export const serviceSeedId = (n: number): string => uuidSeedId('2', n);
export const hypervisorSeedId = (n: number): string => uuidSeedId('3', n);

export async function seedHosts(
  repos: Repositories,
  computeHosts: readonly ComputeHostSpec[] = computeHostSpecs(5),
  createdAt: string = SEEDED_AT,
): Promise<void> {
  let seq = 0;
  const service = async (binary: string, host: string, zone: string): Promise<string> => {
    seq += 1;
    const id = serviceSeedId(seq);
    await repos.hosts.createService({
      id,
      seq,
      binary,
      host,
      zone,
      disabled: false,
      disabledReason: null,
      forcedDown: false,
      stoppedReportingAt: null,
      createdAt,
    });
    return id;
  };
  // Nova puts every non-compute service in the `internal` zone.
  await service('nova-scheduler', CONTROLLER_HOST, 'internal');
  await service('nova-conductor', CONTROLLER_HOST, 'internal');
  for (const [index, spec] of computeHosts.entries()) {
    const serviceId = await service('nova-compute', spec.hostname, 'nova');
    await repos.hosts.createHypervisor({
      id: hypervisorSeedId(index + 1),
      seq: index + 1,
      hostname: spec.hostname,
      serviceId,
      hostIp: `192.168.${Math.floor((index + 1) / 250)}.${((index + 1) % 250) + 1}`,
      hypervisorType: 'QEMU',
      hypervisorVersion: 8002002,
      vcpus: spec.vcpus,
      memoryMb: spec.memoryMb,
      localGb: spec.localGb,
    });
  }
}

import type { AssociateTarget } from '@/lib/bff/floating-ips';

/** A fixed IP as one value for a select: its port and the address. */
export const targetKey = (t: Pick<AssociateTarget, 'portId' | 'fixedIpAddress'>): string => `${t.portId}|${t.fixedIpAddress}`;

/**
 * The free fixed IPs a router joins to the pool's network (offered), and the other free ones (listed with
 * the reason). Fixed IPs that already have a floating IP are in neither: Neutron allows one per fixed IP.
 */
export function splitTargets(targets: AssociateTarget[], networkId: string): { usable: AssociateTarget[]; unreachable: AssociateTarget[] } {
  const free = targets.filter((t) => !t.floatingIpAddress);
  return {
    usable: free.filter((t) => t.reachableNetworkIds.includes(networkId)),
    unreachable: free.filter((t) => !t.reachableNetworkIds.includes(networkId)),
  };
}

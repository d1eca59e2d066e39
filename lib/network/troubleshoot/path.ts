import { containsCidr, parseCidr, parseIp } from '../cidr';
import { type Endpoint, type Lookup, endpointsOf, routerName } from './lookup';
import type { Flow } from './rule-match';
import type { Hop, TraceInputs, TraceRouter } from './types';

/**
 * How a flow gets from its source to one address of the destination instance: the hops before the
 * destination's subnet (floating IP, routers), and the addresses each end sees, which decide what the
 * security groups compare with (no SNAT on the way in through a floating IP; fixed IPs between instances
 * on one network or across a router; the source router's SNAT address when it goes out and back in).
 */
export interface PathPlan {
  hops: Hop[];
  /** The destination address reached, or null when the instance has none of the family. */
  destination: Endpoint | null;
  /** The source instance's address used, when the source is an instance. */
  source: Endpoint | null;
  /** The source as the destination port sees it. */
  peerAtDestination: Flow['peer'];
  peerGroupsAtDestination: ReadonlySet<string>;
  /** The destination as the source port sees it (for the source's egress rules). */
  peerAtSource: Flow['peer'] | null;
  peerGroupsAtSource: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();
const groupsOfPort = (endpoint: Endpoint): ReadonlySet<string> => new Set(endpoint.port.securityGroupIds);

/** The router hop for traffic coming from an external network to an address on a tenant subnet. */
function inboundRouterHop(lookup: Lookup, destination: Endpoint, externalNetworkId: string | null, via: 'floatingIp' | 'ipv6' | 'prospective', preferred: string | null): Hop {
  const routers = lookup.routersOnSubnet(destination.fixedIp.subnetId);
  const subnet = lookup.subnetName(destination.fixedIp.subnetId);
  if (routers.length === 0) return { kind: 'router', status: 'fail', reasons: [{ code: 'router.noInterface', params: { subnet } }] };
  const fits = (r: TraceRouter) => r.externalGateway !== null && (externalNetworkId === null || r.externalGateway.networkId === externalNetworkId);
  const router = routers.find((r) => r.id === preferred) ?? routers.find(fits) ?? routers[0]!;
  const name = routerName(router);
  if (!router.externalGateway) return { kind: 'router', status: 'fail', reasons: [{ code: 'router.noGateway', params: { router: name, subnet } }] };
  if (!fits(router)) {
    return { kind: 'router', status: 'fail', reasons: [{ code: 'router.gatewayElsewhere', params: { router: name, network: lookup.networkName(router.externalGateway.networkId), expected: lookup.networkName(externalNetworkId ?? '') } }] };
  }
  if (!router.adminStateUp) return { kind: 'router', status: 'fail', reasons: [{ code: 'router.down', params: { router: name } }] };
  const params = { router: name, subnet, network: lookup.networkName(router.externalGateway.networkId), address: destination.fixedIp.ipAddress };
  return { kind: 'router', status: 'pass', reasons: [{ code: via === 'floatingIp' ? 'router.dnat' : via === 'ipv6' ? 'router.routedV6' : 'router.ready', params }] };
}

/** From outside the cloud (the internet, or a CIDR no tenant subnet holds) to the instance. */
export function externalPath(inputs: TraceInputs, lookup: Lookup, peer: Flow['peer'], version: 4 | 6): PathPlan {
  const candidates = endpointsOf(inputs.destinationPorts).filter((e) => e.version === version);
  const base = { source: null, peerAtDestination: peer, peerGroupsAtDestination: NONE, peerAtSource: null, peerGroupsAtSource: NONE };
  if (candidates.length === 0) {
    return { ...base, destination: null, hops: [{ kind: 'port', status: 'fail', reasons: [{ code: 'port.noAddressOfFamily', params: { family: `IPv${version}` } }] }] };
  }
  const direct = candidates.find((e) => lookup.network(e.port.networkId)?.external);
  if (direct) {
    return {
      ...base,
      destination: direct,
      hops: [{ kind: 'floatingIp', status: 'skip', reasons: [{ code: 'fip.externalNetwork', params: { network: lookup.networkName(direct.port.networkId), address: direct.fixedIp.ipAddress } }] }],
    };
  }
  if (version === 6) {
    const destination = candidates.find((e) => lookup.routersOnSubnet(e.fixedIp.subnetId).some((r) => r.externalGateway)) ?? candidates[0]!;
    return {
      ...base,
      destination,
      hops: [
        { kind: 'floatingIp', status: 'skip', reasons: [{ code: 'fip.ipv6' }] },
        inboundRouterHop(lookup, destination, null, 'ipv6', null),
      ],
    };
  }
  const withFip = candidates.find((e) => lookup.floatingIpOf(e));
  if (!withFip) {
    const destination = candidates[0]!;
    return {
      ...base,
      destination,
      hops: [
        { kind: 'floatingIp', status: 'fail', reasons: [{ code: 'fip.none', params: { address: destination.fixedIp.ipAddress } }] },
        inboundRouterHop(lookup, destination, null, 'prospective', null),
      ],
    };
  }
  const fip = lookup.floatingIpOf(withFip)!;
  const fipHop: Hop = { kind: 'floatingIp', status: 'pass', reasons: [{ code: 'fip.mapped', params: { floatingIp: fip.floatingIpAddress, address: withFip.fixedIp.ipAddress } }] };
  return { ...base, destination: withFip, hops: [fipHop, inboundRouterHop(lookup, withFip, fip.floatingNetworkId, 'floatingIp', fip.routerId)] };
}

/** From a CIDR: on the destination's own network, behind a router that reaches it, or from outside. */
export function cidrPath(inputs: TraceInputs, lookup: Lookup, cidr: string): PathPlan {
  const version = parseCidr(cidr, { allowBareAddress: true })?.version ?? 4;
  const peer: Flow['peer'] = { kind: 'cidr', cidr };
  const candidates = endpointsOf(inputs.destinationPorts).filter((e) => e.version === version);
  const base = { source: null, peerAtDestination: peer, peerGroupsAtDestination: NONE, peerAtSource: null, peerGroupsAtSource: NONE };
  for (const destination of candidates) {
    const onNetwork = inputs.subnets.find((s) => s.networkId === destination.port.networkId && containsCidr(s.cidr, cidr));
    if (onNetwork) {
      return { ...base, destination, hops: [{ kind: 'router', status: 'skip', reasons: [{ code: 'router.sameNetwork', params: { network: lookup.networkName(destination.port.networkId) } }] }] };
    }
  }
  for (const destination of candidates) {
    for (const router of lookup.routersOnSubnet(destination.fixedIp.subnetId)) {
      const from = router.interfaces.map((i) => lookup.subnet(i.subnetId)).find((s) => s && s.id !== destination.fixedIp.subnetId && containsCidr(s.cidr, cidr));
      if (from) return { ...base, destination, hops: [eastWestHop(lookup, router, from.id, destination.fixedIp.subnetId)] };
    }
  }
  return externalPath(inputs, lookup, peer, version);
}

function eastWestHop(lookup: Lookup, router: TraceRouter, fromSubnetId: string, toSubnetId: string): Hop {
  const params = { router: routerName(router), from: lookup.subnetName(fromSubnetId), to: lookup.subnetName(toSubnetId) };
  if (!router.adminStateUp) return { kind: 'router', status: 'fail', reasons: [{ code: 'router.down', params }] };
  return { kind: 'router', status: 'pass', reasons: [{ code: 'router.eastWest', params }] };
}

/** Between two instances: one network, one router between their subnets, or out and back in through a floating IP. */
export function instancePath(inputs: TraceInputs, lookup: Lookup): PathPlan {
  const sources = endpointsOf(inputs.sourcePorts);
  const destinations = endpointsOf(inputs.destinationPorts);
  const pairs = sources.flatMap((s) => destinations.filter((d) => d.version === s.version).map((d) => [s, d] as const));
  // IPv4 first: it is what people usually test.
  pairs.sort((a, b) => a[0].version - b[0].version);
  const direct = (source: Endpoint, destination: Endpoint, hops: Hop[]): PathPlan => ({
    hops,
    source,
    destination,
    peerAtDestination: { kind: 'address', address: source.fixedIp.ipAddress },
    peerGroupsAtDestination: groupsOfPort(source),
    peerAtSource: { kind: 'address', address: destination.fixedIp.ipAddress },
    peerGroupsAtSource: groupsOfPort(destination),
  });

  const same = pairs.find(([s, d]) => s.port.networkId === d.port.networkId);
  if (same) {
    return direct(same[0], same[1], [{ kind: 'router', status: 'skip', reasons: [{ code: 'router.sameNetwork', params: { network: lookup.networkName(same[1].port.networkId) } }] }]);
  }
  for (const [s, d] of pairs) {
    const router = lookup.routersOnSubnet(d.fixedIp.subnetId).find((r) => r.interfaces.some((i) => i.subnetId === s.fixedIp.subnetId));
    if (router) return direct(s, d, [eastWestHop(lookup, router, s.fixedIp.subnetId, d.fixedIp.subnetId)]);
  }
  const hairpin = floatingIpPath(lookup, sources, destinations);
  if (hairpin) return hairpin;
  const fallback = pairs[0];
  if (!fallback) {
    const source = sources[0] ?? null;
    return {
      hops: [{ kind: 'router', status: 'fail', reasons: [{ code: source ? 'router.noCommonFamily' : 'port.sourceNoAddress' }] }],
      source,
      destination: destinations[0] ?? null,
      peerAtDestination: { kind: 'address', address: source?.fixedIp.ipAddress ?? '' },
      peerGroupsAtDestination: source ? groupsOfPort(source) : NONE,
      peerAtSource: null,
      peerGroupsAtSource: NONE,
    };
  }
  const [s, d] = fallback;
  return direct(s, d, [{ kind: 'router', status: 'fail', reasons: [{ code: 'router.noPath', params: { from: lookup.subnetName(s.fixedIp.subnetId), to: lookup.subnetName(d.fixedIp.subnetId) } }] }]);
}

/** Source leaves through its router (its own floating IP, else the router's SNAT address) and comes back through the destination's floating IP. */
function floatingIpPath(lookup: Lookup, sources: Endpoint[], destinations: Endpoint[]): PathPlan | null {
  for (const d of destinations.filter((e) => e.version === 4)) {
    const fip = lookup.floatingIpOf(d);
    if (!fip) continue;
    for (const s of sources.filter((e) => e.version === 4)) {
      const out = lookup.routersOnSubnet(s.fixedIp.subnetId).find((r) => r.externalGateway?.networkId === fip.floatingNetworkId);
      if (!out) continue;
      const ownFip = lookup.floatingIpOf(s);
      const snat = out.externalGateway?.enableSnat ? out.externalGateway.externalFixedIps.find((ip) => parseIp(ip.ipAddress)?.version === 4)?.ipAddress : undefined;
      const seenAs = ownFip?.floatingIpAddress ?? snat;
      const outHop: Hop = seenAs
        ? { kind: 'router', status: 'pass', reasons: [{ code: ownFip ? 'router.outViaFip' : 'router.snat', params: { router: routerName(out), address: seenAs } }] }
        : { kind: 'router', status: 'fail', reasons: [{ code: 'router.noSnat', params: { router: routerName(out) } }] };
      const fipHop: Hop = { kind: 'floatingIp', status: 'pass', reasons: [{ code: 'fip.mapped', params: { floatingIp: fip.floatingIpAddress, address: d.fixedIp.ipAddress } }] };
      return {
        hops: [outHop, fipHop, inboundRouterHop(lookup, d, fip.floatingNetworkId, 'floatingIp', fip.routerId)],
        source: s,
        destination: d,
        peerAtDestination: { kind: 'address', address: seenAs ?? s.fixedIp.ipAddress },
        // Translated addresses belong to no port: remote-group rules cannot match them.
        peerGroupsAtDestination: NONE,
        peerAtSource: { kind: 'address', address: fip.floatingIpAddress },
        peerGroupsAtSource: NONE,
      };
    }
  }
  return null;
}

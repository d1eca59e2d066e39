import { z } from 'zod';

import { type Cidr, cidrProblem, cidrRange, contains, normaliseIp, overlaps, parseCidr, parseIp } from '@/lib/network/cidr';
import type { AllocationPool, HostRoute } from '@/lib/openstack/neutron/types';

/**
 * The subnet forms and /api/subnets share these. Pools, DNS servers and host routes are written one per line
 * as an operator would type them ("10.0.0.10,10.0.0.99"; "8.8.8.8"; "192.168.0.0/24,10.0.0.1").
 * Messages are i18n keys under "networks.errors".
 */
const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Two addresses or an address and a prefix, apart by a comma, spaces or a dash; anything else is ['', '']. */
const pair = (line: string): [string, string] => {
  const parts = line.split(/[\s,-]+/).filter(Boolean);
  return parts.length === 2 ? [parts[0]!, parts[1]!] : ['', ''];
};

const poolsText = z
  .string()
  .max(8_192, 'too_long')
  .default('')
  .transform((text, ctx): AllocationPool[] => {
    const pools = lines(text).map(pair).map(([start, end]) => ({ start, end }));
    if (pools.some((p) => !parseIp(p.start) || !parseIp(p.end))) {
      ctx.addIssue({ code: 'custom', message: 'pool_format' });
      return z.NEVER;
    }
    return pools.map((p) => ({ start: normaliseIp(p.start)!, end: normaliseIp(p.end)! }));
  });

const dnsText = z
  .string()
  .max(4_096, 'too_long')
  .default('')
  .transform((text, ctx): string[] => {
    const servers = lines(text).flatMap((line) => line.split(/[\s,]+/).filter(Boolean));
    if (servers.some((s) => !parseIp(s))) {
      ctx.addIssue({ code: 'custom', message: 'dns_format' });
      return z.NEVER;
    }
    if (servers.length > 5) {
      ctx.addIssue({ code: 'custom', message: 'dns_too_many' });
      return z.NEVER;
    }
    return servers.map((s) => normaliseIp(s)!);
  });

/** "destination-cidr,nexthop" per line; shared with the router's static routes. */
export const routesText = z
  .string()
  .max(16_384, 'too_long')
  .default('')
  .transform((text, ctx): HostRoute[] => {
    const routes = lines(text).map(pair).map(([destination, nexthop]) => ({ destination, nexthop }));
    if (routes.some((r) => cidrProblem(r.destination) !== null || !parseIp(r.nexthop))) {
      ctx.addIssue({ code: 'custom', message: 'route_format' });
      return z.NEVER;
    }
    return routes.map((r) => ({ destination: r.destination, nexthop: normaliseIp(r.nexthop)! }));
  });

export const GATEWAY_MODES = ['auto', 'custom', 'none'] as const;

const subnetFields = {
  name: z.string().trim().max(255, 'too_long').default(''),
  gatewayMode: z.enum(GATEWAY_MODES).default('auto'),
  gatewayIp: z.string().trim().max(64, 'too_long').default(''),
  enableDhcp: z.boolean().default(true),
  allocationPools: poolsText,
  dnsNameservers: dnsText,
  hostRoutes: routesText,
};

type Fields = {
  cidr: string;
  gatewayMode: (typeof GATEWAY_MODES)[number];
  gatewayIp: string;
  allocationPools: AllocationPool[];
  dnsNameservers: string[];
  hostRoutes: HostRoute[];
};

const value = (text: string): bigint => parseIp(text)!.value;

/**
 * What Neutron checks before it writes a subnet, so the form can say it at the field: a gateway that is not the
 * network or broadcast address, pools inside the CIDR (pools off the network and broadcast addresses), pools in order and apart, the gateway
 * outside every pool, DNS servers and next hops of the subnet's family.
 */
export function subnetFieldProblems(fields: Fields): Record<string, string> {
  const problems: Record<string, string> = {};
  const cidr = parseCidr(fields.cidr);
  if (!cidr) return problems;
  const { first, last } = cidrRange(cidr);
  const usable = (ip: bigint): boolean => (cidr.version === 6 || cidr.prefixLength >= 31 ? true : ip !== first && ip !== last);
  const inside = (text: string): boolean => contains(cidr, text) && usable(value(text));

  if (fields.gatewayMode === 'custom') {
    const gateway = parseIp(fields.gatewayIp);
    if (!gateway) problems.gatewayIp = fields.gatewayIp ? 'not_an_ip' : 'gateway_required';
    // Neutron takes a gateway off the subnet (provider networks have them) but not the network or
    // broadcast address of an IPv4 subnet, nor one of the other family.
    else if (gateway.version !== cidr.version) problems.gatewayIp = 'gateway_family';
    else if (contains(cidr, fields.gatewayIp) && !usable(gateway.value)) problems.gatewayIp = 'gateway_not_usable';
  }
  const pools = fields.allocationPools;
  if (pools.some((p) => !inside(p.start) || !inside(p.end))) problems.allocationPools = 'pool_outside_cidr';
  else if (pools.some((p) => value(p.start) > value(p.end))) problems.allocationPools = 'pool_reversed';
  else if (pools.some((p, i) => pools.some((q, j) => j > i && value(p.start) <= value(q.end) && value(q.start) <= value(p.end)))) {
    problems.allocationPools = 'pool_overlap';
  } else if (fields.gatewayMode === 'custom' && !problems.gatewayIp) {
    const gateway = value(fields.gatewayIp);
    if (pools.some((p) => value(p.start) <= gateway && gateway <= value(p.end))) problems.allocationPools = 'pool_has_gateway';
  }
  if (fields.hostRoutes.some((r) => parseIp(r.nexthop)?.version !== cidr.version || parseCidr(r.destination)?.version !== cidr.version)) {
    problems.hostRoutes = 'route_family';
  }
  return problems;
}

/** A CIDR that shares addresses with another subnet of the same network (Neutron refuses it unless overlapping IPs are off). */
export function overlappingSubnet<S extends { cidr: string; name: string; id: string }>(cidr: string, others: S[]): S | null {
  const parsed: Cidr | null = parseCidr(cidr);
  if (!parsed) return null;
  return others.find((s) => overlaps(parsed, s.cidr)) ?? null;
}

function addProblems(ctx: z.RefinementCtx, problems: Record<string, string>): void {
  for (const [path, message] of Object.entries(problems)) ctx.addIssue({ code: 'custom', path: [path], message });
}

const cidrField = z
  .string()
  .trim()
  .min(1, 'cidr_required')
  .max(64, 'too_long')
  .superRefine((text, ctx) => {
    const problem = cidrProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A new subnet (also the optional first subnet of a new network). */
export const subnetInput = z
  .object({ ...subnetFields, cidr: cidrField, ipVersion: z.coerce.number().pipe(z.union([z.literal(4), z.literal(6)])).default(4) })
  .superRefine((input, ctx) => {
    const cidr = parseCidr(input.cidr);
    if (cidr && cidr.version !== input.ipVersion) ctx.addIssue({ code: 'custom', path: ['cidr'], message: 'cidr_family' });
    else addProblems(ctx, subnetFieldProblems(input));
  });

export const createSubnetInput = subnetInput.and(z.object({ networkId: z.string().trim().min(1, 'network_required').max(64, 'too_long') }));

/** An edit: Neutron cannot change a subnet's CIDR or family; the CIDR comes along to check the rest against. */
export const updateSubnetInput = z
  .object({ ...subnetFields, cidr: cidrField })
  .superRefine((input, ctx) => addProblems(ctx, subnetFieldProblems(input)));

export type SubnetInput = z.output<typeof subnetInput>;
export type SubnetRequest = z.input<typeof subnetInput>;
export type UpdateSubnetInput = z.output<typeof updateSubnetInput>;

/** The gateway as Neutron's wire wants it: undefined lets Neutron pick, null means none. */
export function gatewayOf(input: { gatewayMode: (typeof GATEWAY_MODES)[number]; gatewayIp: string }): string | null | undefined {
  if (input.gatewayMode === 'none') return null;
  if (input.gatewayMode === 'custom') return normaliseIp(input.gatewayIp) ?? input.gatewayIp;
  return undefined;
}

/** Pools, DNS servers and routes back to the text the form edits. */
export const poolsToText = (pools: AllocationPool[]): string => pools.map((p) => `${p.start},${p.end}`).join('\n');
export const routesToText = (routes: HostRoute[]): string => routes.map((r) => `${r.destination},${r.nexthop}`).join('\n');

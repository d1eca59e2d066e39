import 'server-only';

import type { ServiceClient } from '../service-client';

/** Nova flavors at 2.79: extra specs come with each flavor (2.61) and a description (2.55). */
export interface Flavor {
  id: string;
  name: string;
  vcpus: number;
  ramMb: number;
  diskGb: number;
  ephemeralGb: number;
  swapMb: number;
  rxtxFactor: number;
  isPublic: boolean;
  disabled: boolean;
  description: string;
  extraSpecs: Record<string, string>;
}

type Wire = Record<string, unknown>;

const int = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

export function parseFlavor(wire: unknown): Flavor {
  const w = (wire ?? {}) as Wire;
  const specs = (w.extra_specs && typeof w.extra_specs === 'object' ? w.extra_specs : {}) as Wire;
  return {
    id: String(w.id ?? ''),
    name: typeof w.name === 'string' ? w.name : '',
    vcpus: int(w.vcpus),
    ramMb: int(w.ram),
    diskGb: int(w.disk),
    ephemeralGb: int(w['OS-FLV-EXT-DATA:ephemeral']),
    // Before 2.75 Nova sent "" for no swap.
    swapMb: int(w.swap),
    rxtxFactor: typeof w.rxtx_factor === 'number' ? w.rxtx_factor : 1,
    isPublic: w['os-flavor-access:is_public'] !== false,
    disabled: w['OS-FLV-DISABLED:disabled'] === true,
    description: typeof w.description === 'string' ? w.description : '',
    extraSpecs: Object.fromEntries(Object.entries(specs).map(([k, v]) => [k, String(v)])),
  };
}

/** Admins pass is_public=None to see private flavors too; members see public ones and those shared with them. */
export async function listFlavors(client: ServiceClient, options: { includePrivate?: boolean } = {}): Promise<Flavor[]> {
  const suffix = options.includePrivate ? '?is_public=None' : '';
  const { body } = await client.call<{ flavors?: unknown[] }>(`/flavors/detail${suffix}`);
  return (body?.flavors ?? []).map(parseFlavor).sort((a, b) => a.vcpus - b.vcpus || a.ramMb - b.ramMb || a.name.localeCompare(b.name));
}

export async function getFlavor(client: ServiceClient, id: string): Promise<Flavor> {
  const { body } = await client.call<{ flavor?: unknown }>(`/flavors/${encodeURIComponent(id)}`);
  return parseFlavor(body?.flavor);
}

export interface FlavorInput {
  /** Omitted: Nova generates a UUID. */
  id?: string;
  name: string;
  vcpus: number;
  ramMb: number;
  diskGb: number;
  ephemeralGb: number;
  swapMb: number;
  isPublic: boolean;
  description?: string;
  extraSpecs: Record<string, string>;
}

export function flavorBody(input: FlavorInput): { flavor: Wire } {
  return {
    flavor: {
      name: input.name,
      vcpus: input.vcpus,
      ram: input.ramMb,
      disk: input.diskGb,
      'OS-FLV-EXT-DATA:ephemeral': input.ephemeralGb,
      swap: input.swapMb,
      'os-flavor-access:is_public': input.isPublic,
      ...(input.id ? { id: input.id } : {}),
      ...(input.description ? { description: input.description } : {}),
    },
  };
}

/** Creates the flavor, then its extra specs (Nova takes them in a second call). */
export async function createFlavor(client: ServiceClient, input: FlavorInput): Promise<Flavor> {
  const { body } = await client.call<{ flavor?: unknown }>('/flavors', { method: 'POST', body: flavorBody(input) });
  const flavor = parseFlavor(body?.flavor);
  if (Object.keys(input.extraSpecs).length === 0) return flavor;
  try {
    const specs = await client.call<{ extra_specs?: Record<string, unknown> }>(`/flavors/${encodeURIComponent(flavor.id)}/os-extra_specs`, {
      method: 'POST',
      body: { extra_specs: input.extraSpecs },
    });
    return { ...flavor, extraSpecs: Object.fromEntries(Object.entries(specs.body?.extra_specs ?? {}).map(([k, v]) => [k, String(v)])) };
  } catch (error) {
    // A flavor without the specs asked for would be placed differently: take it away again.
    await deleteFlavor(client, flavor.id).catch(() => undefined);
    throw error;
  }
}

/** The projects a private flavor is shared with (os-flavor-access). */
export async function listFlavorAccess(client: ServiceClient, id: string): Promise<string[]> {
  const { body } = await client.call<{ flavor_access?: { tenant_id?: string }[] }>(`/flavors/${encodeURIComponent(id)}/os-flavor-access`);
  return (body?.flavor_access ?? []).map((a) => String(a.tenant_id ?? '')).filter(Boolean);
}

export async function addFlavorAccess(client: ServiceClient, id: string, projectId: string): Promise<void> {
  await client.call(`/flavors/${encodeURIComponent(id)}/action`, { method: 'POST', body: { addTenantAccess: { tenant: projectId } } });
}

export async function deleteFlavor(client: ServiceClient, id: string): Promise<void> {
  await client.call(`/flavors/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The service catalog of a scoped token, with wire names turned into clean ones. */
export type Interface = 'public' | 'internal' | 'admin';

export interface Endpoint {
  id: string;
  interface: Interface;
  region: string;
  url: string;
}

export interface CatalogService {
  id: string;
  type: string;
  name: string;
  endpoints: Endpoint[];
}

interface WireEndpoint {
  id?: string;
  interface?: string;
  region?: string | null;
  region_id?: string | null;
  url?: string;
}

interface WireService {
  id?: string;
  type?: string;
  name?: string;
  endpoints?: WireEndpoint[];
}

export function parseCatalog(wire: unknown): CatalogService[] {
  if (!Array.isArray(wire)) return [];
  return (wire as WireService[])
    .filter((s) => typeof s?.type === 'string')
    .map((s) => ({
      id: s.id ?? s.type!,
      type: s.type!,
      name: s.name ?? s.type!,
      endpoints: (s.endpoints ?? [])
        .filter((e) => typeof e?.url === 'string' && isInterface(e.interface))
        .map((e) => ({
          id: e.id ?? '',
          interface: e.interface as Interface,
          region: e.region_id ?? e.region ?? '',
          url: e.url!,
        })),
    }));
}

function isInterface(value: unknown): value is Interface {
  return value === 'public' || value === 'internal' || value === 'admin';
}

/** Service types that name the same service (from the OpenStack service-types authority). */
const ALIASES: Record<string, string[]> = {
  'block-storage': ['block-storage', 'volumev3', 'volume'],
  identity: ['identity'],
  compute: ['compute'],
  network: ['network'],
  image: ['image'],
  orchestration: ['orchestration'],
  cloudformation: ['cloudformation'],
  alarming: ['alarming'],
  metric: ['metric'],
};

export interface EndpointQuery {
  interface?: Interface;
  region?: string | null;
}

export function findEndpoint(catalog: CatalogService[], type: string, query: EndpointQuery = {}): Endpoint | null {
  const iface = query.interface ?? 'public';
  for (const candidate of ALIASES[type] ?? [type]) {
    const service = catalog.find((s) => s.type === candidate);
    const match = service?.endpoints.find(
      (e) => e.interface === iface && (!query.region || e.region === query.region),
    );
    if (match) return match;
  }
  return null;
}

export function regionsOf(catalog: CatalogService[]): string[] {
  const regions = new Set<string>();
  for (const service of catalog) for (const e of service.endpoints) if (e.region) regions.add(e.region);
  return [...regions].sort();
}

/** The embedded cloud announces its control API in the catalog; a real cloud never does. */
export function isEmbeddedCloud(catalog: CatalogService[]): boolean {
  return catalog.some((s) => s.type === 'zenith-emulator');
}

import 'server-only';

import { type ServiceClient, query, serviceClient } from '../service-client';

/**
 * Neutron v2.0. The catalog names the unversioned root (devstack: /networking, others :9696); every call
 * lives under /v2.0, as gophercloud and openstacksdk build it.
 */
export function neutronClient(baseUrl: string, token: string): ServiceClient {
  return serviceClient({ service: 'network', baseUrl: `${baseUrl.replace(/\/+$/, '').replace(/\/v2\.0$/, '')}/v2.0`, token });
}

export type NeutronFilters = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

export interface NeutronPage<T> {
  items: T[];
  /** The marker for the next page; null on the last one. */
  nextMarker: string | null;
}

interface PagedBody {
  [collection: string]: unknown;
}

/**
 * One page of a collection (`limit`/`marker`, Neutron's `<collection>_links` telling whether more follow).
 * Neutron's default has no page limit, so a call without `limit` returns everything.
 */
export async function listPage<Wire, T>(
  neutron: ServiceClient,
  collection: string,
  convert: (wire: Wire) => T,
  filters: NeutronFilters = {},
): Promise<NeutronPage<T>> {
  const { body } = await neutron.call<PagedBody>(`/${collection.replaceAll('_', '-')}${query(filters)}`);
  const wires = (body[collection] as Wire[] | undefined) ?? [];
  const links = (body[`${collection}_links`] as { rel: string; href: string }[] | undefined) ?? [];
  const next = links.find((link) => link.rel === 'next');
  const nextMarker = next ? new URL(next.href).searchParams.get('marker') : null;
  return { items: wires.map(convert), nextMarker };
}

/** A whole collection under the filters (one call: Neutron's default page size is unlimited). */
export async function listAll<Wire, T>(
  neutron: ServiceClient,
  collection: string,
  convert: (wire: Wire) => T,
  filters: NeutronFilters = {},
): Promise<T[]> {
  return (await listPage(neutron, collection, convert, filters)).items;
}

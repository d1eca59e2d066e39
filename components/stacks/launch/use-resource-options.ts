'use client';

import { useQuery } from '@tanstack/react-query';

import type { ResourceConstraint } from '@/lib/orchestration/parameter-form';
import { networksQuery } from '@/lib/query/network-queries';
import type { Scope } from '@/lib/query/queries';
import { flavorsQuery, imagesQuery, keyPairsQuery } from '@/lib/query/resource-queries';

/**
 * Names for a parameter with a custom constraint, from the BFF routes the other pages use (same cache).
 * Heat takes a name or an id; the templates of the guides use names, so names are offered.
 */
export function useResourceOptions(scope: Scope, constraint: ResourceConstraint | null) {
  const flavors = useQuery({ ...flavorsQuery(scope), enabled: constraint === 'nova.flavor' });
  const images = useQuery({ ...imagesQuery(scope, 'all'), enabled: constraint === 'glance.image' });
  const keyPairs = useQuery({ ...keyPairsQuery(scope), enabled: constraint === 'nova.keypair' });
  const networks = useQuery({ ...networksQuery(scope, false), enabled: constraint === 'neutron.network' });
  const pick = {
    'nova.flavor': { query: flavors, names: () => flavors.data?.flavors.map((f) => f.name) },
    'glance.image': { query: images, names: () => images.data?.images.map((i) => i.name || i.id) },
    'nova.keypair': { query: keyPairs, names: () => keyPairs.data?.keyPairs.map((k) => k.name) },
    'neutron.network': { query: networks, names: () => networks.data?.networks.map((n) => n.name || n.id) },
  } as const;
  if (!constraint) return { names: null, failed: false, loading: false };
  const chosen = pick[constraint];
  const names = chosen.names();
  return { names: names ? [...new Set(names)].sort((a, b) => a.localeCompare(b)) : null, failed: chosen.query.isError, loading: chosen.query.isPending };
}

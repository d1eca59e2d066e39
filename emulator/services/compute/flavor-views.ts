// Nova's JSON for flavors, by microversion: `description` from 2.55, `extra_specs` in the
// flavor itself from 2.61, and `swap` as 0 instead of "" from 2.75.

import type { FastifyRequest } from 'fastify';
import type { Cloud } from '../../cloud';
import type { Flavor } from '../../store/schema';
import { atLeast } from './microversion';

export function flavorLinks(cloud: Cloud, id: string) {
  return [
    { rel: 'self', href: cloud.url(`/compute/v2.1/flavors/${id}`) },
    { rel: 'bookmark', href: cloud.url(`/compute/flavors/${id}`) },
  ];
}

export function flavorSummary(cloud: Cloud, request: FastifyRequest, flavor: Flavor) {
  return {
    id: flavor.id,
    name: flavor.name,
    ...(atLeast(request, '2.55') ? { description: flavor.description } : {}),
    links: flavorLinks(cloud, flavor.id),
  };
}

export function flavorDetail(cloud: Cloud, request: FastifyRequest, flavor: Flavor) {
  return {
    id: flavor.id,
    name: flavor.name,
    ram: flavor.ram,
    disk: flavor.disk,
    vcpus: flavor.vcpus,
    swap: flavor.swap === 0 && !atLeast(request, '2.75') ? '' : flavor.swap,
    'OS-FLV-EXT-DATA:ephemeral': flavor.ephemeral,
    'OS-FLV-DISABLED:disabled': flavor.disabled,
    'os-flavor-access:is_public': flavor.isPublic,
    rxtx_factor: flavor.rxtxFactor,
    ...(atLeast(request, '2.55') ? { description: flavor.description } : {}),
    ...(atLeast(request, '2.61') ? { extra_specs: flavor.extraSpecs } : {}),
    links: flavorLinks(cloud, flavor.id),
  };
}

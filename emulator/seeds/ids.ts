// Fixed ids for seeded entities, so tests and docs can name them. They follow Keystone's
// form (32 hex digits, a uuid4 without dashes); the first digit tells the kind apart:
// a = project, b = user, c = role, d = service, e = endpoint.

export function seedId(kind: string, n: number): string {
  return kind + n.toString(16).padStart(32 - kind.length, '0');
}

export const DEFAULT_DOMAIN_ID = 'default';

export const PROJECT_IDS = {
  admin: seedId('a', 1),
  demo: seedId('a', 2),
  service: seedId('a', 3),
} as const;

export const USER_IDS = {
  admin: seedId('b', 1),
  demo: seedId('b', 2),
} as const;

export const ROLE_IDS = {
  admin: seedId('c', 1),
  member: seedId('c', 2),
  reader: seedId('c', 3),
} as const;

/** Endpoint ids encode region, service and interface: e<region:3><service:2><interface:1>. */
export function endpointSeedId(regionIndex: number, serviceIndex: number, interfaceIndex: number): string {
  return seedId('e', (regionIndex << 12) | (serviceIndex << 4) | interfaceIndex);
}

// The resource types this Gnocchi knows: generic and Ceilometer's instance types.

type Attribute = { type: string; required: boolean; max_length?: number; min_length?: number };

const str = (required: boolean): Attribute => ({ type: 'string', required, min_length: 0, max_length: 255 });

export const RESOURCE_TYPES = [
  { name: 'generic', state: 'active', attributes: {} as Record<string, Attribute> },
  {
    name: 'instance',
    state: 'active',
    attributes: {
      display_name: str(true),
      flavor_id: str(true),
      flavor_name: str(false),
      host: str(true),
      image_ref: str(false),
      server_group: str(false),
    } as Record<string, Attribute>,
  },
  { name: 'instance_disk', state: 'active', attributes: { name: str(true), instance_id: { type: 'uuid', required: true } } as Record<string, Attribute> },
  {
    name: 'instance_network_interface',
    state: 'active',
    attributes: { name: str(true), instance_id: { type: 'uuid', required: true } } as Record<string, Attribute>,
  },
];

export function findResourceType(name: string) {
  return RESOURCE_TYPES.find((t) => t.name === name);
}

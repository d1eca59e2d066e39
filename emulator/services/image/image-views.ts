// Glance v2's JSON for an image: core attributes always present (null when unset), extra
// properties flattened beside them, links as relative paths, timestamps in whole seconds.

import type { Image } from '../../store/schema';

export type ImageWire = Record<string, unknown>;

/** Glance's timestamp form: 2014-11-07T17:07:06Z. */
export function glanceTime(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

export function imageView(image: Image): ImageWire {
  return {
    // Extra properties first, so a core attribute can never be shadowed by one.
    ...image.properties,
    id: image.id,
    name: image.name,
    status: image.status,
    visibility: image.visibility,
    protected: image.protected,
    os_hidden: image.osHidden,
    owner: image.owner,
    disk_format: image.diskFormat,
    container_format: image.containerFormat,
    size: image.size,
    virtual_size: image.virtualSize,
    checksum: image.checksum,
    os_hash_algo: image.osHashAlgo,
    os_hash_value: image.osHashValue,
    min_disk: image.minDisk,
    min_ram: image.minRam,
    tags: image.tags,
    created_at: glanceTime(image.createdAt),
    updated_at: glanceTime(image.updatedAt),
    self: `/v2/images/${image.id}`,
    file: `/v2/images/${image.id}/file`,
    schema: '/v2/schemas/image',
  };
}

// The JSON Schema documents Glance serves at /v2/schemas/image(s). python-glanceclient
// builds its image model from them and validates every image it receives against them, so
// each attribute the views emit must be allowed here, with null where the view sends null.

export const DISK_FORMATS = ['ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'] as const;
export const CONTAINER_FORMATS = ['ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'] as const;
export const VISIBILITIES = ['public', 'private', 'shared', 'community'] as const;
export const STATUSES = [
  'queued',
  'saving',
  'active',
  'killed',
  'deleted',
  'uploading',
  'importing',
  'pending_delete',
  'deactivated',
] as const;

const nullableString = (description: string, maxLength?: number) => ({
  type: ['null', 'string'],
  description,
  ...(maxLength === undefined ? {} : { maxLength }),
});

const readOnlyString = (description: string) => ({
  type: ['null', 'string'],
  readOnly: true,
  description,
});

export const IMAGE_SCHEMA = {
  name: 'image',
  additionalProperties: { type: 'string' },
  properties: {
    id: {
      type: 'string',
      pattern: '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$',
      description: 'An identifier for the image',
    },
    name: nullableString('Descriptive name for the image', 255),
    status: { type: 'string', readOnly: true, enum: [...STATUSES], description: 'Status of the image' },
    visibility: { type: 'string', enum: [...VISIBILITIES], description: 'Scope of image accessibility' },
    protected: { type: 'boolean', description: 'If true, image will not be deletable.' },
    os_hidden: { type: 'boolean', description: 'If true, image will not appear in default image list response.' },
    owner: nullableString('Owner of the image', 255),
    checksum: { ...readOnlyString('md5 hash of image contents.'), maxLength: 32 },
    os_hash_algo: { ...readOnlyString('Algorithm to calculate the os_hash_value'), maxLength: 64 },
    os_hash_value: { ...readOnlyString('Hexdigest of the image contents using the algorithm specified by the os_hash_algo'), maxLength: 128 },
    size: { type: ['null', 'integer'], readOnly: true, description: 'Size of image file in bytes' },
    virtual_size: { type: ['null', 'integer'], readOnly: true, description: 'Virtual size of image in bytes' },
    container_format: {
      type: ['null', 'string'],
      enum: [null, ...CONTAINER_FORMATS],
      description: 'Format of the container',
    },
    disk_format: {
      type: ['null', 'string'],
      enum: [null, ...DISK_FORMATS],
      description: 'Format of the disk',
    },
    created_at: { type: 'string', readOnly: true, description: 'Date and time of image registration' },
    updated_at: { type: 'string', readOnly: true, description: 'Date and time of the last image modification' },
    tags: {
      type: 'array',
      items: { type: 'string', maxLength: 255 },
      description: 'List of strings related to the image',
    },
    direct_url: { type: 'string', readOnly: true, description: 'URL to access the image file kept in external store' },
    min_ram: { type: 'integer', description: 'Amount of ram (in MB) required to boot image.' },
    min_disk: { type: 'integer', description: 'Amount of disk space (in GB) required to boot image.' },
    self: { type: 'string', readOnly: true, description: 'An image self url' },
    file: { type: 'string', readOnly: true, description: 'An image file url' },
    stores: { type: 'string', readOnly: true, description: 'Store in which image data resides.' },
    schema: { type: 'string', readOnly: true, description: 'An image schema url' },
    locations: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          url: { type: 'string', maxLength: 255 },
          metadata: { type: 'object' },
          validation_data: { type: 'object' },
        },
        required: ['url', 'metadata'],
      },
      description: 'A set of URLs to access the image file kept in external store',
    },
  },
  links: [
    { rel: 'self', href: '{self}' },
    { rel: 'enclosure', href: '{file}' },
    { rel: 'describedby', href: '{schema}' },
  ],
} as const;

export const IMAGES_SCHEMA = {
  name: 'images',
  properties: {
    images: { type: 'array', items: IMAGE_SCHEMA },
    schema: { type: 'string' },
    first: { type: 'string' },
    next: { type: 'string' },
  },
  links: [
    { rel: 'first', href: '{first}' },
    { rel: 'next', href: '{next}' },
    { rel: 'describedby', href: '{schema}' },
  ],
} as const;

/** Attributes a client may never set; Glance answers 403 "Attribute 'x' is read-only.". */
export const READ_ONLY_ATTRIBUTES = new Set(
  Object.entries(IMAGE_SCHEMA.properties)
    .filter(([, spec]) => 'readOnly' in spec && spec.readOnly)
    .map(([key]) => key),
);

/** Attributes Glance reserves; setting one is refused with 403 "Attribute 'x' is reserved.". */
export const RESERVED_ATTRIBUTES = new Set(['location', 'deleted', 'deleted_at']);

export const CORE_ATTRIBUTES = new Set(Object.keys(IMAGE_SCHEMA.properties));

/** Property and attribute schemas of the resource types the engine knows (schemas only, no behaviour). */
export type PropertyType = 'string' | 'integer' | 'number' | 'boolean' | 'list' | 'map' | 'any';

export interface PropertySchema {
  type: PropertyType;
  required?: boolean;
  default?: unknown;
  allowedValues?: readonly unknown[];
}

export interface ResourceTypeSchema {
  type: string;
  properties: Record<string, PropertySchema>;
  /** Attribute names get_attr may use (`show` is always available). */
  attributes: readonly string[];
  /** For a template-backed (nested stack) type: the file reference it came from. */
  templateRef?: string;
}

export interface ResourceTypeRegistry {
  get(type: string): ResourceTypeSchema | undefined;
}

/** Compact notation: "name" optional string, "name!" required; type after a colon: "size:integer!". */
function props(spec: string, extra: Record<string, PropertySchema> = {}): Record<string, PropertySchema> {
  const out: Record<string, PropertySchema> = {};
  for (const item of spec.split(/\s+/).filter(Boolean)) {
    const required = item.endsWith('!');
    const [name, type] = (required ? item.slice(0, -1) : item).split(':') as [string, PropertyType | undefined];
    out[name] = { type: type ?? 'string', ...(required ? { required } : {}) };
  }
  return { ...out, ...extra };
}

const ALARM_COMMON =
  'description enabled:boolean alarm_actions:list ok_actions:list insufficient_data_actions:list ' +
  'severity time_constraints:list evaluation_periods:integer comparison_operator threshold:number!';
const ALARM_ATTRS = ['show'];

const TYPES: ResourceTypeSchema[] = [
  {
    type: 'OS::Nova::Server',
    properties: props(
      'name image flavor! key_name networks:list block_device_mapping:list block_device_mapping_v2:list ' +
        'metadata:map user_data user_data_format security_groups:list availability_zone config_drive:boolean ' +
        'admin_pass scheduler_hints:map personality:map software_config_transport tags:list ' +
        'flavor_update_policy image_update_policy reservation_id diskConfig deployment_swift_data:map',
    ),
    attributes: ['first_address', 'networks', 'addresses', 'name', 'accessIPv4', 'accessIPv6', 'console_urls',
      'instance_name', 'tags', 'os_collect_config'],
  },
  {
    type: 'OS::Neutron::Port',
    properties: props(
      'network network_id name fixed_ips:list security_groups:list mac_address admin_state_up:boolean ' +
        'device_id device_owner allowed_address_pairs:list binding:vnic_type port_security_enabled:boolean ' +
        'qos_policy value_specs:map replacement_policy tags:list dns_name',
    ),
    attributes: ['fixed_ips', 'mac_address', 'network_id', 'device_id', 'device_owner', 'name', 'status',
      'tenant_id', 'security_groups', 'subnets', 'allowed_address_pairs', 'admin_state_up', 'dns_assignment'],
  },
  {
    type: 'OS::Neutron::FloatingIP',
    properties: props(
      'floating_network floating_network_id floating_subnet port_id fixed_ip_address floating_ip_address ' +
        'value_specs:map dns_name dns_domain',
    ),
    attributes: ['floating_ip_address', 'floating_network_id', 'fixed_ip_address', 'port_id', 'router_id',
      'tenant_id'],
  },
  {
    type: 'OS::Neutron::FloatingIPAssociation',
    properties: props('floatingip_id! port_id! fixed_ip_address'),
    attributes: [],
  },
  {
    type: 'OS::Cinder::Volume',
    properties: props(
      'size:integer image imageRef name description volume_type availability_zone snapshot_id backup_id ' +
        'source_volid metadata:map multiattach:boolean read_only:boolean scheduler_hints:map',
    ),
    attributes: ['size', 'status', 'display_name', 'display_description', 'volume_type', 'metadata',
      'metadata_values', 'source_volid', 'snapshot_id', 'created_at', 'bootable', 'encrypted', 'attachments',
      'attachments_list', 'multiattach'],
  },
  {
    type: 'OS::Heat::AutoScalingGroup',
    properties: props('min_size:integer! max_size:integer! desired_capacity:integer cooldown:integer ' +
      'resource:map! rolling_updates:map'),
    attributes: ['outputs', 'outputs_list', 'current_size', 'refs', 'refs_map'],
  },
  {
    type: 'OS::Heat::ScalingPolicy',
    properties: props('auto_scaling_group_id! scaling_adjustment:number! cooldown:number min_adjustment_step:integer', {
      adjustment_type: {
        type: 'string',
        required: true,
        allowedValues: ['change_in_capacity', 'exact_capacity', 'percent_change_in_capacity'],
      },
    }),
    attributes: ['alarm_url', 'signal_url'],
  },
  {
    type: 'OS::Ceilometer::Alarm',
    properties: props(`${ALARM_COMMON} meter_name! statistic period:integer matching_metadata:map query:list repeat_actions:boolean`),
    attributes: ALARM_ATTRS,
  },
  {
    type: 'OS::Aodh::Alarm',
    properties: props(`${ALARM_COMMON} meter_name! statistic period:integer matching_metadata:map query:list repeat_actions:boolean`),
    attributes: ALARM_ATTRS,
  },
  {
    type: 'OS::Aodh::GnocchiAggregationByResourcesAlarm',
    properties: props(`${ALARM_COMMON} metric! aggregation_method! granularity:integer resource_type! query!`, {
      repeat_actions: { type: 'boolean', default: true },
    }),
    attributes: ALARM_ATTRS,
  },
  {
    type: 'OS::Neutron::HealthMonitor',
    properties: props('type! delay:integer! max_retries:integer! timeout:integer! http_method expected_codes ' +
      'url_path admin_state_up:boolean'),
    attributes: ['admin_state_up', 'delay', 'expected_codes', 'http_method', 'max_retries', 'timeout', 'type',
      'url_path', 'tenant_id'],
  },
  {
    type: 'OS::Neutron::Pool',
    properties: props('protocol! subnet_id subnet lb_method! name description admin_state_up:boolean ' +
      'monitors:list provider vip:map!'),
    attributes: ['admin_state_up', 'name', 'protocol', 'subnet_id', 'lb_method', 'description', 'tenant_id',
      'vip', 'provider'],
  },
  {
    type: 'OS::Neutron::PoolMember',
    properties: props('pool_id! address! protocol_port:integer! weight:integer admin_state_up:boolean'),
    attributes: ['admin_state_up', 'tenant_id', 'weight', 'address', 'pool_id', 'protocol_port'],
  },
  {
    type: 'OS::Neutron::LoadBalancer',
    properties: props('pool_id! protocol_port:integer! members:list'),
    attributes: [],
  },
];

const BUILT_IN = new Map(TYPES.map((t) => [t.type, t]));

/** The registry of plugin types (no environment, no templates). */
export const builtInResourceTypes: ResourceTypeRegistry = {
  get: (type) => BUILT_IN.get(type),
};

/** The names of the built-in types, in the order above (GET /resource_types). */
export const builtInTypeNames: readonly string[] = TYPES.map((t) => t.type);

/** How the topology draws each kind of resource: a colour and a one-glyph icon (decorative; the type is in the text). */
export interface TypeStyle {
  fill: string;
  stroke: string;
  icon: string;
}

const STYLES: [RegExp, TypeStyle][] = [
  [/^OS::Nova::Server$/, { fill: '#e0f2fe', stroke: '#0369a1', icon: '▣' }],
  [/^OS::Cinder::/, { fill: '#fef3c7', stroke: '#b45309', icon: '◫' }],
  [/^OS::Neutron::(Port|Net|Subnet|Router)/, { fill: '#dcfce7', stroke: '#15803d', icon: '⇄' }],
  [/^OS::Neutron::FloatingIP/, { fill: '#d1fae5', stroke: '#047857', icon: '◎' }],
  [/^OS::Neutron::(SecurityGroup|Pool|PoolMember|HealthMonitor|LoadBalancer)/, { fill: '#ecfccb', stroke: '#4d7c0f', icon: '⛨' }],
  [/^OS::Heat::(AutoScalingGroup|ResourceGroup|Stack)$/, { fill: '#ede9fe', stroke: '#6d28d9', icon: '⧉' }],
  [/^OS::Heat::ScalingPolicy$/, { fill: '#fae8ff', stroke: '#a21caf', icon: '±' }],
  [/^OS::(Aodh|Ceilometer)::/, { fill: '#fee2e2', stroke: '#b91c1c', icon: '⏰' }],
];

const OTHER: TypeStyle = { fill: '#f1f5f9', stroke: '#475569', icon: '◇' };

export function typeStyle(type: string): TypeStyle {
  return STYLES.find(([pattern]) => pattern.test(type))?.[1] ?? OTHER;
}

/** Status colours shared by the topology and the tables. */
export function statusTone(status: string): 'ok' | 'error' | 'info' | 'neutral' {
  if (status === 'COMPLETE') return 'ok';
  if (status === 'FAILED') return 'error';
  if (status === 'IN_PROGRESS') return 'info';
  return 'neutral';
}

import { ruleCliCommand } from '../rule-summary';
import { parseIp } from '../cidr';
import { endpointsOf } from './lookup';
import type { TraceInputs, TraceQuery, TraceResult } from './types';

/**
 * What an operator would type to check the same path by hand: the openstack CLI reads, and the
 * ovn-trace of the packet on the destination's logical switch (OVN names it neutron-<network id>).
 */
const arg = (value: string): string => (/^[A-Za-z0-9._:/@+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);

export function ovnTraceCommand(query: TraceQuery, inputs: TraceInputs, result: TraceResult): string | null {
  const destination = endpointsOf(inputs.destinationPorts).find((e) => e.fixedIp.ipAddress === result.destinationAddress);
  if (!destination || !result.sourceAddress) return null;
  const v6 = parseIp(destination.fixedIp.ipAddress)?.version === 6;
  const ip = v6 ? 'ip6' : 'ip4';
  const source = endpointsOf(inputs.sourcePorts).find((e) => e.fixedIp.ipAddress === result.sourceAddress && e.port.networkId === destination.port.networkId);
  // From another port on the switch the packet enters at that port; otherwise at the router's port.
  const inport = source ? source.port.id : (inputs.routers.flatMap((r) => r.interfaces).find((i) => i.subnetId === destination.fixedIp.subnetId)?.portId ?? '<router-port>');
  const sourceAddress = result.sourceAddress.includes('/') ? result.sourceAddress.split('/')[0]! : result.sourceAddress;
  const match = [
    `inport == "${inport}"`,
    `eth.src == ${source ? source.port.macAddress : '<router-port-mac>'}`,
    `eth.dst == ${destination.port.macAddress}`,
    `${ip}.src == ${sourceAddress}`,
    `${ip}.dst == ${destination.fixedIp.ipAddress}`,
    'ip.ttl == 64',
  ];
  if (query.protocol === 'icmp') {
    const icmp = v6 ? 'icmp6' : 'icmp4';
    match.push(`${icmp}.type == ${query.icmpType ?? 8}`, `${icmp}.code == ${query.icmpCode ?? 0}`);
  } else {
    match.push(`${query.protocol}.dst == ${query.port ?? 0}`, `${query.protocol}.src == 40000`);
  }
  return `ovn-trace --summary neutron-${destination.port.networkId} ${arg(match.join(' && '))}`;
}

export function describeTrace(query: TraceQuery, inputs: TraceInputs, result: TraceResult): string[] {
  const name = inputs.destination.name || inputs.destination.id;
  const commands = [`openstack port list --server ${arg(name)} --long`];
  const ports = inputs.destinationPorts.map((p) => p.id);
  if (ports.length) commands.push(`openstack floating ip list --port ${ports[0]}`);
  const onPath = inputs.routers.filter((r) => r.interfaces.some((i) => inputs.destinationPorts.some((p) => p.fixedIps.some((ip) => ip.subnetId === i.subnetId))));
  for (const router of onPath.slice(0, 2)) commands.push(`openstack router show ${arg(router.name || router.id)}`);
  const groups = [...new Set(inputs.destinationPorts.flatMap((p) => p.securityGroupIds))];
  for (const id of groups.slice(0, 3)) {
    const group = inputs.securityGroups.find((g) => g.id === id);
    commands.push(`openstack security group rule list --ingress --long ${arg(group?.name && group.name !== 'default' ? group.name : id)}`);
  }
  const trace = ovnTraceCommand(query, inputs, result);
  if (trace) commands.push(trace);
  return commands;
}

/** The CLI form of the suggested rule on the chosen group. */
export function suggestionCommand(result: TraceResult, groupId: string, wide = false): string | null {
  const suggestion = result.suggestion;
  if (!suggestion) return null;
  const rule = wide && suggestion.wider ? suggestion.wider : suggestion.rule;
  const group = suggestion.groups.find((g) => g.id === groupId);
  return ruleCliCommand(rule, group && group.name !== 'default' ? group.name : groupId);
}

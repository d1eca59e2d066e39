import { describe, expect, it } from 'vitest';

import { describeTrace, ovnTraceCommand, suggestionCommand } from './cli';
import { evaluateTrace } from './evaluate';
import { demoWorld, floatingIp, group, icmp, tcp, withClient } from './fixtures';

const world = () => ({ ...demoWorld(), floatingIps: [floatingIp('172.24.4.10', 'port-web', '10.0.0.5')] });

describe('the commands an operator would run', () => {
  it('trace from outside entering at the router’s port, with the original source address', () => {
    const inputs = world();
    const command = ovnTraceCommand(tcp(22), inputs, evaluateTrace(tcp(22), inputs));
    expect(command).toBe(
      `ovn-trace --summary neutron-net-private 'inport == "router1-if-0" && eth.src == <router-port-mac> && eth.dst == fa:16:3e:00:00:01 && ip4.src == 203.0.113.5 && ip4.dst == 10.0.0.5 && ip.ttl == 64 && tcp.dst == 22 && tcp.src == 40000'`,
    );
  });

  it('trace between instances on one switch from the source port, and ICMP by type and code', () => {
    const inputs = withClient(world());
    const query = icmp(8, 0, { kind: 'instance', serverId: 'client' });
    expect(ovnTraceCommand(query, inputs, evaluateTrace(query, inputs))).toContain('inport == "port-client" && eth.src == fa:16:3e:00:00:01 && eth.dst == fa:16:3e:00:00:01 && ip4.src == 10.0.0.6 && ip4.dst == 10.0.0.5 && ip.ttl == 64 && icmp4.type == 8 && icmp4.code == 0');
  });

  it('list the reads, and the suggested rule for the chosen group', () => {
    const inputs = { ...world(), securityGroups: [...world().securityGroups, group('sg-web', [], { name: 'web' })] };
    inputs.destinationPorts = inputs.destinationPorts.map((p) => ({ ...p, securityGroupIds: ['sg-default', 'sg-web'] }));
    const result = evaluateTrace(tcp(22), inputs);
    expect(describeTrace(tcp(22), inputs, result).slice(0, 5)).toEqual([
      'openstack port list --server web --long',
      'openstack floating ip list --port port-web',
      'openstack router show router1',
      'openstack security group rule list --ingress --long sg-default',
      'openstack security group rule list --ingress --long web',
    ]);
    expect(suggestionCommand(result, 'sg-web')).toBe('openstack security group rule create --ingress --protocol tcp --dst-port 22 --remote-ip 203.0.113.5/32 web');
    expect(suggestionCommand(result, 'sg-web', true)).toContain('--remote-ip 0.0.0.0/0 web');
  });
});

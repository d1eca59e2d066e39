import { describe, expect, it } from 'vitest';

import type { StackResource } from '@/lib/openstack/heat/types';

import { TOPOLOGY, layoutTopology } from './topology-layers';

const res = (name: string, requiredBy: string[] = [], extra: Partial<StackResource> = {}): StackResource => ({
  name,
  requiredBy,
  physicalId: `id-${name}`,
  type: 'OS::Nova::Server',
  createdAt: '',
  updatedAt: '',
  parentResource: null,
  stackName: 'web',
  stackId: 's1',
  action: 'CREATE',
  status: 'COMPLETE',
  reason: '',
  ...extra,
});

describe('the stack topology layout', () => {
  it('puts each resource one layer right of the furthest resource it needs', () => {
    // net ← subnet ← port ← server; net ← server (direct); volume free-standing
    const layout = layoutTopology([res('server'), res('port', ['server']), res('subnet', ['port']), res('net', ['subnet', 'server']), res('volume')]);
    const layer = Object.fromEntries(layout.nodes.map((n) => [n.resource.name, n.layer]));
    expect(layer).toEqual({ net: 0, subnet: 1, port: 2, server: 3, volume: 0 });
    expect(layout.nodes.find((n) => n.resource.name === 'server')!.needs.sort()).toEqual(['s1/net', 's1/port']);
    expect(layout.edges.filter((e) => e.kind === 'depends')).toHaveLength(4);
    expect(layout.width).toBe(TOPOLOGY.margin * 2 + 4 * TOPOLOGY.nodeWidth + 3 * TOPOLOGY.columnGap);
    expect(layout.height).toBe(TOPOLOGY.margin * 2 + 2 * TOPOLOGY.nodeHeight + TOPOLOGY.rowGap);
  });

  it('places nested stack resources right of the resource that holds them, linked by a contains edge', () => {
    const layout = layoutTopology([
      res('asg', [], { physicalId: 'nested-1', type: 'OS::Heat::AutoScalingGroup' }),
      res('policy', [], {}),
      res('m1', [], { parentResource: 'asg', stackId: 'nested-1', stackName: 'web-asg' }),
      res('m2', [], { parentResource: 'asg', stackId: 'nested-1', stackName: 'web-asg' }),
    ]);
    const byName = Object.fromEntries(layout.nodes.map((n) => [n.resource.name, n]));
    expect([byName.m1!.layer, byName.m2!.layer]).toEqual([1, 1]);
    expect([byName.m1!.row, byName.m2!.row]).toEqual([0, 1]);
    expect(layout.edges).toContainEqual({ from: 's1/asg', to: 'nested-1/m1', kind: 'contains' });
  });

  it('survives a dependency cycle and references to resources it does not know', () => {
    const layout = layoutTopology([res('a', ['b']), res('b', ['a', 'ghost'])]);
    expect(layout.nodes).toHaveLength(2);
    expect(layout.edges).toHaveLength(2);
    expect(layoutTopology([])).toMatchObject({ nodes: [], edges: [], width: TOPOLOGY.margin * 2, height: TOPOLOGY.margin * 2 });
  });
});

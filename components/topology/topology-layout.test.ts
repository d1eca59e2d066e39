import { describe, expect, it } from 'vitest';

import { LAYOUT, layoutTopology } from './topology-layout';

const graph = {
  networks: [
    { id: 'public', name: 'public', external: true, shared: false, cidrs: ['172.24.4.0/24'] },
    { id: 'private', name: 'private', external: false, shared: false, cidrs: ['10.0.0.0/24'] },
    { id: 'db', name: 'db', external: false, shared: false, cidrs: ['10.2.0.0/24'] },
  ],
  routers: [{ id: 'r1', name: 'router1', status: 'ACTIVE', gatewayNetworkId: 'public', interfaces: [{ networkId: 'private', ip: '10.0.0.1' }] }],
  instances: [
    { id: 'web', name: 'web', status: 'ACTIVE', ports: [{ networkId: 'private', ips: ['10.0.0.5'] }] },
    { id: 'app', name: 'app', status: 'ACTIVE', ports: [{ networkId: 'private', ips: ['10.0.0.6'] }, { networkId: 'db', ips: ['10.2.0.6'] }] },
  ],
};

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layoutTopology', () => {
  it('puts external networks on top, routers below them, project networks further down in order', () => {
    const layout = layoutTopology(graph);
    const [pub, priv, db] = layout.networks;
    const router = layout.routers[0]!;
    expect(pub!.y).toBeLessThan(router.y);
    expect(router.y + router.height).toBeLessThan(priv!.y);
    expect(priv!.y).toBeLessThan(db!.y);
    expect(router.lane.top).toBe(pub!.y + pub!.height);
    expect(router.links).toEqual([{ networkId: 'private', y: priv!.y + LAYOUT.barHeight / 2, x1: router.lane.x, x2: priv!.x, ip: '10.0.0.1' }]);
    expect(router.lane.bottom).toBe(router.links[0]!.y);
  });

  it('plugs an instance under every network it has a port on, below that bar, without overlaps', () => {
    const layout = layoutTopology(graph);
    expect(layout.instances.map((i) => [i.name, i.networkId, i.ips[0]])).toEqual([
      ['web', 'private', '10.0.0.5'],
      ['app', 'private', '10.0.0.6'],
      ['app', 'db', '10.2.0.6'],
    ]);
    const boxes = [...layout.networks, ...layout.routers, ...layout.instances];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(overlap(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(false)));
  });

  it('takes the width it is given, but never less than its minimum', () => {
    expect(layoutTopology(graph, 1600).width).toBe(1600);
    expect(layoutTopology(graph, 300).width).toBe(LAYOUT.minWidth);
    expect(layoutTopology(graph, 1600).networks[0]!.width).toBe(1600 - 2 * LAYOUT.margin);
  });

  it('lays out 200 networks and 1,000 instances inside its width, rows wrapping', () => {
    const big = {
      networks: Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, name: `net-${i}`, external: i === 0, shared: false, cidrs: [] })),
      routers: Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, name: `r${i}`, status: 'ACTIVE', gatewayNetworkId: 'n0', interfaces: [{ networkId: `n${i + 1}`, ip: '' }] })),
      instances: Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, name: `vm-${i}`, status: 'ACTIVE', ports: [{ networkId: `n${1 + (i % 199)}`, ips: [] }] })),
    };
    const layout = layoutTopology(big);
    expect(layout.instances).toHaveLength(1000);
    expect(Math.max(...layout.instances.map((i) => i.x + i.width))).toBeLessThanOrEqual(layout.width);
    expect(Math.max(...layout.instances.map((i) => i.y + i.height))).toBeLessThan(layout.height);
  });
});

// Test helpers for the Neutron routes: calls under /networking/v2.0 and the small topologies
// the tests build (a tenant network with a subnet, an external network, a router between).

import type { FastifyInstance } from 'fastify';
import { call } from '../../testing/test-cloud';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Wire = Record<string, any>;

export function neutronCaller(app: () => FastifyInstance) {
  const neutron = (token: string, method: Method, path: string, body?: unknown, headers?: Record<string, string>) =>
    call(app(), token, method, `/networking/v2.0${path}`, body, headers);

  /** Creates a resource and returns its wire form; fails the test on anything but 201. */
  async function create(token: string, collection: string, resource: string, body: Wire): Promise<Wire> {
    const response = await neutron(token, 'POST', `/${collection}`, { [resource]: body });
    if (response.statusCode !== 201) throw new Error(`create ${resource}: ${response.statusCode} ${response.body}`);
    return response.json()[resource];
  }

  /** A network with one IPv4 subnet (gateway .1, pool .2–.254). */
  async function networkWithSubnet(token: string, name: string, cidr: string, extra: Wire = {}) {
    const network = await create(token, 'networks', 'network', { name, ...extra });
    const subnet = await create(token, 'subnets', 'subnet', { network_id: network.id, cidr, ip_version: 4, name: `${name}-subnet` });
    return { network, subnet };
  }

  return { neutron, create, networkWithSubnet };
}

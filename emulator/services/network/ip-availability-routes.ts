// /v2.0/network-ip-availabilities (admin): how many addresses each network and subnet has
// and how many ports use, as Neutron's network-ip-availability extension counts them.

import type { FastifyInstance } from 'fastify';
import type { Cloud } from '../../cloud';
import type { Network } from '../../store/networks';
import type { Repositories } from '../../store/open-store';
import { networkContext } from './context';
import { notFound, policyDenied } from './errors';
import { parseAddress } from './ip-address';
import { listBody, project, showFields, type RawQuery, type WireObject } from './list-query';
import { neutronRoute, pathParam } from './register';

const ATTRIBUTES = ['network_id', 'network_name', 'tenant_id', 'project_id', 'total_ips', 'used_ips', 'subnet_ip_availability', 'ip_version'];

async function availability(repos: Repositories, networks: Network[]): Promise<WireObject[]> {
  const subnets = await repos.subnets.list({ networkIds: networks.map((n) => n.id) });
  const used = await repos.ports.countBySubnet(subnets.map((s) => s.id));
  return networks.map((network) => {
    const own = subnets.filter((s) => s.networkId === network.id);
    const rows = own.map((subnet) => {
      // Total: the size of the allocation pools (Neutron counts pools, not the whole CIDR).
      const total = subnet.allocationPools.reduce((sum, pool) => {
        const start = parseAddress(pool.start)?.value ?? 0n;
        const end = parseAddress(pool.end)?.value ?? -1n;
        return sum + Number(end - start + 1n);
      }, 0);
      return {
        subnet_id: subnet.id,
        subnet_name: subnet.name,
        cidr: subnet.cidr,
        ip_version: subnet.ipVersion,
        total_ips: total,
        used_ips: used.get(subnet.id) ?? 0,
      };
    });
    return {
      network_id: network.id,
      network_name: network.name,
      tenant_id: network.projectId,
      project_id: network.projectId,
      total_ips: rows.reduce((sum, r) => sum + r.total_ips, 0),
      used_ips: rows.reduce((sum, r) => sum + r.used_ips, 0),
      subnet_ip_availability: rows,
    };
  });
}

export function registerIpAvailabilityRoutes(app: FastifyInstance, cloud: Cloud): void {
  const { store } = cloud;
  const spec = { collection: 'network_ip_availabilities', attributes: ATTRIBUTES };

  neutronRoute(app, 'GET', '/network-ip-availabilities', async (request) => {
    const context = networkContext(request, cloud);
    if (!context.admin) throw policyDenied('get_network_ip_availability');
    const query = { ...(request.query as RawQuery) };
    // ip_version filters the subnets counted, not the networks.
    const ipVersion = query.ip_version;
    delete query.ip_version;
    let items = await availability(store, await store.networks.list());
    if (typeof ipVersion === 'string') {
      items = items.map((item) => {
        const rows = (item.subnet_ip_availability as { ip_version: number; total_ips: number; used_ips: number }[]).filter(
          (r) => String(r.ip_version) === ipVersion,
        );
        return { ...item, subnet_ip_availability: rows, total_ips: rows.reduce((s, r) => s + r.total_ips, 0), used_ips: rows.reduce((s, r) => s + r.used_ips, 0) };
      });
    }
    return listBody(items, query, spec, cloud.url(request.url), (id) => notFound('network', id));
  });

  neutronRoute(app, 'GET', '/network-ip-availabilities/:id', async (request) => {
    const context = networkContext(request, cloud);
    if (!context.admin) throw policyDenied('get_network_ip_availability');
    const id = pathParam(request, 'id');
    const network = await store.networks.get(id);
    if (!network) throw notFound('network', id);
    const [item] = await availability(store, [network]);
    return { network_ip_availability: project(item!, showFields(request.query as RawQuery)) };
  });
}

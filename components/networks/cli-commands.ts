import { shellQuote } from '@/lib/bff/shell-quote';

/** The `openstack` commands each network page does the same work as; names are shell-quoted, never translated. */
export const CLI = {
  networks: 'openstack network create net1\nopenstack subnet create --network net1 --subnet-range 192.168.10.0/24 --dns-nameserver 8.8.8.8 subnet1',
  network: (name: string) => `openstack network show ${shellQuote(name)}\nopenstack port list --network ${shellQuote(name)} --long`,
  routers: 'openstack router create --external-gateway public router1\nopenstack router add subnet router1 subnet1',
  router: (name: string) =>
    `openstack router show ${shellQuote(name)}\nopenstack router set --route destination=10.20.0.0/16,gateway=192.168.10.5 ${shellQuote(name)}`,
  topology: 'openstack network list\nopenstack router list\nopenstack port list --device-owner network:router_interface',
};

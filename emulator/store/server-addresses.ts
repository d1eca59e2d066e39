// A server's addresses as Nova shows them, derived from Neutron: the fixed IPs of the ports
// whose device is the server (one network label per port's network), each followed by the
// floating IPs that forward to it. One query for the ports' addresses and one for the
// floating IPs, for a whole page of servers (decision 009).

import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';
import type { ServerAddress } from './servers';

const CHUNK = 400;

export async function addressesOfServers(
  db: Kysely<Database>,
  serverIds: readonly string[],
): Promise<Map<string, Record<string, ServerAddress[]>>> {
  const result = new Map<string, Record<string, ServerAddress[]>>(serverIds.map((id) => [id, {}]));
  for (let i = 0; i < serverIds.length; i += CHUNK) {
    const ids = serverIds.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('ports')
      .innerJoin('port_fixed_ips', 'port_fixed_ips.port_id', 'ports.id')
      .innerJoin('networks', 'networks.id', 'ports.network_id')
      .select(['ports.device_id', 'ports.id as port_id', 'ports.mac_address', 'networks.name', 'networks.id as network_id', 'port_fixed_ips.ip_address'])
      .where('ports.device_id', 'in', ids)
      .where('ports.device_owner', 'like', 'compute:%')
      .orderBy('ports.seq')
      .orderBy('port_fixed_ips.position')
      .execute();
    if (rows.length === 0) continue;
    const floating = await db
      .selectFrom('floating_ips')
      .select(['port_id', 'fixed_ip_address', 'floating_ip_address'])
      .where('port_id', 'in', [...new Set(rows.map((r) => r.port_id))])
      .orderBy('seq')
      .execute();
    for (const row of rows) {
      const addresses = result.get(row.device_id)!;
      const label = row.name || row.network_id;
      const list = (addresses[label] ??= []);
      const version = row.ip_address.includes(':') ? 6 : 4;
      list.push({ addr: row.ip_address, version, mac: row.mac_address, type: 'fixed' });
      for (const fip of floating) {
        if (fip.port_id === row.port_id && fip.fixed_ip_address === row.ip_address) {
          list.push({ addr: fip.floating_ip_address, version: 4, mac: row.mac_address, type: 'floating' });
        }
      }
    }
  }
  return result;
}

/** The first fixed IPv4 address among a server's addresses (what its console prints). */
export function firstFixedIpv4(addresses: Record<string, ServerAddress[]>): string | null {
  for (const list of Object.values(addresses)) {
    const found = list.find((a) => a.type !== 'floating' && a.version === 4);
    if (found) return found.addr;
  }
  return null;
}

/**
 * Nova lets go of a deleted server's networking: floating IPs on its ports are
 * disassociated, the ports Nova made deleted and those a client passed in unbound.
 * `now` is the store's ISO timestamp.
 */
export async function releaseServerPorts(db: Kysely<Database>, serverIds: readonly string[], now: string): Promise<void> {
  const neutronNow = `${now.slice(0, 19)}Z`;
  for (let i = 0; i < serverIds.length; i += CHUNK) {
    const ids = serverIds.slice(i, i + CHUNK);
    // Unbound first, so that what is left bound to the servers below is what Nova made.
    const preserved = db.selectFrom('server_ports').select('port_id').where('server_id', 'in', ids).where('preserve_on_delete', '=', 1);
    await db
      .updateTable('ports')
      .set({ device_id: '', device_owner: '', binding_host_id: '', status: 'DOWN', updated_at: neutronNow, revision_number: sql<number>`revision_number + 1` })
      .where('id', 'in', preserved)
      .execute();
    await db.deleteFrom('server_ports').where('server_id', 'in', ids).execute();
    const made = db.selectFrom('ports').select('id').where('device_id', 'in', ids).where('device_owner', 'like', 'compute:%');
    await db
      .updateTable('floating_ips')
      .set({
        port_id: null,
        fixed_ip_address: null,
        router_id: null,
        status: 'DOWN',
        updated_at: neutronNow,
        revision_number: sql<number>`revision_number + 1`,
      })
      .where('port_id', 'in', made)
      .execute();
    await db.deleteFrom('ports').where('id', 'in', made).execute();
  }
}

/** Each server's fixed IP addresses, for Nova's `ip` and `ip6` list filters. */
export async function fixedIpsOfServers(db: Kysely<Database>, serverIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (let i = 0; i < serverIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('ports')
      .innerJoin('port_fixed_ips', 'port_fixed_ips.port_id', 'ports.id')
      .select(['ports.device_id', 'port_fixed_ips.ip_address'])
      .where('ports.device_id', 'in', serverIds.slice(i, i + CHUNK))
      .where('ports.device_owner', 'like', 'compute:%')
      .execute();
    for (const row of rows) result.set(row.device_id, [...(result.get(row.device_id) ?? []), row.ip_address]);
  }
  return result;
}

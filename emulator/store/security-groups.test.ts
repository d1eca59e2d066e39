import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './open-store';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zenith-sg-'));
  store = await openStore(join(dir, 'cloud.db'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = '2026-11-21T20:00:00Z';

describe('security group store', () => {
  it("creates a project's default group once, with Neutron's four rules", async () => {
    const id = await store.securityGroups.ensureDefault('p1', NOW);
    expect(await store.securityGroups.ensureDefault('p1', NOW)).toBe(id);
    const groups = await store.db.selectFrom('security_groups').selectAll().execute();
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ name: 'default', project_id: 'p1', is_default: 1, created_at: NOW });
    const rules = await store.db
      .selectFrom('security_group_rules')
      .select(['direction', 'ethertype', 'remote_group_id', 'protocol'])
      .orderBy('seq')
      .execute();
    expect(rules).toEqual([
      { direction: 'egress', ethertype: 'IPv4', remote_group_id: null, protocol: null },
      { direction: 'ingress', ethertype: 'IPv4', remote_group_id: id, protocol: null },
      { direction: 'egress', ethertype: 'IPv6', remote_group_id: null, protocol: null },
      { direction: 'ingress', ethertype: 'IPv6', remote_group_id: id, protocol: null },
    ]);
  });

  it('binds groups to ports and reads them back per port in one call', async () => {
    const group = await store.securityGroups.ensureDefault('p1', NOW);
    // Only the columns without defaults; the network and port stores fill in the rest.
    await sql`INSERT INTO networks (id, project_id, mtu, created_at, updated_at, seq)
      VALUES ('n1', 'p1', 1442, ${NOW}, ${NOW}, 1)`.execute(store.db);
    for (const [id, mac] of [['a', 'fa:16:3e:00:00:01'], ['b', 'fa:16:3e:00:00:02']] as const) {
      await sql`INSERT INTO ports (id, project_id, network_id, mac_address, created_at, updated_at, seq)
        VALUES (${id}, 'p1', 'n1', ${mac}, ${NOW}, ${NOW}, 1)`.execute(store.db);
    }
    await store.securityGroups.bindPort('a', [group, group]);
    const bound = await store.securityGroups.groupsOfPorts(['a', 'b']);
    expect(bound).toEqual(new Map([['a', [group]], ['b', []]]));
    await store.securityGroups.bindPort('a', []);
    expect((await store.securityGroups.groupsOfPorts(['a'])).get('a')).toEqual([]);
  });
});

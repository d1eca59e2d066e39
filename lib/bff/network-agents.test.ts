import { describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { changeAgentAdminState, loadNetworkAgents } from './network-agents';

const agent = (id: string, host: string, type: string, alive: boolean, heartbeat: string) => ({
  id,
  agent_type: type,
  binary: type === 'OVN Metadata agent' ? 'neutron-ovn-metadata-agent' : 'ovn-controller',
  host,
  availability_zone: 'nova',
  alive,
  admin_state_up: true,
  heartbeat_timestamp: heartbeat,
});

const fake = useFakeService();
const NOW = Date.parse('2024-05-01T10:01:00Z');

describe('network agents', () => {
  it('need the admin role, before Neutron is asked', async () => {
    await expect(loadNetworkAgents(fakeScope(fake.url))).rejects.toMatchObject({ payload: { status: 403, code: 'admin_only' } });
    await expect(changeAgentAdminState(fakeScope(fake.url), 'a1', { adminStateUp: false })).rejects.toMatchObject({ payload: { status: 403 } });
    expect(fake.requests).toEqual([]);
  });

  it('come down ones first, with the age of their heartbeat and the hosts and types to filter by', async () => {
    fake.on('GET /networking/v2.0/agents', {
      status: 200,
      body: {
        agents: [
          agent('a1', 'compute-0', 'OVN Controller agent', true, '2024-05-01 10:00:48'),
          agent('a2', 'compute-1', 'OVN Metadata agent', false, '2024-05-01 09:55:00'),
          agent('a3', 'compute-0', 'OVN Metadata agent', true, '2024-05-01 10:00:50'),
        ],
      },
    });
    const view = await loadNetworkAgents(fakeScope(fake.url, { isAdmin: true }), NOW);
    expect(view.agents.map((a) => [a.id, a.alive, a.heartbeatAgeSeconds])).toEqual([
      ['a2', false, 360],
      ['a1', true, 12],
      ['a3', true, 10],
    ]);
    expect(view.hosts).toEqual(['compute-0', 'compute-1']);
    expect(view.types).toEqual(['OVN Controller agent', 'OVN Metadata agent']);
  });

  it('are enabled and disabled with a boolean, nothing else', async () => {
    const admin = fakeScope(fake.url, { isAdmin: true });
    await expect(changeAgentAdminState(admin, 'a1', { adminStateUp: 'no' })).rejects.toMatchObject({ issues: [{ message: 'state_required' }] });
    fake.on('PUT /networking/v2.0/agents/a1', { status: 200, body: { agent: { ...agent('a1', 'compute-0', 'OVN Controller agent', true, ''), admin_state_up: false } } });
    const changed = await changeAgentAdminState(admin, 'a1', { adminStateUp: false });
    expect(changed.adminStateUp).toBe(false);
    expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['PUT /networking/v2.0/agents/a1']);
  });
});

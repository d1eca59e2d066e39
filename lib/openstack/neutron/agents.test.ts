import { describe, expect, it } from 'vitest';

import { useFakeService } from '../fake-service';
import { heartbeatAgeSeconds, listAgents, setAgentAdminState } from './agents';
import { neutronClient } from './client';

// GET /v2.0/agents as an OVN deployment answers it (ML2/OVN reports its controllers as agents).
const AGENT = {
  id: 'a1',
  agent_type: 'OVN Controller agent',
  binary: 'ovn-controller',
  host: 'compute-0',
  availability_zone: '',
  alive: false,
  admin_state_up: true,
  heartbeat_timestamp: '2024-05-01 10:00:00',
  started_at: '2024-05-01 09:00:00',
  created_at: '2024-05-01 09:00:00',
  topic: 'N/A',
  configurations: {},
};

const fake = useFakeService();
const client = () => neutronClient(`${fake.url}/networking/`, 'tok');

describe('neutron agents', () => {
  it('list with clean names', async () => {
    fake.on('GET /networking/v2.0/agents', { status: 200, body: { agents: [AGENT] } });
    const [agent] = await listAgents(client());
    expect(agent).toMatchObject({ agentType: 'OVN Controller agent', binary: 'ovn-controller', host: 'compute-0', alive: false, adminStateUp: true, availabilityZone: null });
  });

  it('enable and disable through admin_state_up', async () => {
    fake.on('PUT /networking/v2.0/agents/a1', { status: 200, body: { agent: { ...AGENT, admin_state_up: false } } });
    const agent = await setAgentAdminState(client(), 'a1', false);
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ agent: { admin_state_up: false } });
    expect(agent.adminStateUp).toBe(false);
  });

  it('read heartbeats written in UTC without a zone, and with one', () => {
    const now = Date.parse('2024-05-01T10:00:12Z');
    expect(heartbeatAgeSeconds('2024-05-01 10:00:00', now)).toBe(12);
    expect(heartbeatAgeSeconds('2024-05-01T10:00:00Z', now)).toBe(12);
    expect(heartbeatAgeSeconds('2024-05-01T12:00:00+02:00', now)).toBe(12);
    expect(heartbeatAgeSeconds('2024-05-01 10:00:30', now)).toBe(0);
    expect(heartbeatAgeSeconds(null, now)).toBeNull();
    expect(heartbeatAgeSeconds('yesterday', now)).toBeNull();
  });
});

// Neutron agents and availability zones: the OVN agents of the demo seed, liveness by the
// simulation clock, admin-only changes.

import { describe, expect, it } from 'vitest';
import { call, control, useTestCloud } from '../../testing/test-cloud';

const cloud = useTestCloud({ build: { seed: 'demo' }, resetBeforeEach: 'demo', login: true });

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const neutron = (token: string, method: Method, path: string, body?: unknown) =>
  call(cloud.app, token, method, `/networking/v2.0${path}`, body);

type Wire = Record<string, unknown>;
const agents = async (query = ''): Promise<Wire[]> =>
  (await neutron(cloud.admin, 'GET', `/agents${query}`)).json().agents;

describe('network agents', () => {
  it('lists the OVN agents of the demo: a gateway on the controller, two agents per compute host', async () => {
    const all = await agents();
    expect(all).toHaveLength(11);
    expect(all[0]).toMatchObject({
      agent_type: 'OVN Controller Gateway agent',
      binary: 'ovn-controller',
      host: 'controller.example.com',
      availability_zone: 'nova',
      alive: true,
      admin_state_up: true,
    });
    const metadata = await agents('?agent_type=OVN%20Metadata%20agent');
    expect(metadata.map((a) => a.host)).toEqual(['c01', 'c02', 'c03', 'c04', 'c05'].map((c) => `${c}.example.com`));
    expect(metadata.every((a) => a.binary === 'neutron-ovn-metadata-agent')).toBe(true);
    expect(all[0]!.heartbeat_timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('has one dead agent in the demo: the metadata agent on c05, its heartbeat stuck at the seed', async () => {
    const dead = await agents('?alive=false');
    expect(dead.map((a) => [a.agent_type, a.host])).toEqual([['OVN Metadata agent', 'c05.example.com']]);
    expect(dead[0]!.heartbeat_timestamp).toBe('2026-11-01 09:00:00');
  });

  it('keeps running agents alive as simulated time passes, with a recent heartbeat', async () => {
    await control(cloud.app, 'clock', { mode: 'manual' });
    await control(cloud.app, 'clock/advance', { seconds: 1200 });
    const clock = (await cloud.app.inject({ method: 'GET', url: '/_emulator/clock' })).json() as { now: string };
    const [gateway] = await agents('?binary=ovn-controller&host=controller.example.com');
    expect(gateway!.alive).toBe(true);
    const heartbeat = Date.parse(`${String(gateway!.heartbeat_timestamp).replace(' ', 'T')}Z`);
    const age = Date.parse(clock.now) - heartbeat;
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(30_000);
    await control(cloud.app, 'clock', { mode: 'real' });
  });

  it('lets an admin disable, describe and delete an agent; members see none', async () => {
    const [agent] = await agents('?host=c01.example.com&binary=ovn-controller');
    const updated = await neutron(cloud.admin, 'PUT', `/agents/${agent!.id}`, {
      agent: { admin_state_up: false, description: 'draining' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().agent).toMatchObject({ admin_state_up: false, description: 'draining', alive: true });
    const readOnly = await neutron(cloud.admin, 'PUT', `/agents/${agent!.id}`, { agent: { host: 'x' } });
    expect(readOnly.json().NeutronError).toMatchObject({ type: 'HTTPBadRequest', message: 'Cannot update read-only attribute host' });

    expect((await neutron(cloud.demo, 'GET', '/agents')).json()).toEqual({ agents: [] });
    expect((await neutron(cloud.demo, 'GET', `/agents/${agent!.id}`)).statusCode).toBe(404);
    expect((await neutron(cloud.demo, 'PUT', `/agents/${agent!.id}`, { agent: { admin_state_up: true } })).statusCode).toBe(403);

    expect((await neutron(cloud.admin, 'DELETE', `/agents/${agent!.id}`)).statusCode).toBe(204);
    const gone = await neutron(cloud.admin, 'GET', `/agents/${agent!.id}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().NeutronError).toMatchObject({ type: 'AgentNotFound', message: `Agent ${agent!.id} could not be found.` });
  });

  it('offers the gateway zone to routers and networks', async () => {
    const zones = await neutron(cloud.demo, 'GET', '/availability_zones');
    expect(zones.json()).toEqual({
      availability_zones: [
        { name: 'nova', resource: 'router', state: 'available' },
        { name: 'nova', resource: 'network', state: 'available' },
      ],
    });
  });
});

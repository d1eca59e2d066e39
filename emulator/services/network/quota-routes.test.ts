// Neutron quotas: defaults from neutron/conf/quota.py, overrides by admins, details with
// used/limit/reserved, and who may read or change what.

import { describe, expect, it } from 'vitest';
import { PROJECT_IDS } from '../../seeds/ids';
import { call, useTestCloud } from '../../testing/test-cloud';

const cloud = useTestCloud({ build: { seed: 'demo' }, resetBeforeEach: 'demo', login: true });

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const neutron = (token: string, method: Method, path: string, body?: unknown) =>
  call(cloud.app, token, method, `/networking/v2.0${path}`, body);

const DEFAULTS = {
  network: 100,
  subnet: 100,
  subnetpool: -1,
  port: 500,
  router: 10,
  floatingip: 50,
  security_group: 10,
  security_group_rule: 100,
  rbac_policy: 10,
  router_route: 30,
};

describe('network quotas', () => {
  it("shows Neutron's defaults for a project without overrides, and the same at /default", async () => {
    const shown = await neutron(cloud.demo, 'GET', `/quotas/${PROJECT_IDS.demo}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ quota: DEFAULTS });
    expect((await neutron(cloud.demo, 'GET', `/quotas/${PROJECT_IDS.demo}/default`)).json()).toEqual({ quota: DEFAULTS });
    expect((await neutron(cloud.demo, 'GET', `/quotas/${PROJECT_IDS.demo}.json`)).json()).toEqual({ quota: DEFAULTS });
    expect((await neutron(cloud.demo, 'GET', '/quotas/tenant')).json()).toEqual({ tenant: { tenant_id: PROJECT_IDS.demo } });
  });

  it('lets an admin set, list and reset a project’s limits', async () => {
    const set = await neutron(cloud.admin, 'PUT', `/quotas/${PROJECT_IDS.demo}`, { quota: { network: 5, port: '20' } });
    expect(set.statusCode).toBe(200);
    expect(set.json().quota).toEqual({ ...DEFAULTS, network: 5, port: 20 });
    const list = await neutron(cloud.admin, 'GET', '/quotas');
    expect(list.json()).toEqual({
      quotas: [{ ...DEFAULTS, network: 5, port: 20, project_id: PROJECT_IDS.demo, tenant_id: PROJECT_IDS.demo }],
    });
    expect((await neutron(cloud.admin, 'DELETE', `/quotas/${PROJECT_IDS.demo}`)).statusCode).toBe(204);
    expect((await neutron(cloud.demo, 'GET', `/quotas/${PROJECT_IDS.demo}`)).json().quota).toEqual(DEFAULTS);
    expect((await neutron(cloud.admin, 'GET', '/quotas')).json()).toEqual({ quotas: [] });
  });

  it('details count what the project holds, with reserved 0', async () => {
    // The default group (4 rules) and the guides' groups `all` and `base` (2 egress + 3 ingress rules each).
    await neutron(cloud.demo, 'GET', '/security-groups');
    const details = await neutron(cloud.demo, 'GET', `/quotas/${PROJECT_IDS.demo}/details.json`);
    expect(details.statusCode).toBe(200);
    const quota = details.json().quota;
    expect(quota.security_group).toEqual({ limit: 10, used: 3, reserved: 0 });
    expect(quota.security_group_rule).toEqual({ limit: 100, used: 14, reserved: 0 });
    expect(quota.subnetpool).toEqual({ limit: -1, used: 0, reserved: 0 });
    expect(Object.keys(quota).sort()).toEqual(Object.keys(DEFAULTS).sort());
  });

  it('keeps members to their own project and away from changes', async () => {
    const other = await neutron(cloud.demo, 'GET', `/quotas/${PROJECT_IDS.admin}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().NeutronError).toMatchObject({ type: 'PolicyNotAuthorized', message: '(rule:get_quota) is disallowed by policy' });
    expect((await neutron(cloud.demo, 'GET', '/quotas')).statusCode).toBe(403);
    expect((await neutron(cloud.demo, 'PUT', `/quotas/${PROJECT_IDS.demo}`, { quota: { network: 1 } })).statusCode).toBe(403);
    expect((await neutron(cloud.demo, 'DELETE', `/quotas/${PROJECT_IDS.demo}`)).statusCode).toBe(403);
    expect((await neutron(cloud.admin, 'GET', `/quotas/${PROJECT_IDS.demo}/details`)).statusCode).toBe(200);
  });

  it.each([
    [{ network: 'lots' }, 'InvalidInput', "Invalid input for operation: 'lots' is not an integer."],
    [{ network: -2 }, 'HTTPBadRequest', "Invalid input for network. Reason: '-2' is too small - must be at least '-1'."],
    [{ network: 2 ** 31 }, 'HTTPBadRequest', "Invalid input for network. Reason: '2147483648' is too large - must be no larger than '2147483647'."],
    [{ widgets: 3 }, 'HTTPBadRequest', "Unrecognized attribute(s) 'widgets'"],
  ])('refuses %j', async (quota, type, message) => {
    const response = await neutron(cloud.admin, 'PUT', `/quotas/${PROJECT_IDS.demo}`, { quota });
    expect(response.statusCode).toBe(400);
    expect(response.json().NeutronError).toMatchObject({ type, message });
  });

  it('takes -1 as unlimited', async () => {
    await neutron(cloud.admin, 'PUT', `/quotas/${PROJECT_IDS.demo}`, { quota: { security_group: -1 } });
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k']) {
      const created = await neutron(cloud.demo, 'POST', '/security-groups', { security_group: { name } });
      expect(created.statusCode).toBe(201);
    }
  });
});

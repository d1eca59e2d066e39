// The scale seed: built through the control API within the time budget, deterministic, and
// served by the server API (an admin's all-projects page, a project's own list).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, control, login, startTestCloud, type TestCloud } from '../testing/test-cloud';
import { SCALE, scaleProjectId, scaleServerId } from './scale';

let cloud: TestCloud;
let elapsedMs = 0;
beforeAll(async () => {
  cloud = await startTestCloud({ seed: 'empty' });
  const started = performance.now();
  const reset = await control(cloud.app, 'reset', { seed: 'scale' });
  elapsedMs = performance.now() - started;
  expect(reset.statusCode, reset.body).toBe(200);
}, 60_000);
afterAll(async () => cloud.dispose());

const nova = (token: string, path: string) =>
  call(cloud.app, token, 'GET', `/compute/v2.1${path}`, undefined, { 'openstack-api-version': 'compute 2.79' });

describe('scale seed', () => {
  it('is built well under 30 seconds', () => {
    expect(elapsedMs).toBeLessThan(30_000);
  });

  it('has 10,000 servers over 200 projects and 250 hosts, newest first for an admin', async () => {
    const admin = await login(cloud.app, { user: 'admin', project: 'admin' });
    const first = await nova(admin, '/servers/detail?all_tenants=1&limit=1000');
    const body = first.json();
    expect(body.servers).toHaveLength(1000);
    expect(body.servers[0].id).toBe(scaleServerId(SCALE.servers - 1));
    expect(body.servers[0]).toMatchObject({ status: 'ACTIVE', 'OS-EXT-SRV-ATTR:host': expect.stringMatching(/^c\d{3}\.example\.com$/) });
    expect(body.servers_links).toBeDefined();
    // Its address comes from its port on its project's network (.1 gateway, .2 metadata port).
    expect(body.servers[0].addresses).toEqual({
      'scale-200-net': [expect.objectContaining({ addr: '10.0.0.52', version: 4, 'OS-EXT-IPS:type': 'fixed' })],
    });
    const hosts = await call(cloud.app, admin, 'GET', '/compute/v2.1/servers?all_tenants=1&host=c250.example.com&limit=1000');
    expect(hosts.json().servers).toHaveLength(SCALE.servers / SCALE.hosts);
    const project = await nova(admin, `/servers?all_tenants=1&project_id=${scaleProjectId(7)}`);
    expect(project.json().servers).toHaveLength(SCALE.servers / SCALE.projects);
  });

  it('gives each project headroom in its quota', async () => {
    const admin = await login(cloud.app, { user: 'admin', project: 'admin' });
    const limits = (await nova(admin, `/limits?tenant_id=${scaleProjectId(1)}`)).json().limits.absolute;
    expect(limits).toMatchObject({ maxTotalInstances: 100, totalInstancesUsed: 50 });
  });
});

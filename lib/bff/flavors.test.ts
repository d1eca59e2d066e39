import { beforeEach, describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { flavorSchema } from '../validation/flavors';
import { fakeScope } from './fake-scope';
import { addFlavor, replaceFlavor } from './flavors';

const OLD = { id: '42', name: 'm1.custom', vcpus: 2, ram: 2048, disk: 20, 'OS-FLV-EXT-DATA:ephemeral': 0, swap: 0, 'os-flavor-access:is_public': true, description: null, extra_specs: { 'hw:cpu_policy': 'shared' } };

const fake = useFakeService();
beforeEach(() => {
  fake.on('GET /compute/v2.1/flavors/42', { status: 200, body: { flavor: OLD } });
  fake.on('DELETE /compute/v2.1/flavors/42', { status: 202 });
  fake.on('POST /compute/v2.1/flavors/new-id/os-extra_specs', (r) => ({ status: 200, body: JSON.parse(r.body) }));
});

const values = (overrides: Record<string, unknown> = {}) =>
  flavorSchema.parse({ name: 'm1.custom', vcpus: '4', ramMb: '4096', diskGb: '20', ephemeralGb: '0', swapMb: '0', isPublic: true, extraSpecs: 'hw:cpu_policy=dedicated', ...overrides });
const calls = () => fake.requests.map((r) => `${r.method} ${r.url.replace('/compute/v2.1', '')}`);

describe('flavor changes', () => {
  it('are refused to non-admins before Nova is asked', async () => {
    await expect(addFlavor(fakeScope(fake.url), values())).rejects.toMatchObject({ payload: { code: 'admin_only', status: 403 } });
    expect(fake.requests).toHaveLength(0);
  });

  it('replace with the same name: delete the old, create the new with a new id', async () => {
    fake.on('POST /compute/v2.1/flavors', (r) => ({ status: 200, body: { flavor: { ...OLD, ...JSON.parse(r.body).flavor, id: 'new-id', extra_specs: {} } } }));
    const flavor = await replaceFlavor(fakeScope(fake.url, { isAdmin: true }), '42', values());
    expect(flavor).toMatchObject({ id: 'new-id', vcpus: 4, extraSpecs: { 'hw:cpu_policy': 'dedicated' } });
    expect(calls()).toEqual(['GET /flavors/42', 'DELETE /flavors/42', 'POST /flavors', 'POST /flavors/new-id/os-extra_specs']);
    expect(JSON.parse(fake.requests[2]!.body).flavor.id).toBeUndefined();
  });

  it('replace with a new name: create first, so a refusal leaves the old flavor alone', async () => {
    fake.on('POST /compute/v2.1/flavors', { status: 409, body: { conflictingRequest: { code: 409, message: 'Flavor with name m1.taken already exists.' } } });
    await expect(replaceFlavor(fakeScope(fake.url, { isAdmin: true }), '42', values({ name: 'm1.taken' }))).rejects.toMatchObject({
      payload: { status: 409, fields: { name: 'name_taken' } },
    });
    expect(calls()).toEqual(['GET /flavors/42', 'POST /flavors']);
  });

  it('replace refused after the delete puts the old flavor back under its old id', async () => {
    fake.on('POST /compute/v2.1/flavors', (r) => {
      const sent = JSON.parse(r.body).flavor;
      return sent.id === '42'
        ? { status: 200, body: { flavor: { ...OLD, extra_specs: {} } } }
        : { status: 400, body: { badRequest: { code: 400, message: 'Invalid input for field/attribute vcpus.' } } };
    });
    fake.on('POST /compute/v2.1/flavors/42/os-extra_specs', (r) => ({ status: 200, body: JSON.parse(r.body) }));
    await expect(replaceFlavor(fakeScope(fake.url, { isAdmin: true }), '42', values())).rejects.toMatchObject({ status: 400 });
    expect(calls()).toEqual(['GET /flavors/42', 'DELETE /flavors/42', 'POST /flavors', 'POST /flavors', 'POST /flavors/42/os-extra_specs']);
    expect(JSON.parse(fake.requests[4]!.body)).toEqual({ extra_specs: { 'hw:cpu_policy': 'shared' } });
  });
});

describe('replacing a private flavor', () => {
  it('shares the new flavor with the projects the old one was shared with', async () => {
    fake.on('GET /compute/v2.1/flavors/42', { status: 200, body: { flavor: { ...OLD, 'os-flavor-access:is_public': false } } });
    fake.on('GET /compute/v2.1/flavors/42/os-flavor-access', { status: 200, body: { flavor_access: [{ flavor_id: '42', tenant_id: 'p-hpc' }] } });
    fake.on('POST /compute/v2.1/flavors', (r) => ({ status: 200, body: { flavor: { ...OLD, ...JSON.parse(r.body).flavor, id: 'new-id', extra_specs: {} } } }));
    fake.on('POST /compute/v2.1/flavors/new-id/action', { status: 200, body: { flavor_access: [{ flavor_id: 'new-id', tenant_id: 'p-hpc' }] } });
    await replaceFlavor(fakeScope(fake.url, { isAdmin: true }), '42', values({ isPublic: false }));
    expect(calls()).toEqual([
      'GET /flavors/42',
      'GET /flavors/42/os-flavor-access',
      'DELETE /flavors/42',
      'POST /flavors',
      'POST /flavors/new-id/os-extra_specs',
      'POST /flavors/new-id/action',
    ]);
    expect(JSON.parse(fake.requests.at(-1)!.body)).toEqual({ addTenantAccess: { tenant: 'p-hpc' } });
  });
});

describe('creating a private flavor', () => {
  it('shares it with the projects named in the form', async () => {
    fake.on('POST /compute/v2.1/flavors', (r) => ({ status: 200, body: { flavor: { ...OLD, ...JSON.parse(r.body).flavor, id: 'new-id', extra_specs: {} } } }));
    fake.on('POST /compute/v2.1/flavors/new-id/action', { status: 200, body: { flavor_access: [] } });
    await addFlavor(fakeScope(fake.url, { isAdmin: true }), values({ name: 'hpc', isPublic: false, extraSpecs: '', projects: 'p-hpc, p-ml\np-hpc' }));
    expect(calls()).toEqual(['POST /flavors', 'POST /flavors/new-id/action', 'POST /flavors/new-id/action']);
    expect(fake.requests.slice(1).map((r) => JSON.parse(r.body).addTenantAccess.tenant)).toEqual(['p-hpc', 'p-ml']);
  });

  it('refuses project IDs that cannot be IDs', () => {
    const result = flavorSchema.safeParse({ name: 'x', vcpus: 1, ramMb: 1, diskGb: 0, ephemeralGb: 0, swapMb: 0, isPublic: false, projects: 'demo project; drop' });
    expect(result.success ? null : result.error.issues[0]?.message).toBe('project_format');
  });
});

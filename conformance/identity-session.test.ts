// What any OpenStack user does first: discover Keystone from an auth URL without /v3, get a
// token, read the catalog and the service versions, see their projects, and fail cleanly
// with a wrong password.

import { describe, expect, inject, it } from 'vitest';
import { PROJECT_IDS, USER_IDS } from '../emulator/seeds/ids';
import { COMPUTE_MAX_MICROVERSION, COMPUTE_MIN_MICROVERSION } from '../emulator/services/compute/microversion';
import { VOLUME_MAX_MICROVERSION } from '../emulator/services/volume/microversion';
import { ADMIN, DEMO, openrcEnv, runOpenstack } from './cli';

const cloudUrl = inject('cloudUrl');
const asDemo = openrcEnv(cloudUrl, DEMO);
const asAdmin = openrcEnv(cloudUrl, ADMIN);

type Row = Record<string, unknown>;

describe('openstack CLI session', () => {
  it('token issue: a token scoped to the demo project', async () => {
    const result = await runOpenstack(['token', 'issue', '-f', 'json'], asDemo);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({
      project_id: PROJECT_IDS.demo,
      user_id: USER_IDS.demo,
      id: expect.stringMatching(/^gAAAAA/),
      expires: expect.any(String),
    });
  });

  it('catalog list: every service type, with the project in the orchestration URL', async () => {
    const result = await runOpenstack(['catalog', 'list', '-f', 'json'], asDemo);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.json as Row[];
    expect(rows.map((row) => row.Type).sort()).toEqual(
      [
        'alarming',
        'block-storage',
        'cloudformation',
        'compute',
        'identity',
        'image',
        'metric',
        'network',
        'orchestration',
        'volumev3',
        'zenith-emulator',
      ].sort(),
    );
    const heat = rows.find((row) => row.Type === 'orchestration');
    const endpoints = heat?.Endpoints as { url: string; interface: string; region: string }[];
    expect(endpoints).toHaveLength(3);
    for (const endpoint of endpoints) {
      expect(endpoint.url).toBe(`${cloudUrl}/heat-api/v1/${PROJECT_IDS.demo}`);
      expect(endpoint.region).toBe('RegionOne');
    }
  });

  it('versions show: every service discovered with the advertised versions', async () => {
    const result = await runOpenstack(['versions', 'show', '-f', 'json'], asAdmin);
    expect(result.code, result.stderr).toBe(0);
    const rows = result.json as Row[];
    const current = (type: string) =>
      rows.find((row) => row['Service Type'] === type && row.Status === 'CURRENT');
    expect(current('identity')).toMatchObject({ Version: '3.14', Endpoint: `${cloudUrl}/identity/v3/` });
    expect(current('compute')).toMatchObject({ 'Min Microversion': COMPUTE_MIN_MICROVERSION, 'Max Microversion': COMPUTE_MAX_MICROVERSION });
    expect(current('block-storage')).toMatchObject({ 'Max Microversion': VOLUME_MAX_MICROVERSION });
    expect(current('network')).toMatchObject({ Version: '2.0' });
    expect(current('image')).toMatchObject({ Version: '2.16' });
    expect(current('orchestration')).toMatchObject({ Version: '1.0' });
    expect(current('cloudformation')).toMatchObject({ Version: '1.0' });
    expect(current('metric')).toMatchObject({ Version: '1.0' });
    // The service-types authority calls alarming "alarm".
    expect(current('alarm') ?? current('alarming')).toMatchObject({ Version: '2.0' });
  });

  it('project list --my-projects: a member sees only their project', async () => {
    const result = await runOpenstack(['project', 'list', '--my-projects', '-f', 'json'], asDemo);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toEqual([{ ID: PROJECT_IDS.demo, Name: 'demo' }]);
  });

  it('a wrong password: non-zero exit and a 401', async () => {
    const result = await runOpenstack(['token', 'issue', '-f', 'json'], { ...asDemo, OS_PASSWORD: 'wrong' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('401');
    expect(result.stderr).toContain('The request you have made requires authentication.');
  });
});

import { describe, expect, it } from 'vitest';
import { call, useTestCloud } from '../../testing/test-cloud';

const cloud = useTestCloud({ build: { seed: 'demo' }, login: true });

describe('network extensions', () => {
  it('lists what the emulator serves, each with name, alias, description, updated and links', async () => {
    const response = await call(cloud.app, cloud.demo, 'GET', '/networking/v2.0/extensions');
    expect(response.statusCode).toBe(200);
    const extensions = response.json().extensions as Record<string, unknown>[];
    const aliases = extensions.map((extension) => extension.alias);
    for (const alias of ['security-group', 'quotas', 'quota_details', 'agent', 'availability_zone', 'filter-validation']) {
      expect(aliases).toContain(alias);
    }
    expect(new Set(aliases).size).toBe(aliases.length);
    expect(extensions.find((extension) => extension.alias === 'quotas')).toEqual({
      alias: 'quotas',
      name: 'Quota management support',
      description: 'Expose functions for quotas management per project',
      updated: '2012-07-29T10:00:00-00:00',
      links: [],
    });
  });

  it('shows one by alias and answers 404 for one it does not serve', async () => {
    const shown = await call(cloud.app, cloud.demo, 'GET', '/networking/v2.0/extensions/security-group');
    expect(shown.json().extension.name).toBe('security-group');
    const missing = await call(cloud.app, cloud.demo, 'GET', '/networking/v2.0/extensions/trunk');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().NeutronError).toMatchObject({ type: 'HTTPNotFound', message: 'Extension with alias trunk does not exist' });
  });

  it('needs a token', async () => {
    expect((await call(cloud.app, undefined, 'GET', '/networking/v2.0/extensions')).statusCode).toBe(401);
  });
});

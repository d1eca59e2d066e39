// Heat's resource_types and template_versions: what `openstack orchestration resource type list/show`
// and `template version list` read.

import { describe, expect, it } from 'vitest';
import { call, useTestCloud } from '../../testing/test-cloud';
import { projectOf } from './heat-test-support';

const cloud = useTestCloud({ login: true });

type Row = Record<string, unknown>;

describe('Heat resource types and template versions', () => {
  it('lists the supported types, filtered by a name pattern, with descriptions on request', async () => {
    const base = `/heat-api/v1/${await projectOf(cloud.app, cloud.demo)}`;
    const all = (await call(cloud.app, cloud.demo, 'GET', `${base}/resource_types`)).json() as { resource_types: string[] };
    expect(all.resource_types).toContain('OS::Nova::Server');
    expect(all.resource_types).toContain('OS::Heat::AutoScalingGroup');
    expect(all.resource_types).toEqual([...all.resource_types].sort());
    const neutron = (await call(cloud.app, cloud.demo, 'GET', `${base}/resource_types?name=OS::Neutron::`)).json() as { resource_types: string[] };
    expect(neutron.resource_types.length).toBeGreaterThan(0);
    expect(neutron.resource_types.every((t) => t.startsWith('OS::Neutron::'))).toBe(true);
    const described = (await call(cloud.app, cloud.demo, 'GET', `${base}/resource_types?with_description=true&name=OS::Nova`)).json() as { resource_types: Row[] };
    expect(described.resource_types).toEqual([{ resource_type: 'OS::Nova::Server', description: 'A resource for managing Nova instances.' }]);
    const bad = await call(cloud.app, cloud.demo, 'GET', `${base}/resource_types?name=(`);
    expect(bad.statusCode).toBe(400);
  });

  it('shows a type schema with required properties, custom constraints and attributes; 404 for others', async () => {
    const base = `/heat-api/v1/${await projectOf(cloud.app, cloud.demo)}`;
    const shown = await call(cloud.app, cloud.demo, 'GET', `${base}/resource_types/OS::Nova::Server`);
    expect(shown.statusCode, shown.body).toBe(200);
    const schema = shown.json() as { resource_type: string; properties: Record<string, Row>; attributes: Record<string, Row>; support_status: Row };
    expect(schema.resource_type).toBe('OS::Nova::Server');
    expect(schema.properties.flavor).toMatchObject({ type: 'string', required: true, update_allowed: true, constraints: [{ custom_constraint: 'nova.flavor' }] });
    expect(schema.properties.key_name).toMatchObject({ required: false, constraints: [{ custom_constraint: 'nova.keypair' }] });
    expect(Object.keys(schema.attributes)).toEqual(expect.arrayContaining(['first_address', 'show']));
    expect(schema.support_status.status).toBe('SUPPORTED');
    const policy = (await call(cloud.app, cloud.demo, 'GET', `${base}/resource_types/OS::Heat::ScalingPolicy`)).json() as { properties: Record<string, Row> };
    expect(policy.properties.adjustment_type!.constraints).toEqual([{ allowed_values: ['change_in_capacity', 'exact_capacity', 'percent_change_in_capacity'] }]);
    const missing = await call(cloud.app, cloud.demo, 'GET', `${base}/resource_types/OS::Nova::Nothing`);
    expect(missing.statusCode).toBe(404);
    expect((missing.json() as { error: Row }).error).toMatchObject({ type: 'EntityNotFound', message: 'The Resource Type (OS::Nova::Nothing) could not be found.' });
  });

  it('lists template versions with release-name aliases and each version’s functions', async () => {
    const base = `/heat-api/v1/${await projectOf(cloud.app, cloud.demo)}`;
    const versions = (await call(cloud.app, cloud.demo, 'GET', `${base}/template_versions`)).json() as { template_versions: Row[] };
    expect(versions.template_versions[0]).toEqual({ version: 'heat_template_version.2013-05-23', type: 'hot', aliases: [] });
    expect(versions.template_versions).toContainEqual({ version: 'heat_template_version.2016-10-14', type: 'hot', aliases: ['heat_template_version.newton'] });
    const fns = (await call(cloud.app, cloud.demo, 'GET', `${base}/template_versions/heat_template_version.2013-05-23/functions`)).json() as { template_functions: Row[] };
    expect(fns.template_functions.map((f) => f.functions)).toEqual(['get_attr', 'get_file', 'get_param', 'get_resource', 'str_replace']);
    const unknown = await call(cloud.app, cloud.demo, 'GET', `${base}/template_versions/heat_template_version.1999-01-01/functions`);
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses another project’s tenant in the path', async () => {
    const other = await projectOf(cloud.app, cloud.admin);
    expect((await call(cloud.app, cloud.demo, 'GET', `/heat-api/v1/${other}/resource_types`)).statusCode).toBe(403);
  });
});

// POST /v1/{tenant}/validate: parameters of a valid template, the environment's files resolved by name,
// a YAML error answered 400 with its line and column, a missing file named.

import { describe, expect, it } from 'vitest';
import { call, useTestCloud } from '../../testing/test-cloud';
import { projectOf } from './heat-test-support';
import { fixture } from './hot/hot-test-support';

const cloud = useTestCloud({ resetBeforeEach: 'demo', login: true });

async function validate(body: unknown) {
  const tenant = await projectOf(cloud.app, cloud.demo);
  return call(cloud.app, cloud.demo, 'POST', `/heat-api/v1/${tenant}/validate`, body);
}

type Params = Record<string, Record<string, unknown>>;

describe('Heat template validate', () => {
  it('lists parameters with types, defaults and constraints', async () => {
    const res = await validate({
      template: [
        'heat_template_version: 2018-08-31',
        'description: one port',
        'parameters:',
        '  net: {type: string, default: private, constraints: [{custom_constraint: neutron.network}]}',
        '  size: {type: number, constraints: [{range: {min: 1, max: 5}, description: one to five}]}',
        '  secret: {type: string, hidden: true, default: x}',
        'resources:',
        '  port: {type: OS::Neutron::Port, properties: {network: {get_param: net}}}',
      ].join('\n'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { Description: string; Parameters: Params };
    expect(body.Description).toBe('one port');
    expect(body.Parameters.net).toMatchObject({ Type: 'String', Default: 'private', CustomConstraint: 'neutron.network' });
    expect(body.Parameters.size).toMatchObject({ Type: 'Number', MinValue: 1, MaxValue: 5, ConstraintDescription: 'one to five' });
    expect(body.Parameters.secret).toMatchObject({ NoEcho: 'true', Default: '******' });
  });

  it('resolves the environment resource_registry through files matched by name', async () => {
    const template = fixture('rhosp16-gnocchi/template.yaml');
    const environment = fixture('rhosp16-gnocchi/environment.yaml');
    const ok = await validate({ template, environment, files: { '~/stacks/example1/cirros.yaml': fixture('rhosp16-gnocchi/cirros.yaml') } });
    expect(ok.statusCode, ok.body).toBe(200);
    const missing = await validate({ template, environment, files: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('cirros.yaml');
  });

  it('answers a YAML error with its line and column', async () => {
    const res = await validate({ template: fixture('rhosp16-gnocchi/template.as-published.yaml') });
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/line 2, column 3/);
  });
});

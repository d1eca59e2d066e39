import { describe, expect, it } from 'vitest';

import { useFakeService } from '../openstack/fake-service';
import { fakeScope } from './fake-scope';
import { changeStack, launchStack, previewChange, removeStack, runStackAction, validateBundle } from './stacks';

const fake = useFakeService();
const H = '/orchestration';
const TEMPLATE = 'heat_template_version: 2018-08-31\nparameters:\n  flavor: {type: string}\nresources: {}\n';
const VALIDATED = {
  Description: 'demo',
  Parameters: {
    flavor: { Type: 'String', Description: 'Flavor', Label: 'flavor', NoEcho: 'false', CustomConstraint: 'nova.flavor' },
    size: { Type: 'Number', Default: 1, Label: 'size', NoEcho: 'false', MinValue: 1, MaxValue: 3, ConstraintDescription: 'one to three' },
  },
};
const STACK = { id: 's1', stack_name: 'web', stack_status: 'CREATE_COMPLETE', parameters: { flavor: 'm1.tiny', size: '1', 'OS::stack_id': 's1' } };
const json = (recorded: { body: string }) => JSON.parse(recorded.body) as Record<string, unknown>;

function stackRoutes() {
  fake.on(`GET ${H}/stacks/s1`, { status: 302, headers: { location: `${fake.url}${H}/stacks/web/s1` } });
  fake.on(`GET ${H}/stacks/web/s1`, { status: 200, body: { stack: STACK } });
  fake.on(`GET ${H}/stacks/web/s1/template`, { status: 200, body: { heat_template_version: '2018-08-31', parameters: { flavor: { type: 'string' } }, resources: {} } });
  fake.on(`GET ${H}/stacks/web/s1/environment`, { status: 200, body: { parameters: {}, resource_registry: {} } });
  fake.on(`GET ${H}/stacks/web/s1/files`, { status: 200, body: {} });
  fake.on(`POST ${H}/validate`, { status: 200, body: VALIDATED });
}

describe('stacks BFF', () => {
  it('validate: parameters with their constraints and the references, each found or not', async () => {
    fake.on(`POST ${H}/validate`, { status: 200, body: VALIDATED });
    const env = 'resource_registry:\n  "My::Server": file:///etc/heat/templates/cirros.yaml\n';
    const result = await validateBundle(fakeScope(fake.url), { template: TEMPLATE, environment: env, files: { 'file:///etc/heat/templates/cirros.yaml': 'heat_template_version: 2018-08-31' } });
    expect(result.description).toBe('demo');
    expect(result.parameters[0]).toMatchObject({ name: 'flavor', type: 'string', constraints: [{ kind: 'custom_constraint', name: 'nova.flavor' }] });
    expect(result.parameters[1]).toMatchObject({ name: 'size', type: 'number', default: 1, constraints: [{ kind: 'range', min: 1, max: 3, description: 'one to three' }] });
    expect(result.references).toEqual([{ name: 'file:///etc/heat/templates/cirros.yaml', kind: 'resource_registry', found: true }]);
    expect(json(fake.requests[0]!)).toMatchObject({ template: TEMPLATE, environment: env });
  });

  it('validate: a missing file is named at the files field before Heat is asked', async () => {
    const env = 'resource_registry:\n  "My::Server": ~/stacks/example1/cirros.yaml\n';
    await expect(validateBundle(fakeScope(fake.url), { template: TEMPLATE, environment: env, files: {} })).rejects.toMatchObject({
      payload: { status: 400, fields: { files: 'files_missing|~/stacks/example1/cirros.yaml' } },
    });
    expect(fake.requests).toHaveLength(0);
  });

  it('validate: Heat’s YAML error goes to the template field with its line and column', async () => {
    const message = 'Error parsing template: bad indentation at line 2, column 3: this line is indented more than the line before it';
    fake.on(`POST ${H}/validate`, { status: 400, body: { code: 400, error: { message, type: 'TemplateParseError' }, title: 'Bad Request' } });
    await expect(validateBundle(fakeScope(fake.url), { template: 'heat_template_version: 2016-10-14\n  description: x', files: {} })).rejects.toMatchObject({
      payload: { status: 400, fields: { template: message }, service: 'orchestration' },
    });
  });

  it('launch: parameters are checked at their fields before create', async () => {
    fake.on(`POST ${H}/validate`, { status: 200, body: VALIDATED });
    await expect(
      launchStack(fakeScope(fake.url), { name: 'web', template: TEMPLATE, environment: null, files: {}, parameters: { flavor: '', size: '9' }, timeoutMins: null, rollback: true }),
    ).rejects.toMatchObject({ payload: { status: 400, fields: { 'parameters.flavor': 'param_required', 'parameters.size': 'one to three' } } });
    expect(fake.requests.map((r) => r.url)).toEqual([`${H}/validate`]);
  });

  it('launch: creates with the values given, defaults left to Heat, and rollback/timeout in Heat’s names', async () => {
    fake.on(`POST ${H}/validate`, { status: 200, body: VALIDATED });
    fake.on(`POST ${H}/stacks`, { status: 201, body: { stack: { id: 'new-id', links: [] } } });
    const created = await launchStack(fakeScope(fake.url), { name: 'web', template: TEMPLATE, environment: null, files: {}, parameters: { flavor: 'm1.tiny', size: '' }, timeoutMins: 30, rollback: false });
    expect(created).toEqual({ stack: { id: 'new-id', name: 'web' } });
    expect(json(fake.requests[1]!)).toEqual({ stack_name: 'web', template: TEMPLATE, files: {}, parameters: { flavor: 'm1.tiny' }, timeout_mins: 30, disable_rollback: true });
  });

  it('launch: a taken name is reported at the name', async () => {
    fake.on(`POST ${H}/validate`, { status: 200, body: VALIDATED });
    fake.on(`POST ${H}/stacks`, { status: 409, body: { code: 409, error: { message: 'The Stack (web) already exists.', type: 'StackExists' } } });
    await expect(
      launchStack(fakeScope(fake.url), { name: 'web', template: TEMPLATE, environment: null, files: {}, parameters: { flavor: 'm1.tiny' }, timeoutMins: null, rollback: true }),
    ).rejects.toMatchObject({ payload: { status: 409, fields: { name: 'name_taken' } } });
  });

  it('update with the existing template: PATCH at the canonical path with only the changed parameters', async () => {
    stackRoutes();
    fake.on(`PATCH ${H}/stacks/web/s1`, { status: 202, body: null });
    await changeStack(fakeScope(fake.url), 's1', { mode: 'existing', parameters: { flavor: '', size: '2' }, timeoutMins: null, rollback: true });
    const patch = fake.requests.find((r) => r.method === 'PATCH')!;
    expect(json(patch)).toEqual({ parameters: { size: '2' }, disable_rollback: false });
  });

  it('update preview: Heat’s resource changes, or null when the cloud has no update preview', async () => {
    stackRoutes();
    fake.on(`PATCH ${H}/stacks/web/s1/preview`, { status: 200, body: { resource_changes: { added: [], deleted: [], replaced: [], unchanged: [{ resource_name: 'a' }], updated: [{ resource_name: 'group' }] } } });
    const scope = fakeScope(fake.url);
    const input = { mode: 'existing' as const, parameters: { size: '2' }, timeoutMins: null, rollback: true };
    expect((await previewChange(scope, 's1', input)).changes).toMatchObject({ updated: ['group'], unchanged: ['a'] });
    fake.on(`PATCH ${H}/stacks/web/s1/preview`, { status: 501, body: { code: 501, error: { message: 'Not implemented' } } });
    expect(await previewChange(scope, 's1', input)).toEqual({ changes: null });
  });

  it('actions and delete go to the canonical path', async () => {
    stackRoutes();
    fake.on(`POST ${H}/stacks/web/s1/actions`, { status: 202, body: null });
    fake.on(`DELETE ${H}/stacks/web/s1`, { status: 204 });
    await runStackAction(fakeScope(fake.url), 's1', 'suspend');
    await removeStack(fakeScope(fake.url), 's1');
    expect(json(fake.requests.find((r) => r.url.endsWith('/actions'))!)).toEqual({ suspend: null });
    expect(fake.requests.some((r) => r.method === 'DELETE' && r.url === `${H}/stacks/web/s1`)).toBe(true);
  });
});

describe('Heat refusals', () => {
  it('put an unknown resource type on the template and a parameter’s problem on the parameter', async () => {
    const { heatFields } = await import('./stack-errors');
    expect(heatFields('Parameter \'flavor\' is invalid: Error validating value \'m9\': The Flavor ID (m9) could not be found.')).toEqual({
      'parameters.flavor': "Parameter 'flavor' is invalid: Error validating value 'm9': The Flavor ID (m9) could not be found.",
    });
    fake.on(`POST ${H}/validate`, { status: 400, body: { code: 400, error: { message: 'The Resource Type (OS::Foo) could not be found.', type: 'StackValidationFailed' } } });
    await expect(validateBundle(fakeScope(fake.url), { template: TEMPLATE, files: {} })).rejects.toMatchObject({
      payload: { status: 400, fields: { template: 'The Resource Type (OS::Foo) could not be found.' } },
    });
  });
});

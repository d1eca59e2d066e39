// python-heatclient's `openstack orchestration template validate` against the embedded cloud's
// POST /v1/{tenant}/validate: a template with its environment and nested file as heatclient sends them,
// the parameters listed with their defaults, and Heat's refusal of an unknown resource type.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DEMO, openrcEnv, runOpenstack } from './cli';

const asDemo = openrcEnv(inject('cloudUrl'), DEMO);
const FIXTURES = join(__dirname, '..', 'emulator', 'services', 'orchestration', 'hot', 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'zenith-validate-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('openstack orchestration template validate', () => {
  it('validates the Japanese guide’s scenario with its environment and nested template', async () => {
    writeFileSync(join(work, 'cirros.yaml'), readFileSync(join(FIXTURES, 'rhosp16-gnocchi', 'cirros.yaml')));
    writeFileSync(join(work, 'template.yaml'), readFileSync(join(FIXTURES, 'rhosp16-gnocchi', 'template.yaml')));
    const env = readFileSync(join(FIXTURES, 'rhosp16-gnocchi', 'environment.yaml'), 'utf8').replace('~/stacks/example1/cirros.yaml', 'cirros.yaml');
    writeFileSync(join(work, 'environment.yaml'), env);
    const result = await runOpenstack(['orchestration', 'template', 'validate', '-t', join(work, 'template.yaml'), '-e', join(work, 'environment.yaml'), '-f', 'json'], asDemo);
    expect(result.code, result.stderr).toBe(0);
    expect(result.json).toMatchObject({ Description: 'Example auto scale group, policy and alarm', Parameters: {} });
  });

  it('lists a template’s parameters with their types and defaults', async () => {
    writeFileSync(join(work, 'lb-env.yaml'), readFileSync(join(FIXTURES, 'rhosp8-webapp', 'lb-env.yaml')));
    const template = readFileSync(join(FIXTURES, 'rhosp8-webapp', 'lb-webserver-rhel7.yaml'), 'utf8').replace('file:///etc/heat/templates/lb-env.yaml', 'lb-env.yaml');
    writeFileSync(join(work, 'web.yaml'), template);
    const result = await runOpenstack(['orchestration', 'template', 'validate', '-t', join(work, 'web.yaml'), '-f', 'json'], asDemo);
    expect(result.code, result.stderr).toBe(0);
    const parameters = (result.json as { Parameters: Record<string, Record<string, unknown>> }).Parameters;
    expect(parameters.flavor).toMatchObject({ Type: 'String', Default: 'm2.tiny', Description: 'flavor used by the web servers' });
    expect(parameters.key_name).toMatchObject({ Type: 'String', Default: 'admin' });
  });

  it('refuses an unknown resource type with Heat’s message', async () => {
    writeFileSync(join(work, 'bad.yaml'), 'heat_template_version: 2018-08-31\nresources:\n  x: {type: OS::Nope::Thing}\n');
    const result = await runOpenstack(['orchestration', 'template', 'validate', '-t', join(work, 'bad.yaml')], asDemo);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('OS::Nope::Thing');
  });
});
